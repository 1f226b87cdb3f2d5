import { DomainError, freeText, withdrawTransition, type RecordKindDefinition, type RecordStatus } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { z } from 'zod';
import { writeAudit } from '../../audit.ts';
import { authedProcedure } from '../../trpc.ts';
import { transitionRecord } from '../transition.ts';
import { loadVisibleRecord } from './mounted-kinds.ts';
import { changingRole } from './scope.ts';
import type { RecordChangeCheck } from './mounted-kinds.ts';
import type { RecordChangeOutput, RecordWithdrawInput } from './types.ts';

export const recordWithdrawInput = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().min(1),
  reason: freeText({ max: 400, multiline: true, codes: { blank: 'reason-required' } }),
}) satisfies z.ZodType<RecordWithdrawInput>;

/**
 * `<office>.records.withdraw` — 撤銷 with a reason: the record stays (audited, shown as 已撤銷)
 * but counts toward no cap, selection or export; its selection, if any, is removed.
 */
export function recordWithdrawProcedure(kinds: readonly RecordKindDefinition[], beforeChange?: RecordChangeCheck) {
  return authedProcedure()
    .input(recordWithdrawInput)
    .mutation(async ({ ctx, input }): Promise<RecordChangeOutput> => {
      const { record } = await loadVisibleRecord(ctx, kinds, input.id);
      const role = changingRole(ctx, kinds, record);
      await beforeChange?.(ctx, record, role);
      const status = withdrawTransition(record.status as RecordStatus, input.reason);
      if (input.version !== record.version) throw new DomainError('record-changed', {});
      return ctx.db.transaction().execute(async (trx) => {
        const changes = { status, status_reason: input.reason, version: record.version + 1, updated_at: nowIso(ctx.now()) };
        const after = await transitionRecord(trx, record, record.status, changes, 'record-changed');
        await trx.deleteFrom('selections').where('record_id', '=', record.id).execute();
        await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role, action: `${record.kind}.withdraw`, entity: 'record', entityId: record.id, studentId: record.student_id, before: record, after, at: ctx.now() });
        return { id: after.id, status, version: after.version };
      });
    });
}
