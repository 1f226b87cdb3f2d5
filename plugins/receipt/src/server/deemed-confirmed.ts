import { taipeiDate } from '@licheng/core';
import { inChunks, nowIso } from '@licheng/db';
import { writeOperationAudit, type JobDefinition, type PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { receiptDb } from './tables.ts';

/** Who the audit trail names for what the closing job records. */
export const RECEIPT_JOB_ACTOR = { userId: 'licheng:receipt-job', name: '收訖確認排程' } as const;
export const RECEIPT_JOB_ROLE = 'system';

export interface DeemedRun {
  batches: number;
  items: number;
}

/**
 * 視同確認: for every batch of the school whose window ended before today (Taipei), records each
 * item still pending as deemed confirmed, with the time — one transaction per batch with the
 * batch's audit entry and one entry per item. Idempotent: only pending items change (a
 * conditional update), so a second run, or a second process, finds nothing to do. An item whose
 * issue is answered after the window is free again and is recorded on the next run. Items the
 * office recorded from a returned paper form are `confirmed` or `issue` and are left alone.
 */
export async function recordDeemedConfirmations(db: Kysely<PlatformDatabase>, school: string, now: Date): Promise<DeemedRun> {
  const today = taipeiDate(now);
  const receipts = receiptDb(db);
  const due = await receipts
    .selectFrom('receipt_batches as b')
    .select(['b.id', 'b.window_end'])
    .where('b.school_code', '=', school)
    .where('b.window_end', '<', today)
    .where((eb) => eb.exists(eb.selectFrom('receipt_items as i').select('i.id').whereRef('i.batch_id', '=', 'b.id').where('i.status', '=', 'pending')))
    .orderBy('b.window_end')
    .execute();
  const run: DeemedRun = { batches: 0, items: 0 };
  for (const batch of due) {
    const changed = await db.transaction().execute(async (platformTrx) => {
      const trx = receiptDb(platformTrx);
      const pending = await trx.selectFrom('receipt_items').select(['id', 'student_id']).where('batch_id', '=', batch.id).where('status', '=', 'pending').orderBy('id').execute();
      if (pending.length === 0) return 0;
      const at = nowIso(now);
      for (const part of inChunks(pending)) {
        await trx
          .updateTable('receipt_items')
          .set({ status: 'deemed-confirmed', deemed_confirmed_at: at, updated_at: at })
          .where('id', 'in', part.map((p) => p.id))
          .where('status', '=', 'pending')
          .execute();
      }
      // The rows this run changed (a row changed meanwhile by anyone else keeps its own time).
      const changedItems = await trx.selectFrom('receipt_items').select(['id', 'student_id']).where('batch_id', '=', batch.id).where('status', '=', 'deemed-confirmed').where('deemed_confirmed_at', '=', at).orderBy('id').execute();
      const count = changedItems.length;
      if (count === 0) return 0;
      await writeOperationAudit(
        platformTrx,
        { school, actor: RECEIPT_JOB_ACTOR, role: RECEIPT_JOB_ROLE, actedFor: null, action: 'receipt.batch.deem-confirmed', entity: 'receipt-batch', entityId: batch.id, after: { windowEnd: batch.window_end, items: count }, at: now },
        changedItems.map((item) => ({ action: 'receipt.item.deem-confirmed', entity: 'receipt-item', entityId: item.id, studentId: item.student_id, before: { status: 'pending', deemed_confirmed_at: null }, after: { status: 'deemed-confirmed', deemed_confirmed_at: at } })),
      );
      return count;
    });
    if (changed > 0) {
      run.batches++;
      run.items += changed;
    }
  }
  return run;
}

/** The closing job for the platform's job runner (ADR 0026): checked every `everyMs` (default hourly), one run at a time across processes. */
export function deemedConfirmationJob(options: { db: Kysely<PlatformDatabase>; school: string; everyMs?: number }): JobDefinition {
  return {
    name: `receipt-deemed-confirmed:${options.school}`,
    everyMs: options.everyMs ?? 3_600_000,
    async run(now) {
      const run = await recordDeemedConfirmations(options.db, options.school, now);
      return `${run.items} receipt items of ${run.batches} batches recorded as deemed confirmed`;
    },
  };
}
