import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { listPaperReturns } from '../paper-returns.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

export const paperReturnsListInput = z.object({ batchId: z.string().min(1).max(36) }).strict();

/**
 * receipt.paperReturns.list — a batch's recorded paper returns (who recorded them, when, the
 * date on the form, what it said), the students who may return one with their items, and why
 * recording is refused today, if it is (before the window opens).
 */
export const paperReturnsList = authedProcedure(OFFICE_ROLES)
  .input(paperReturnsListInput)
  .query(({ ctx, input }) => listPaperReturns(ctx, receiptDb(ctx.db), input.batchId));
