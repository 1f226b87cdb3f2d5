import { recordKindPolicy, type FileSlot, type Role } from '@licheng/core';
import { forUpdate, inChunks, newId, nowIso } from '@licheng/db';
import type { Kysely } from 'kysely';
import { writeAudit, writeAudits, writeOperationAudit } from '../audit.ts';
import type { AuthedContext } from '../context.ts';
import type { PlatformDatabase, RecordRow, Student } from '../platform/tables.ts';
import { insertStoredFile, type StagedFile } from './files.ts';
import { assertMayEnter, certifiesSchoolWide } from './policy.ts';
import { assertStudentsWritable } from './sealed.ts';

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

/** How a record starts: its status and, when it starts decided, who decided it. */
export type EntryDecision = Pick<RecordRow, 'status' | 'decided_by' | 'decided_by_name' | 'decided_role' | 'decided_at'>;

/**
 * The status a new record starts in, entered by the caller acting as `role`:
 * - a kind nobody certifies: passed;
 * - entered in one of its kind's certifier roles that certify school-wide (an office, not a
 *   teacher with a scope): passed on entry, decided by the enterer — the office that would
 *   certify it registers it itself, e.g. the practicum office (實習處) entering the skill-test
 *   centre's list of certificates;
 * - anything else: pending (認證中).
 */
export function entryDecision(ctx: AuthedContext, kind: string, role: Role): EntryDecision {
  const { certifiers } = recordKindPolicy(ctx.config, kind);
  const undecided = { decided_by: null, decided_by_name: null, decided_role: null, decided_at: null };
  if (certifiers.length === 0) return { status: 'passed', ...undecided };
  if (certifiers.includes(role) && certifiesSchoolWide(role)) {
    return { status: 'passed', decided_by: ctx.identity.userId, decided_by_name: ctx.identity.name, decided_role: role, decided_at: nowIso(ctx.now()) };
  }
  return { status: 'pending', ...undecided };
}

/**
 * Enters a record of any kind; a certified kind starts pending (認證中) unless its certifier
 * enters it (entryDecision). One transaction, audited.
 */
export async function enterRecord(ctx: AuthedContext, input: EnterRecordInput): Promise<RecordRow> {
  const role = assertMayEnter(ctx, input.kind, input.student);
  const decision = entryDecision(ctx, input.kind, role);
  return ctx.db.transaction().execute(async (trx) => {
    await lockStudent(trx, ctx, input.student.id);
    await assertStudentsWritable(trx, [input.student.id]);
    await input.guard?.(trx);
    const fileIds: string[] = [];
    for (const file of input.files) fileIds.push(await insertStoredFile(trx, ctx, file));
    const record = newRecordRow(ctx, input.kind, role, decision, {
      ...input,
      data: input.data ?? {},
      documentFileId: fileColumn(input.files, fileIds, 'document'),
      mediaFileId: fileColumn(input.files, fileIds, 'media'),
    });
    await trx.insertInto('records').values(record).execute();
    await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role, action: `${input.kind}.enter`, entity: 'record', entityId: record.id, studentId: record.student_id, after: record, at: ctx.now() });
    return record;
  });
}

/** The row of a new record entered now by the caller acting as `role`. */
function newRecordRow(
  ctx: AuthedContext,
  kind: string,
  role: Role,
  decision: EntryDecision,
  item: { student: Student; courseId: string | null; academicYear: number; semester: number; summary: string; data: Record<string, unknown>; documentFileId: string | null; mediaFileId: string | null },
): RecordRow {
  const at = nowIso(ctx.now());
  return {
    decided_for: null,
    decided_for_name: null,
    id: newId(),
    school_code: ctx.config.code,
    kind,
    student_id: item.student.id,
    course_id: item.courseId,
    academic_year: item.academicYear,
    semester: item.semester,
    summary: item.summary,
    data: JSON.stringify(item.data),
    document_file_id: item.documentFileId,
    media_file_id: item.mediaFileId,
    ...decision,
    status_reason: null,
    entered_by: ctx.identity.userId,
    entered_role: role,
    version: 1,
    created_at: at,
    updated_at: at,
  };
}

/** One record of a list an office enters at once: no files. */
export interface ListedRecord {
  student: Student;
  academicYear: number;
  semester: number;
  summary: string;
  data: Record<string, unknown>;
}

/**
 * Enters many records of one kind inside the caller's transaction — an office's list import
 * (the practicum office's pass list). The caller has checked each row and locked the students
 * (lockStudents); who may enter is checked on the first student's school as for one record,
 * every row gets the same entryDecision, and rows and their audit entries go in a few
 * multi-row inserts. With `operation` (the list import: its action, entity, id and summary),
 * the import gets its own entry and each record's entry points at it, so the import lists
 * every record it entered.
 */
export async function enterRecords(
  trx: Kysely<PlatformDatabase>,
  ctx: AuthedContext,
  kind: string,
  items: readonly ListedRecord[],
  options: {
    /** Rows per INSERT statement. */
    chunk?: number;
    /** The operation (a list import) whose audit entry the records' entries hang under. */
    operation?: { action: string; entity: string; entityId: string; after: Record<string, unknown> } | null;
  } = {},
): Promise<RecordRow[]> {
  const { chunk = 200, operation = null } = options;
  if (items.length === 0) return [];
  const role = assertMayEnter(ctx, kind, items[0]!.student);
  const decision = entryDecision(ctx, kind, role);
  await assertStudentsWritable(trx, items.map((item) => item.student.id));
  const rows = items.map((item) => newRecordRow(ctx, kind, role, decision, { ...item, courseId: null, documentFileId: null, mediaFileId: null }));
  for (let i = 0; i < rows.length; i += chunk) await trx.insertInto('records').values(rows.slice(i, i + chunk)).execute();
  const changes = rows.map((row) => ({ action: `${kind}.enter`, entity: 'record', entityId: row.id, studentId: row.student_id, after: row }));
  const who = { school: ctx.config.code, actor: ctx.identity, role, at: ctx.now() };
  if (operation) await writeOperationAudit(trx, { ...who, ...operation }, changes);
  else await writeAudits(trx, changes.map((change) => ({ ...who, ...change })));
  return rows;
}

/** Locks many students' rows in one statement, in id order (so two imports never deadlock). */
export async function lockStudents(trx: Kysely<PlatformDatabase>, ctx: AuthedContext, studentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(studentIds)].sort();
  for (const part of inChunks(ids)) {
    await forUpdate(trx.selectFrom('students').select('id').where('id', 'in', part).orderBy('id'), ctx.dialect).execute();
  }
}
