import { assertConfirmationOpen, DomainError, freeText } from '@licheng/core';
import { authedProcedure, scheduleOf } from '@licheng/server';
import { z } from 'zod';
import { raiseItemIssue } from '../item-answers.ts';
import { STUDENT_ROLES } from '../roles.ts';
import { assertScheduledConfirmation, ownItems, studentToday } from '../student-items.ts';
import { receiptDb } from '../tables.ts';

/** Longest issue text, in characters as people count them. */
export const ISSUE_TEXT_MAX = 500;

export const issueText = freeText({ max: ISSUE_TEXT_MAX, multiline: true });

/** The row of the received entry the issue is about (its sheet and 0-based index); optional. */
export const entryRowInput = z.object({ sheet: z.string().min(1).max(100), index: z.number().int().min(0).max(9999) });

export const raiseIssueInput = z.object({ itemId: z.string().min(1).max(36), text: issueText, row: entryRowInput.optional() });

/**
 * receipt.raiseIssue — the student says what the central database got wrong in one of their
 * items, inside the window, optionally naming the row. The issue goes to the office that owns
 * the record (core's RECEIPT_ISSUE_ROUTES; a course's outcomes to its teacher), with the matched
 * record when one is found. One open issue per item: the item takes the issue by a conditional
 * update, so two at once leave exactly one (item-answers.ts).
 */
export const raiseIssue = authedProcedure(STUDENT_ROLES)
  .input(raiseIssueInput)
  .mutation(async ({ ctx, input }) => {
    const { student, today } = await studentToday(ctx);
    const at = ctx.now();
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = receiptDb(platformTrx);
      const [item] = await ownItems(trx, ctx, student, [input.itemId]);
      if (!item) throw new DomainError('not-found', {});
      assertConfirmationOpen(item.window, today);
      assertScheduledConfirmation(await scheduleOf(ctx, platformTrx), item, student, at);
      const who = { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, studentId: student.id, at, paperReturnId: null, enabled: ctx.config.plugins.enabled };
      return raiseItemIssue(platformTrx, item, input.text, input.row, who);
    });
  });
