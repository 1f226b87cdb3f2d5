import { academicTermOf, essayKindLabels, essayLanguageLabels, type RecordStatus } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { assertStudentsWritable, writeAudit, type AuthedContext, type PlatformDatabase, type RecordRow } from '@licheng/server';
import type { Kysely } from 'kysely';
import { autobiographyDb, type CheckRow, type DocumentRow } from './tables.ts';

/**
 * The `records` row of kind `autobiography` / `study-plan` (data `{ language }`) that shows a
 * document where every office looks — 我的學習歷程, the homeroom teacher's class progress, the
 * generic record lists — without them importing this office (ADR 0017). It exists from the
 * document's first submission and follows the check: submitted → pending (認證中), passed →
 * passed, returned → failed with the checker's comment, a cancelled first submission → withdrawn.
 * A new draft after a decision leaves the row as the decision left it until it is submitted again.
 */
export interface MirrorState {
  status: RecordStatus;
  reason: string | null;
  decision: Pick<CheckRow, 'decided_by' | 'decided_by_name' | 'decided_role' | 'decided_at'> | null;
}

/** The mirror of a decision that stands, or of none (pending while submitted, else withdrawn). */
export function mirrorOf(document: Pick<DocumentRow, 'status'>, standing: CheckRow | null): MirrorState {
  if (document.status === 'submitted') return { status: 'pending', reason: null, decision: null };
  if (!standing) return { status: 'withdrawn', reason: '取消送出檢核', decision: null };
  return { status: standing.decision === 'passed' ? 'passed' : 'failed', reason: standing.decision === 'returned' ? standing.comment : null, decision: standing };
}

/** Creates or brings up to date the document's `records` row; returns its id. In the caller's transaction. */
export async function syncMirror(trx: Kysely<PlatformDatabase>, ctx: AuthedContext, document: DocumentRow, state: MirrorState): Promise<string> {
  // The records layer's seal (ADR 0034): a graduate's documents change no more, and the whole change rolls back.
  await assertStudentsWritable(trx, [document.student_id]);
  const at = nowIso(ctx.now());
  const summary = `${essayKindLabels[document.kind]['zh-TW']}（${essayLanguageLabels[document.language]['zh-TW']}）第 ${document.submitted_version ?? document.latest_version} 版`;
  const decided = {
    decided_by: state.decision?.decided_by ?? null,
    decided_by_name: state.decision?.decided_by_name ?? null,
    decided_role: state.decision?.decided_role ?? null,
    decided_at: state.decision?.decided_at ?? null,
    decided_for: null,
    decided_for_name: null,
  };
  if (document.record_id) {
    const before = await trx.selectFrom('records').selectAll().where('id', '=', document.record_id).executeTakeFirstOrThrow();
    const change = { status: state.status, status_reason: state.reason, summary, ...decided, version: Number(before.version) + 1, updated_at: at };
    await trx.updateTable('records').set(change).where('id', '=', before.id).execute();
    await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: `${document.kind}.follow-check`, entity: 'record', entityId: before.id, studentId: document.student_id, before, after: { ...before, ...change }, at: ctx.now() });
    return before.id;
  }
  const term = academicTermOf(ctx.now());
  const record: RecordRow = {
    id: newId(),
    school_code: ctx.config.code,
    kind: document.kind,
    student_id: document.student_id,
    course_id: null,
    academic_year: term.academicYear,
    semester: term.semester,
    summary,
    data: JSON.stringify({ language: document.language }),
    document_file_id: null,
    media_file_id: null,
    status: state.status,
    status_reason: state.reason,
    ...decided,
    entered_by: ctx.identity.userId,
    entered_role: ctx.actingRole,
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('records').values(record).execute();
  await autobiographyDb(trx).updateTable('autobiography_documents').set({ record_id: record.id }).where('id', '=', document.id).execute();
  await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: `${document.kind}.enter`, entity: 'record', entityId: record.id, studentId: document.student_id, after: record, at: ctx.now() });
  return record.id;
}
