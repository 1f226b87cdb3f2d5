import { DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, currentStudent, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { STUDENT_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

export const issuesAcceptInput = z.object({ issueId: z.string().min(1).max(36) });

/**
 * receipt.issues.accept — the student accepts the office's answer to their issue and closes it.
 * Only an answered issue of their own (another student's reads as not found); a second accept,
 * or one before the answer, is refused (`receipt-issue-not-answered`, by a conditional update).
 * Not bound to the window: the answer may come after it.
 */
export const issuesAccept = authedProcedure(STUDENT_ROLES)
  .input(issuesAcceptInput)
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const at = ctx.now();
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = receiptDb(platformTrx);
      const issue = await trx.selectFrom('receipt_issues').select(['id', 'status']).where('school_code', '=', ctx.config.code).where('student_id', '=', student.id).where('id', '=', input.issueId).executeTakeFirst();
      if (!issue) throw new DomainError('not-found', {});
      const closed = await trx.updateTable('receipt_issues').set({ status: 'closed', closed_at: nowIso(at), closed_by: 'student' }).where('id', '=', issue.id).where('status', '=', 'answered').executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1) throw new DomainError('receipt-issue-not-answered', {});
      await writeAudit(platformTrx, {
        school: ctx.config.code,
        actor: ctx.identity,
        role: ctx.actingRole,
        studentId: student.id,
        action: 'receipt.issue.close',
        entity: 'receipt-issue',
        entityId: issue.id,
        before: { status: 'answered', closed_by: null },
        after: { status: 'closed', closed_by: 'student' },
        at,
      });
      return { id: issue.id, status: 'closed' as const, closedAt: nowIso(at), closedBy: 'student' as const };
    });
  });
