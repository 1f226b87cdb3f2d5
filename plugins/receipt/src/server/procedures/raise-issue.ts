import { assertConfirmationOpen, DomainError, freeText, RECEIPT_ISSUE_OFFICE_DEFINITIONS, receiptIssueRow, type ReceiptIssueOffice } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, scheduleOf, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { issueOwner } from '../issue-routing.ts';
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
 * update, so two at once leave exactly one.
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
      const row = receiptIssueRow(JSON.parse(item.entry_json) as Record<string, unknown>, input.row ?? null);
      if (row === undefined) throw new DomainError('receipt-issue-row-unknown', { sheet: input.row!.sheet, row: input.row!.index + 1 });
      const owner = await issueOwner(trx, ctx.config.code, student.id, item.roster_name, row, ctx.config.plugins.enabled);
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
        owner_office: owner.office,
        owner_user_id: owner.ownerUserId,
        owner_name: owner.ownerName,
        record_id: owner.recordId,
        entry_sheet: input.row ? input.row.sheet : (row?.sheet ?? null),
        entry_index: input.row ? input.row.index : (row?.index ?? null),
        corrected: null,
        closed_at: null,
        closed_by: null,
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
      await writeAudit(platformTrx, { ...who, action: 'receipt.issue.raise', entity: 'receipt-issue', entityId: issue.id, after: { item_id: item.id, text: issue.text, status: issue.status, owner_office: owner.office, owner_user_id: owner.ownerUserId, record_id: owner.recordId } });
      await writeAudit(platformTrx, { ...who, action: 'receipt.item.issue', entity: 'receipt-item', entityId: item.id, before: { status: item.status, open_issue_id: null }, after: { status: 'issue', open_issue_id: issue.id } });
      const office = RECEIPT_ISSUE_OFFICE_DEFINITIONS[owner.office as ReceiptIssueOffice];
      return {
        id: issue.id,
        itemId: item.id,
        text: issue.text,
        status: issue.status,
        raisedAt: issue.raised_at,
        routedTo: { office: owner.office, label: office.label, ownerName: owner.ownerName },
        recordId: owner.recordId,
      };
    });
  });
