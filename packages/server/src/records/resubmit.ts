import { resubmitTransition, type FileSlot } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { writeAudit } from '../audit.ts';
import type { AuthedContext } from '../context.ts';
import type { RecordRow } from '../platform/tables.ts';
import { insertStoredFile, type StagedFile } from './files.ts';
import { assertMayEnter } from './policy.ts';
import { transitionRecord } from './transition.ts';

/** The audit action a resubmission of a record of `kind` writes: its latest entry is the record's submission time, its `before` holds the failure reason it answered. */
export function resubmitAction(kind: string): string {
  return `${kind}.resubmit`;
}

export interface ResubmitInput {
  summary: string;
  /** Replacement files; a slot not given keeps its current file. */
  files: StagedFile[];
}

/**
 * A failed (未通過) record, fixed by its enterer, goes back to pending for a new certification.
 * `before` is the record as the caller loaded it (loadRecord).
 */
export async function resubmitRecord(ctx: AuthedContext, before: RecordRow, input: ResubmitInput): Promise<RecordRow> {
  const student = await ctx.db.selectFrom('students').selectAll().where('id', '=', before.student_id).executeTakeFirstOrThrow();
  const role = assertMayEnter(ctx, before.kind, student);
  const status = resubmitTransition(before.status as never);
  return ctx.db.transaction().execute(async (trx) => {
    const replaced: Partial<Record<FileSlot, string>> = {};
    for (const file of input.files) replaced[file.slot] = await insertStoredFile(trx, ctx, file);
    const changes = {
      summary: input.summary,
      document_file_id: replaced.document ?? before.document_file_id,
      media_file_id: replaced.media ?? before.media_file_id,
      status,
      status_reason: null,
      decided_by: null,
      decided_by_name: null,
      decided_role: null,
      decided_at: null,
      decided_for: null,
      decided_for_name: null,
      version: before.version + 1,
      updated_at: nowIso(ctx.now()),
    };
    const after = await transitionRecord(trx, before, 'failed', changes, 'not-failed');
    await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role, action: resubmitAction(before.kind), entity: 'record', entityId: before.id, studentId: before.student_id, before, after, at: ctx.now() });
    return after;
  });
}
