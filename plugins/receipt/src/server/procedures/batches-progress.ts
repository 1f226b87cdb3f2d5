import { taipeiDate } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { batchProgress, loadBatch } from '../progress.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { receiptDb } from '../tables.ts';

export const batchesProgressInput = z.object({ batchId: z.string().min(1).max(36) });

/** receipt.batches.progress — per roster of a batch: total, confirmed, issue, pending, deemed confirmed. */
export const batchesProgress = authedProcedure(OFFICE_ROLES)
  .input(batchesProgressInput)
  .query(async ({ ctx, input }) => {
    const db = receiptDb(ctx.db);
    const batch = await loadBatch(db, ctx.config.code, input.batchId);
    return { batch, rosters: await batchProgress(db, ctx.config.code, batch, taipeiDate(ctx.now())) };
  });
