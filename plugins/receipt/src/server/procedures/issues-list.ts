import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { listIssues } from '../issues.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

export const issuesListInput = z
  .object({ batchId: z.string().min(1).max(36).optional(), status: z.enum(['open', 'resolved', 'all']).default('open') })
  .default({ status: 'open' });

/** receipt.issues.list — the issues students raised, with the student and roster, oldest first (open by default). */
export const issuesList = authedProcedure(OFFICE_ROLES)
  .input(issuesListInput)
  .query(({ ctx, input }) => listIssues(receiptDb(ctx.db), ctx.config.code, input));
