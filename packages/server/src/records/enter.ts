import { recordKindPolicy, type FileSlot } from '@licheng/core';
import { forUpdate, newId, nowIso } from '@licheng/db';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit.ts';
import type { AuthedContext } from '../context.ts';
import type { PlatformDatabase, RecordRow, Student } from '../platform/tables.ts';
import { insertStoredFile, withStagedFiles, type StagedFile } from './files.ts';
import { assertMayEnter } from './policy.ts';

export interface EnterRecordInput {
  kind: string;
  student: Student;
  courseId: string | null;
  academicYear: number;
  semester: number;
  summary: string;
  data?: Record<string, unknown>;
  files: StagedFile[];
  /** Kind-specific rules checked inside the transaction after the student row is locked (caps). */
  guard?: (trx: Kysely<PlatformDatabase>) => Promise<void>;
}

/** Lock the student's row so per-student rules (caps) hold under concurrent requests. */
export async function lockStudent(trx: Kysely<PlatformDatabase>, ctx: AuthedContext, studentId: string): Promise<void> {
  await forUpdate(trx.selectFrom('students').select('id').where('id', '=', studentId), ctx.dialect).execute();
}

function fileColumn(files: StagedFile[], ids: string[], slot: FileSlot): string | null {
  const index = files.findIndex((f) => f.slot === slot);
  return index === -1 ? null : (ids[index] ?? null);
}

/** Enters a record of any kind; a certified kind starts pending (認證中). One transaction, audited. */
export async function enterRecord(ctx: AuthedContext, input: EnterRecordInput): Promise<RecordRow> {
  return withStagedFiles(ctx, input.files, () => {
    const role = assertMayEnter(ctx, input.kind, input.student);
    const certified = recordKindPolicy(ctx.config, input.kind).certifiers.length > 0;
    return ctx.db.transaction().execute(async (trx) => {
      await lockStudent(trx, ctx, input.student.id);
      await input.guard?.(trx);
      const fileIds: string[] = [];
      for (const file of input.files) fileIds.push(await insertStoredFile(trx, ctx, file));
      const at = nowIso(ctx.now());
      const record: RecordRow = {
        id: newId(),
        school_code: ctx.config.code,
        kind: input.kind,
        student_id: input.student.id,
        course_id: input.courseId,
        academic_year: input.academicYear,
        semester: input.semester,
        summary: input.summary,
        data: JSON.stringify(input.data ?? {}),
        document_file_id: fileColumn(input.files, fileIds, 'document'),
        media_file_id: fileColumn(input.files, fileIds, 'media'),
        status: certified ? 'pending' : 'passed',
        status_reason: null,
        decided_by: null,
        decided_by_name: null,
        decided_role: null,
        decided_at: null,
        entered_by: ctx.identity.userId,
        entered_role: role,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('records').values(record).execute();
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role, action: `${input.kind}.enter`, entity: 'record', entityId: record.id, after: record, at: ctx.now() });
      return record;
    });
  });
}
