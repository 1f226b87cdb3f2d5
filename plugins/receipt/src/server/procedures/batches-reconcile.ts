import { DomainError } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { reconcileBatch } from '../reconcile.ts';
import { OFFICE_ROLES } from '../roles.ts';
import { batchesProgressInput } from './batches-progress.ts';

/**
 * receipt.batches.reconcile — 收訖比對: each roster of an imported receipt against the snapshot
 * of what was submitted (the registry's public read): per student arrived, missing, unexpected
 * or differs, field by field.
 */
export const batchesReconcile = authedProcedure(OFFICE_ROLES)
  .input(batchesProgressInput)
  .query(async ({ ctx, input }) => {
    const result = await reconcileBatch(ctx, input.batchId);
    if (!result) throw new DomainError('not-found', {});
    return result;
  });
