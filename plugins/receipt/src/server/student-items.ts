import { taipeiDate } from '@licheng/core';
import { currentStudent, type AuthedContext, type Student } from '@licheng/server';
import type { Kysely } from 'kysely';
import type { ReceiptDatabase } from './tables.ts';

/** The signed-in student's items among `ids`, each with its batch's window; refuses another student's. */
export async function ownItems(trx: Kysely<ReceiptDatabase>, ctx: AuthedContext, student: Student, ids: string[]) {
  const rows = await trx
    .selectFrom('receipt_items')
    .innerJoin('receipt_batches', 'receipt_batches.id', 'receipt_items.batch_id')
    .select(['receipt_items.id', 'receipt_items.status', 'receipt_items.open_issue_id', 'receipt_items.batch_id', 'receipt_batches.window_start', 'receipt_batches.window_end'])
    .where('receipt_items.school_code', '=', ctx.config.code)
    .where('receipt_items.student_id', '=', student.id)
    .where('receipt_items.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ...r, window: { start: r.window_start, end: r.window_end } }));
}

/** The student and today's date (Taipei) for a student's procedure. */
export async function studentToday(ctx: AuthedContext): Promise<{ student: Student; today: string }> {
  return { student: await currentStudent(ctx), today: taipeiDate(ctx.now()) };
}
