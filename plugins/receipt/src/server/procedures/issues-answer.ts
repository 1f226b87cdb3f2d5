import { answersReceiptIssue, DomainError, RECEIPT_ANSWERING_ROLES } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { receiptDb } from '../tables.ts';
import { issueText } from './raise-issue.ts';

export const issuesAnswerInput = z.object({ issueId: z.string().min(1).max(36), answer: issueText, corrected: z.boolean() });

/**
 * receipt.issues.answer — the office that owns the record answers an open issue and says whether
 * it corrected the record; a corrected record is marked for the next submission of its roster
 * (receipt_corrections, read by correctionsPendingSubmission). The item is free again for the
 * student to confirm or raise another issue while the window lasts. Answering twice is refused
 * (`receipt-issue-answered`, by a conditional update); an issue routed to another office reads
 * as not found. The registry, coordinating, may answer any.
 */
export const issuesAnswer = authedProcedure([...RECEIPT_ANSWERING_ROLES])
  .input(issuesAnswerInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = receiptDb(platformTrx);
      const issue = await trx
        .selectFrom('receipt_issues')
        .innerJoin('receipt_items', 'receipt_items.id', 'receipt_issues.item_id')
        .innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id')
        .select(['receipt_issues.id', 'receipt_issues.item_id', 'receipt_issues.batch_id', 'receipt_issues.student_id', 'receipt_issues.owner_office', 'receipt_issues.owner_user_id', 'receipt_issues.record_id', 'receipt_rosters.kind', 'receipt_rosters.name'])
        .where('receipt_issues.school_code', '=', ctx.config.code)
        .where('receipt_issues.id', '=', input.issueId)
        .executeTakeFirst();
      if (!issue || !answersReceiptIssue({ office: issue.owner_office, ownerUserId: issue.owner_user_id }, { userId: ctx.identity.userId, roles: ctx.identity.roles })) throw new DomainError('not-found', {});
      const answered = await trx
        .updateTable('receipt_issues')
        .set({ status: 'answered', resolution_note: input.answer, resolved_by: ctx.identity.userId, resolved_by_name: ctx.identity.name, resolved_at: nowIso(at), corrected: input.corrected ? 1 : 0 })
        .where('id', '=', issue.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(answered.numUpdatedRows) !== 1) throw new DomainError('receipt-issue-answered', {});
      // The item waits for the student again: confirmed by them, or deemed confirmed when the window ends.
      const freed = await trx.updateTable('receipt_items').set({ open_issue_id: null, status: 'pending', updated_at: nowIso(at) }).where('id', '=', issue.item_id).where('open_issue_id', '=', issue.id).executeTakeFirst();
      const who = { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, studentId: issue.student_id, at };
      // The action keeps its first name: the working group's self-check reads an issue as handled by it (ADR 0025).
      await writeAudit(platformTrx, {
        ...who,
        action: 'receipt.issue.resolve',
        entity: 'receipt-issue',
        entityId: issue.id,
        before: { status: 'open', resolution_note: null, corrected: null },
        after: { status: 'answered', resolution_note: input.answer, corrected: input.corrected },
      });
      if (Number(freed.numUpdatedRows) === 1) {
        await writeAudit(platformTrx, { ...who, action: 'receipt.item.reopen', entity: 'receipt-item', entityId: issue.item_id, before: { status: 'issue', open_issue_id: issue.id }, after: { status: 'pending', open_issue_id: null } });
      }
      let correctionId: string | null = null;
      if (input.corrected) {
        correctionId = newId();
        const correction = {
          id: correctionId,
          school_code: ctx.config.code,
          issue_id: issue.id,
          batch_id: issue.batch_id,
          item_id: issue.item_id,
          student_id: issue.student_id,
          roster_kind: issue.kind,
          roster_name: issue.name,
          record_id: issue.record_id,
          owner_office: issue.owner_office,
          corrected_by: ctx.identity.userId,
          corrected_by_name: ctx.identity.name,
          corrected_at: nowIso(at),
          status: 'pending-submission' as const,
          received_batch_id: null,
          received_at: null,
        };
        await trx.insertInto('receipt_corrections').values(correction).execute();
        await writeAudit(platformTrx, { ...who, action: 'receipt.correction.mark', entity: 'receipt-correction', entityId: correctionId, after: { issue_id: issue.id, record_id: issue.record_id, roster_kind: issue.kind, status: correction.status } });
      }
      return { id: issue.id, status: 'answered' as const, answer: input.answer, corrected: input.corrected, answeredAt: nowIso(at), answeredByName: ctx.identity.name, correctionId };
    });
  });
