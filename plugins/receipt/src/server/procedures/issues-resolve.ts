import { DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';
import { issueText } from './raise-issue.ts';

export const issuesResolveInput = z.object({ issueId: z.string().min(1).max(36), note: issueText });

/**
 * receipt.issues.resolve — the office records what it corrected (and resubmitted) and closes
 * the issue; the item is free again for the student to confirm or raise another issue while
 * the window lasts. Resolving twice is refused (`receipt-issue-resolved`).
 */
export const issuesResolve = authedProcedure(OFFICE_ROLES)
  .input(issuesResolveInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = receiptDb(platformTrx);
      const issue = await trx.selectFrom('receipt_issues').select(['id', 'item_id', 'status', 'student_id']).where('school_code', '=', ctx.config.code).where('id', '=', input.issueId).executeTakeFirst();
      if (!issue) throw new DomainError('not-found', {});
      const resolved = await trx
        .updateTable('receipt_issues')
        .set({ status: 'resolved', resolution_note: input.note, resolved_by: ctx.identity.userId, resolved_by_name: ctx.identity.name, resolved_at: nowIso(at) })
        .where('id', '=', issue.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(resolved.numUpdatedRows) !== 1) throw new DomainError('receipt-issue-resolved', {});
      // The item waits for the student again: confirmed by them, or deemed confirmed when the window ends.
      const freed = await trx.updateTable('receipt_items').set({ open_issue_id: null, status: 'pending', updated_at: nowIso(at) }).where('id', '=', issue.item_id).where('open_issue_id', '=', issue.id).executeTakeFirst();
      const who = { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, studentId: issue.student_id, at };
      await writeAudit(platformTrx, {
        ...who,
        action: 'receipt.issue.resolve',
        entity: 'receipt-issue',
        entityId: issue.id,
        before: { status: 'open', resolution_note: null },
        after: { status: 'resolved', resolution_note: input.note },
      });
      if (Number(freed.numUpdatedRows) === 1) {
        await writeAudit(platformTrx, { ...who, action: 'receipt.item.reopen', entity: 'receipt-item', entityId: issue.item_id, before: { status: 'issue', open_issue_id: issue.id }, after: { status: 'pending', open_issue_id: null } });
      }
      return { id: issue.id, status: 'resolved' as const, resolutionNote: input.note, resolvedAt: nowIso(at), resolvedByName: ctx.identity.name };
    });
  });
