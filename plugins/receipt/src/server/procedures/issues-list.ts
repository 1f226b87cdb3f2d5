import { RECEIPT_ANSWERING_ROLES, RECEIPT_ISSUE_OFFICES } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { listIssues } from '../issues.ts';
import { receiptDb } from '../tables.ts';

export const issuesListInput = z
  .object({
    batchId: z.string().min(1).max(36).optional(),
    status: z.enum(['open', 'answered', 'closed', 'all']).default('open'),
    order: z.enum(['oldest', 'newest']).default('oldest'),
    /** One office's issues (the registry, which sees every office's). */
    office: z.enum(RECEIPT_ISSUE_OFFICES).optional(),
  })
  .default({ status: 'open', order: 'oldest' });

/**
 * receipt.issues.list — the issues students raised that the caller answers, with the student,
 * roster, batch, routing and answer, oldest first or newest first (open by default); of one
 * batch, or of every batch without `batchId`. The registry sees every office's issues; another
 * office its own; a subject teacher those routed to them.
 */
export const issuesList = authedProcedure([...RECEIPT_ANSWERING_ROLES])
  .input(issuesListInput)
  .query(({ ctx, input }) => listIssues(receiptDb(ctx.db), ctx.config.code, { userId: ctx.identity.userId, roles: ctx.identity.roles }, input));
