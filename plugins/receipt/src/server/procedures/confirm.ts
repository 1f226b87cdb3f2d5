import { assertConfirmationOpen, DomainError } from '@licheng/core';
import { authedProcedure, scheduleOf } from '@licheng/server';
import { z } from 'zod';
import { confirmItems } from '../item-answers.ts';
import { STUDENT_ROLES } from '../roles.ts';
import { assertScheduledConfirmation, ownItems, studentToday } from '../student-items.ts';
import { receiptDb } from '../tables.ts';

export const confirmInput = z.object({ itemIds: z.array(z.string().min(1).max(36)).min(1).max(100) });

/**
 * receipt.confirm — the student confirms their own items inside the window. Idempotent: an
 * item already confirmed stays as it is. An item with an issue waiting for the office is
 * refused (`receipt-issue-open`), checked again by the update itself (item-answers.ts).
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
      }
      const who = { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, studentId: student.id, at, paperReturnId: null, enabled: ctx.config.plugins.enabled };
      const changed = await confirmItems(platformTrx, items, who);
      return { confirmed: ids, changed: changed.length };
    });
  });
