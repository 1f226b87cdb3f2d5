import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { listIssues } from '../issues.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

export const issuesListInput = z
  .object({
    batchId: z.string().min(1).max(36).optional(),
    status: z.enum(['open', 'resolved', 'all']).default('open'),
    order: z.enum(['oldest', 'newest']).default('oldest'),
  })
  .default({ status: 'open', order: 'oldest' });

/**
 * receipt.issues.list — the issues students raised, with the student, roster and batch, oldest
 * first or newest first (open by default); of one batch, or of every batch without `batchId`.
 */
export const issuesList = authedProcedure(OFFICE_ROLES)
  .input(issuesListInput)
  .query(({ ctx, input }) => listIssues(receiptDb(ctx.db), ctx.config.code, input));
