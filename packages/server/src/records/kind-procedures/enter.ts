import { assertUploadCap, countsTowardPerformanceCap, DomainError, freeText, readVideoUrl, recordFieldsSchema, STANDING_STATUSES, type RecordKindDefinition, type RecordStatus, type Role } from '@licheng/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuthedContext } from '../../context.ts';
import type { PlatformDatabase, Student } from '../../platform/tables.ts';
import { authedProcedure } from '../../trpc.ts';
import { enterRecord } from '../enter.ts';
import { assertMayEnter } from '../policy.ts';
import { dataError, mountedKind, type RecordWriteCheck } from './mounted-kinds.ts';
import { jsonOrForm, recordFileParts, stageKindFiles, withVideoUrl } from './record-files.ts';
import { assertStudentInScope } from './scope.ts';
import type { RecordChangeOutput, RecordEnterInput } from './types.ts';

/** 內容簡述 / the summary of any kind: free text, at most 100 characters, may be blank. */
export const recordSummarySchema = /* @__PURE__ */ freeText({ max: 100, multiline: true, allowBlank: true });

export const recordDataInput = z.record(z.string().max(64), z.union([z.string().max(4000), z.number(), z.null()]));

/** JSON, or multipart form data with a kind's document and media file (record-files.ts). */
export const recordEnterInput = jsonOrForm(
  z.object({
    kind: z.string().min(1).max(64),
    studentId: z.string().min(1).max(64).optional(),
    studentNo: freeText({ max: 32 }).optional(),
    academicYear: z.number().int().min(100).max(999),
    semester: z.union([z.literal(1), z.literal(2)]),
    summary: recordSummarySchema,
    data: recordDataInput,
    ...recordFileParts,
  }),
) satisfies z.ZodType<RecordEnterInput>;

/** The student by id or 學號 at this school (a student: themselves when neither is given); 'not-found' otherwise. */
export async function findStudent(ctx: AuthedContext, by: { studentId?: string | undefined; studentNo?: string | undefined }): Promise<Student> {
  let query = ctx.db.selectFrom('students').selectAll().where('school_code', '=', ctx.config.code);
  if (by.studentId) query = query.where('id', '=', by.studentId);
  else if (by.studentNo) query = query.where('student_no', '=', by.studentNo);
  // A student entering their own record need not know their id or 學號.
  else if (ctx.identity.roles.includes('student')) query = query.where('host_user_id', '=', ctx.identity.userId);
  else throw new DomainError('not-found', {});
  const student = await query.executeTakeFirst();
  if (!student) throw new DomainError('not-found', {});
  return student;
}

/**
 * A kind's data checked against its declared fields (DomainError with the field's code otherwise).
 * A kind with files may also carry its external video link as `videoUrl` (core's readVideoUrl).
 */
export function checkedData(kind: RecordKindDefinition, data: unknown): Record<string, string | number | null> {
  let fields = data;
  let videoUrl: string | null = null;
  if (kind.files && typeof data === 'object' && data !== null && 'videoUrl' in data) {
    const { videoUrl: link, ...rest } = data as Record<string, unknown>;
    videoUrl = readVideoUrl(link);
    fields = rest;
  }
  const result = recordFieldsSchema(kind.fields).safeParse(fields);
  if (!result.success) throw dataError(result.error.issues as never);
  return videoUrl ? { ...result.data, videoUrl } : result.data;
}

/**
 * How many of the student's performances of the year count toward the caps (core's
 * countsTowardPerformanceCap: of the ten types, entered by the student, still standing).
 * Run on `db` inside a transaction holding the student's lock where the count guards a write.
 */
export async function countPerformancesTowardCap(db: Kysely<PlatformDatabase>, studentId: string, academicYear: number): Promise<number> {
  const rows = await db
    .selectFrom('records')
    .select(['kind', 'status', 'entered_role'])
    .where('student_id', '=', studentId)
    .where('academic_year', '=', academicYear)
    .where('kind', 'like', 'performance-%')
    .where('status', 'in', [...STANDING_STATUSES])
    .execute();
  return rows.filter((r) => countsTowardPerformanceCap({ kind: r.kind, status: r.status as RecordStatus, enteredRole: r.entered_role as Role })).length;
}

/**
 * The school's yearly cap on the performances a student enters (rules.performances.uploadCapPerYear),
 * counted under the student's row lock so two concurrent entries cannot both take the last place.
 * Records an office registered and withdrawn records do not count (countsTowardPerformanceCap).
 */
export function performanceCapGuard(ctx: AuthedContext, kind: RecordKindDefinition, role: Role, studentId: string, academicYear: number) {
  const cap = ctx.config.rules.performances.uploadCapPerYear;
  if (kind.family !== 'performance' || role !== 'student' || cap === null) return undefined;
  return async (trx: Kysely<PlatformDatabase>) => assertUploadCap(await countPerformancesTowardCap(trx, studentId, academicYear), cap);
}

/** What one entry of a kind carries beside its student: the term, 內容簡述, the kind's data and, for a kind with files, the files and link. */
export interface KindEntry {
  academicYear: number;
  semester: number;
  summary: string;
  data: Readonly<Record<string, unknown>>;
  videoUrl?: string | undefined;
  document?: File | undefined;
  media?: File | undefined;
}

/**
 * Enters one record of `kind` for `student`, the caller acting as `role` (already checked to
 * be in scope): data checked against the kind's fields, then the files staged (the outcome's
 * limits, type by content), then the record written under the student's lock with the
 * performance cap and the office's own rule (`inTransaction`) checked there. Shared by `<office>.records.enter` and the student's
 * performance upload.
 */
export async function enterKindRecord(ctx: AuthedContext, kind: RecordKindDefinition, student: Student, role: Role, entry: KindEntry, inTransaction?: RecordWriteCheck): Promise<RecordChangeOutput> {
  const data = checkedData(kind, withVideoUrl(entry.data, entry.videoUrl));
  const files = await stageKindFiles(ctx, kind, entry);
  const cap = performanceCapGuard(ctx, kind, role, student.id, entry.academicYear);
  const guard =
    cap || inTransaction
      ? async (trx: Kysely<PlatformDatabase>) => {
          await cap?.(trx);
          await inTransaction?.(trx, ctx, { kind, studentId: student.id, data, recordId: null });
        }
      : undefined;
  const record = await enterRecord(ctx, {
    kind: kind.id,
    student,
    courseId: null,
    academicYear: entry.academicYear,
    semester: entry.semester,
    summary: entry.summary,
    data,
    files,
    ...(guard ? { guard } : {}),
  });
  return { id: record.id, status: record.status as RecordChangeOutput['status'], version: record.version };
}

/** `<office>.records.enter` — one record of one of the office's kinds; a kind with files takes them as a multipart form. */
export function recordEnterProcedure(kinds: readonly RecordKindDefinition[], inTransaction?: RecordWriteCheck) {
  return authedProcedure()
    .input(recordEnterInput)
    .mutation(async ({ ctx, input }): Promise<RecordChangeOutput> => {
      const kind = mountedKind(kinds, input.kind);
      const student = await findStudent(ctx, input);
      const role = assertMayEnter(ctx, kind.id, student);
      await assertStudentInScope(ctx, role, student);
      return enterKindRecord(ctx, kind, student, role, input, inTransaction);
    });
}
