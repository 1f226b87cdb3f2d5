import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { withdrawPaperReturn } from '../paper-returns.ts';
import { OFFICE_ROLES } from '../roles.ts';

export const paperReturnsWithdrawInput = z.object({ returnId: z.string().min(1).max(36) }).strict();

/**
 * receipt.paperReturns.withdraw — takes back a return recorded by mistake while no issue from it
 * has been answered: its open issues are removed and its items are not confirmed again.
 */
export const paperReturnsWithdraw = authedProcedure(OFFICE_ROLES)
  .input(paperReturnsWithdrawInput)
  .mutation(({ ctx, input }) => withdrawPaperReturn(ctx, input.returnId));
