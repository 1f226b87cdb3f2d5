import { DomainError, freeText, type RecordKindDefinition, type RecordStatus } from '@licheng/core';
import { z } from 'zod';
import { authedProcedure } from '../../trpc.ts';
import { decideRecord } from '../decide.ts';
import { certifyingAuthority } from '../policy.ts';
import { loadVisibleRecord } from './mounted-kinds.ts';
import type { RecordChangeOutput, RecordDecideInput } from './types.ts';

export const recordDecideInput = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().min(1),
  decision: z.enum(['pass', 'fail']),
  /** Required when failing (core's decideTransition): what the student must fix. */
  reason: freeText({ max: 200, multiline: true, allowBlank: true }).optional(),
}) satisfies z.ZodType<RecordDecideInput>;

/**
 * `<office>.records.decide` — 認證: pass, or fail with a reason, a pending record of one of the
 * office's kinds that the caller certifies school-wide (the school's certifiers of the kind).
 * A record the caller does not certify reads as not found; of two decisions at once the first wins.
 */
export function recordDecideProcedure(kinds: readonly RecordKindDefinition[]) {
  return authedProcedure()
    .input(recordDecideInput)
    .mutation(async ({ ctx, input }): Promise<RecordChangeOutput> => {
      const { record } = await loadVisibleRecord(ctx, kinds, input.id);
      const authority = await certifyingAuthority(ctx, record);
      if (!authority) throw new DomainError('not-found', {});
      if (input.version !== record.version) throw new DomainError('record-changed', {});
      const after = await decideRecord(ctx, record, input, authority);
      return { id: after.id, status: after.status as RecordStatus, version: after.version };
    });
}
