import { assertWindowOpen } from '@licheng/core';
import type { AuthedContext, RecordRow } from '@licheng/server';

/**
 * Certification happens inside the school's certification window (認證期間) of the record's
 * term. A window may apply only to some grades (年級), so the record's student's grade is
 * passed: without it a grade-limited window never matches.
 */
export function assertCertificationWindow(ctx: AuthedContext, record: Pick<RecordRow, 'academic_year' | 'semester'>, grade: number | undefined): void {
  assertWindowOpen(ctx.config.schedule, 'outcome-certification', { academicYear: record.academic_year, semester: record.semester as 1 | 2 }, ctx.now(), grade);
}

/** The grade of each record's student (records.student_id → students.grade), by record id, in one query. */
export async function recordStudentGrades(ctx: AuthedContext, recordIds: readonly string[]): Promise<Map<string, number>> {
  if (recordIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('records')
    .innerJoin('students', 'students.id', 'records.student_id')
    .select(['records.id as id', 'students.grade as grade'])
    .where('records.school_code', '=', ctx.config.code)
    .where('students.school_code', '=', ctx.config.code)
    .where('records.id', 'in', [...recordIds])
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.grade)]));
}

/** assertCertificationWindow for one record, its student's grade read first. */
export async function assertRecordInWindow(ctx: AuthedContext, record: Pick<RecordRow, 'id' | 'academic_year' | 'semester'>): Promise<void> {
  const grades = await recordStudentGrades(ctx, [record.id]);
  assertCertificationWindow(ctx, record, grades.get(record.id));
}
