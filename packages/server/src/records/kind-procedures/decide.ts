import { DomainError, freeText, isBlankText, type RecordKindDefinition } from '@licheng/core';
import { z } from 'zod';
import { authedProcedure } from '../../trpc.ts';
import { decideRecord } from '../decide.ts';
import { certifyingRole } from '../policy.ts';
import { loadVisibleRecord } from './mounted-kinds.ts';
import type { RecordChangeOutput, RecordDecideInput } from './types.ts';

export const recordDecideInput = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().min(1),
  decision: z.enum(['pass', 'fail']),
  reason: freeText({ max: 400, multiline: true, allowBlank: true }).optional(),
}) satisfies z.ZodType<RecordDecideInput>;

/**
 * `<office>.records.decide` — 認證 of a pending record of the office's kinds (typically one a
 * student entered): 通過, or 未通過 with a reason. Only a school-wide certifier the school names
 * for the kind; anyone else reads it as not found, as the certification queue does. Audited
 * (`<kind>.certify.pass|fail`), version + 1; 'record-changed' when it changed in between.
 */
export function recordDecideProcedure(kinds: readonly RecordKindDefinition[]) {
  return authedProcedure()
    .input(recordDecideInput)
    .mutation(async ({ ctx, input }): Promise<RecordChangeOutput> => {
      const { record } = await loadVisibleRecord(ctx, kinds, input.id);
      if (!(await certifyingRole(ctx, record))) throw new DomainError('not-found', {});
      if (input.decision === 'fail' && (!input.reason || isBlankText(input.reason))) throw new DomainError('reason-required', {});
      if (input.version !== record.version) throw new DomainError('record-changed', {});
      const after = await decideRecord(ctx, record, { decision: input.decision, reason: input.reason });
      return { id: after.id, status: after.status as RecordChangeOutput['status'], version: after.version };
    });
}
