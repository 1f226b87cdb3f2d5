import { assertConfirmationOpen, DomainError, freeText } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, scheduleOf, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { STUDENT_ROLES } from '../roles.ts';
import { assertScheduledConfirmation, ownItems, studentToday } from '../student-items.ts';
import { receiptDb } from '../tables.ts';

/** Longest issue text, in characters as people count them. */
export const ISSUE_TEXT_MAX = 500;

export const issueText = freeText({ max: ISSUE_TEXT_MAX, multiline: true });

export const raiseIssueInput = z.object({ itemId: z.string().min(1).max(36), text: issueText });

/**
 * receipt.raiseIssue — the student says what the central database got wrong in one of their
 * items, inside the window. One open issue per item: the item takes the issue by a
 * conditional update, so two at once leave exactly one.
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
      const issue = {
        id: newId(),
        school_code: ctx.config.code,
        batch_id: item.batch_id,
        item_id: item.id,
        student_id: student.id,
        text: input.text,
        status: 'open' as const,
        raised_at: nowIso(at),
        resolution_note: null,
        resolved_by: null,
        resolved_by_name: null,
        resolved_at: null,
      };
      const taken = await trx
        .updateTable('receipt_items')
        .set({ status: 'issue', open_issue_id: issue.id, confirmed_at: null, updated_at: nowIso(at) })
        .where('id', '=', item.id)
        .where('open_issue_id', 'is', null)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) throw new DomainError('receipt-issue-open', {});
      await trx.insertInto('receipt_issues').values(issue).execute();
      const who = { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, studentId: student.id, at };
      await writeAudit(platformTrx, { ...who, action: 'receipt.issue.raise', entity: 'receipt-issue', entityId: issue.id, after: { item_id: item.id, text: issue.text, status: issue.status } });
      await writeAudit(platformTrx, { ...who, action: 'receipt.item.issue', entity: 'receipt-item', entityId: item.id, before: { status: item.status, open_issue_id: null }, after: { status: 'issue', open_issue_id: issue.id } });
      return { id: issue.id, itemId: item.id, text: issue.text, status: issue.status, raisedAt: issue.raised_at };
    });
  });
