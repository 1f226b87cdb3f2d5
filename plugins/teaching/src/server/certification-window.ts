import { assertWindowOpen, type ScheduleWindow, type WindowScope } from '@licheng/core';
import { scheduleOf, type AuthedContext, type RecordRow } from '@licheng/server';

/**
 * Certification happens inside the school's certification window (認證期間) of the record's
 * term. A window may apply only to some grades (年級), classes or record kinds, so the record's
 * student's grade and class and the record's kind are passed: without them a limited window
 * never matches. `schedule` is the school's current schedule (scheduleOf), read once per call.
 */
export function assertCertificationWindow(
  ctx: AuthedContext,
  schedule: readonly ScheduleWindow[],
  record: Pick<RecordRow, 'academic_year' | 'semester'> & { kind?: string },
  scope: WindowScope | undefined,
): void {
  assertWindowOpen(schedule, 'outcome-certification', { academicYear: record.academic_year, semester: record.semester as 1 | 2 }, ctx.now(), { ...scope, recordKind: record.kind });
}

/** The grade and class of each record's student (records.student_id → students), by record id, in one query. */
export async function recordStudentScopes(ctx: AuthedContext, recordIds: readonly string[]): Promise<Map<string, WindowScope>> {
  if (recordIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('records')
    .innerJoin('students', 'students.id', 'records.student_id')
    .select(['records.id as id', 'students.grade as grade', 'students.class_name as className'])
    .where('records.school_code', '=', ctx.config.code)
    .where('students.school_code', '=', ctx.config.code)
    .where('records.id', 'in', [...recordIds])
    .execute();
  return new Map(rows.map((r) => [r.id, { grade: Number(r.grade), className: r.className }]));
}

/** assertCertificationWindow for one record, its student's grade and class read first. */
export async function assertRecordInWindow(ctx: AuthedContext, record: Pick<RecordRow, 'id' | 'academic_year' | 'semester' | 'kind'>): Promise<void> {
  const scopes = await recordStudentScopes(ctx, [record.id]);
  assertCertificationWindow(ctx, await scheduleOf(ctx), record, scopes.get(record.id));
}
