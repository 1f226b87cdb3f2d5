import { receiptStatus, type StoredReceiptStatus } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { receiptDb } from './tables.ts';

/**
 * 收訖確認 not yet given: for each of `studentIds` that has any, how many receipt items of an
 * imported batch they have neither confirmed nor raised an issue about while its window has not
 * ended (after the window an unanswered item counts as confirmed, 視同確認). A small public read
 * for other offices (the homeroom's check before submission), through `@licheng/plugin-receipt/server`;
 * call it only when the school enables 'receipt' (its tables exist then).
 */
export async function unconfirmedReceipts(db: Kysely<PlatformDatabase>, school: string, studentIds: readonly string[], today: string): Promise<Map<string, number>> {
  const receipts = receiptDb(db);
  const counts = new Map<string, number>();
  for (let i = 0; i < studentIds.length; i += 500) {
    const rows = await receipts
      .selectFrom('receipt_items as i')
      .innerJoin('receipt_batches as b', 'b.id', 'i.batch_id')
      .select(['i.student_id', 'i.status', 'b.window_start', 'b.window_end'])
      .where('i.school_code', '=', school)
      .where('i.status', '=', 'pending')
      .where('i.student_id', 'in', studentIds.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      if (receiptStatus(row.status as StoredReceiptStatus, { start: row.window_start, end: row.window_end }, today) !== 'pending') continue;
      counts.set(row.student_id, (counts.get(row.student_id) ?? 0) + 1);
    }
  }
  return counts;
}
