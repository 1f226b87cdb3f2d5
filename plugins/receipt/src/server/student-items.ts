import { assertWindowOpen, findWindow, taipeiDate, type AcademicTerm, type ScheduleWindow } from '@licheng/core';
import { currentStudent, type AuthedContext, type Student } from '@licheng/server';
import type { Kysely } from 'kysely';
import type { ReceiptDatabase } from './tables.ts';

/** The signed-in student's items among `ids`, each with its batch's window; refuses another student's. */
export async function ownItems(trx: Kysely<ReceiptDatabase>, ctx: AuthedContext, student: Student, ids: string[]) {
  return studentItems(trx, ctx.config.code, student.id, ids);
}

/** A student's items among `ids` (another student's are left out), each with its batch's window. */
export async function studentItems(trx: Kysely<ReceiptDatabase>, school: string, studentId: string, ids: string[]) {
  const rows = await trx
    .selectFrom('receipt_items')
    .innerJoin('receipt_batches', 'receipt_batches.id', 'receipt_items.batch_id')
    .innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id')
    .select([
      'receipt_items.id',
      'receipt_items.status',
      'receipt_items.open_issue_id',
      'receipt_items.batch_id',
      'receipt_items.entry_json',
      'receipt_items.paper_return_id',
      'receipt_rosters.kind',
      'receipt_rosters.name as roster_name',
      'receipt_batches.window_start',
      'receipt_batches.window_end',
      'receipt_batches.academic_year',
      'receipt_batches.semester',
    ])
    .where('receipt_items.school_code', '=', school)
    .where('receipt_items.student_id', '=', studentId)
    .where('receipt_items.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ...r, window: { start: r.window_start, end: r.window_end } }));
}

/**
 * The school's own 收訖明細確認 window in its schedule (作業期程), when it sets one for the batch's
 * term and the student's grade and class: confirming and raising an issue are refused outside it
 * (window-not-open, window-closed), on top of the batch's own window. Without one, the batch's
 * window announced at import governs alone.
 */
export function assertScheduledConfirmation(schedule: readonly ScheduleWindow[], item: { academic_year: number; semester: number }, student: Student, now: Date): void {
  // A year roster (學期 0) matches only whole-year windows, as findWindow treats semester 0.
  const term = { academicYear: Number(item.academic_year), semester: Number(item.semester) as AcademicTerm['semester'] };
  const scope = { grade: Number(student.grade), className: student.class_name };
  // No window of the school's own: the batch's window governs alone. Otherwise core's rule and words.
  const window = findWindow(schedule, 'receipt-confirmation', term, scope);
  if (window) assertWindowOpen([window], 'receipt-confirmation', term, now, scope);
}

/** The student and today's date (Taipei) for a student's procedure. */
export async function studentToday(ctx: AuthedContext): Promise<{ student: Student; today: string }> {
  return { student: await currentStudent(ctx), today: taipeiDate(ctx.now()) };
}
