import { freeText, type RecordKindDefinition, type RecordStatus } from '@licheng/core';
import { z } from 'zod';
import { authedProcedure } from '../../trpc.ts';
import { reopenRecord } from '../reopen.ts';
import { loadVisibleRecord } from './mounted-kinds.ts';
import type { RecordChangeOutput, RecordReopenInput } from './types.ts';

export const recordReopenInput = z.object({
  id: z.string().min(1).max(64),
  reason: freeText({ max: 200, multiline: true, codes: { blank: 'reason-required' } }),
}) satisfies z.ZodType<RecordReopenInput>;

/**
 * `<office>.records.reopen` — the certifier takes back their own decision (back to 待認證, the
 * reason kept for the student); anyone else's decision reads as not found (server records' reopen).
 */
export function recordReopenProcedure(kinds: readonly RecordKindDefinition[]) {
  return authedProcedure()
    .input(recordReopenInput)
    .mutation(async ({ ctx, input }): Promise<RecordChangeOutput> => {
      const { record } = await loadVisibleRecord(ctx, kinds, input.id);
      const after = await reopenRecord(ctx, record, input.reason);
      return { id: after.id, status: after.status as RecordStatus, version: after.version };
    });
}
