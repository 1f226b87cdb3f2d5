import { academicTermOf, academicYearSchema, freeText } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';
import { z } from 'zod';

/** Filters of the office's lists: academic year (default the current one) or every year, class, student. */
export const listFilterSchema = z
  .object({
    academicYear: academicYearSchema.optional(),
    /** Every academic year (the year is then ignored); newest year first. */
    allYears: z.boolean().optional(),
    className: freeText({ max: 20, allowBlank: true }).optional(),
    studentNo: freeText({ max: 20, allowBlank: true }).optional(),
  })
  .default({});
export type ListFilter = z.output<typeof listFilterSchema>;

/**
 * Records of one kind at this school with their students, by class, seat and date entered; of
 * one academic year (`academicYear` answers which) or of every year, newest year first (`null`).
 */
export async function listRecords(ctx: AuthedContext, kind: string, filter: ListFilter) {
  const academicYear = filter.allYears ? null : (filter.academicYear ?? academicTermOf(ctx.now()).academicYear);
  let query = ctx.db
    .selectFrom('records as r')
    .innerJoin('students as s', 's.id', 'r.student_id')
    .select(['r.id', 'r.academic_year', 'r.semester', 'r.status', 'r.decided_by_name', 'r.created_at', 'r.data', 'r.document_file_id'])
    .select(['s.student_no', 's.name', 's.class_name', 's.seat_no'])
    .where('r.school_code', '=', ctx.config.code)
    .where('r.kind', '=', kind);
  if (academicYear !== null) query = query.where('r.academic_year', '=', academicYear);
  else query = query.orderBy('r.academic_year', 'desc');
  if (filter.className) query = query.where('s.class_name', '=', filter.className);
  if (filter.studentNo) query = query.where('s.student_no', '=', filter.studentNo);
  const rows = await query.orderBy('s.class_name').orderBy('s.seat_no').orderBy('r.created_at').orderBy('r.id').execute();
  return { academicYear, rows };
}
