import { assertConfirmationOpen, DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, scheduleOf, writeAudits } from '@licheng/server';
import { z } from 'zod';
import { STUDENT_ROLES } from '../roles.ts';
import { assertScheduledConfirmation, ownItems, studentToday } from '../student-items.ts';
import { receiptDb } from '../tables.ts';

export const confirmInput = z.object({ itemIds: z.array(z.string().min(1).max(36)).min(1).max(100) });

/**
 * receipt.confirm — the student confirms their own items inside the window. Idempotent: an
 * item already confirmed stays as it is. An item with an issue waiting for the office is
 * refused (`receipt-issue-open`), checked again by the update itself.
 */
export const confirm = authedProcedure(STUDENT_ROLES)
  .input(confirmInput)
  .mutation(async ({ ctx, input }) => {
    const { student, today } = await studentToday(ctx);
    const ids = [...new Set(input.itemIds)];
    const at = ctx.now();
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = receiptDb(platformTrx);
      const items = await ownItems(trx, ctx, student, ids);
      if (items.length !== ids.length) throw new DomainError('not-found', {});
      const schedule = await scheduleOf(ctx, platformTrx);
      for (const item of items) {
        assertConfirmationOpen(item.window, today);
        assertScheduledConfirmation(schedule, item, student, at);
        if (item.open_issue_id !== null) throw new DomainError('receipt-issue-open', {});
      }
      const changing = items.filter((i) => i.status !== 'confirmed').map((i) => i.id);
      const statusOf = new Map(items.map((i) => [i.id, i.status]));
      if (changing.length > 0) {
        const updated = await trx
          .updateTable('receipt_items')
          .set({ status: 'confirmed', confirmed_at: nowIso(at), updated_at: nowIso(at) })
          .where('id', 'in', changing)
          .where('open_issue_id', 'is', null)
          .where('status', '!=', 'confirmed')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== changing.length) throw new DomainError('receipt-issue-open', {});
        // One audit entry per item: each names the item it changed and its status before and after.
        await writeAudits(
          platformTrx,
          changing.map((id) => ({
            school: ctx.config.code,
            actor: ctx.identity,
            role: ctx.actingRole,
            action: 'receipt.item.confirm',
            entity: 'receipt-item',
            entityId: id,
            studentId: student.id,
            before: { status: statusOf.get(id), confirmed_at: null },
            after: { status: 'confirmed', confirmed_at: nowIso(at) },
            at,
          })),
        );
      }
      return { confirmed: ids, changed: changing.length };
    });
  });
