import { DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, windowOfRow, type ScheduleWindowRow } from '@licheng/server';
import { auditedFields, auditWindow, changeSchedule, changedBy, dependantsOf, windowAt } from '../editing/schedule-writes.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { windowVersionInput } from '../editing/window-input.ts';

export const scheduleRemoveInput = windowVersionInput;

/**
 * working-group.schedule.remove — takes a window out of the school's 作業期程 (soft removal:
 * `schedule.restore` brings it back as it was). From then on its work is unscheduled
 * (window-unscheduled) unless another window covers it. Refused while other windows are
 * relative to it (schedule-anchor-in-use), and at a stale version. Audited.
 */
export const scheduleRemove = authedProcedure(GROUP_EDITORS)
  .input(scheduleRemoveInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    return changeSchedule(ctx, async (trx, windows) => {
      const before = windowAt(windows, input.id, input.version);
      if (before.removedAt) throw new DomainError('schedule-window-removed', {});
      const dependants = dependantsOf(windows, before.id);
      if (dependants.length) throw new DomainError('schedule-anchor-in-use', { count: dependants.length });
      await trx
        .updateTable('schedule_windows')
        .set({ removed_at: nowIso(at), removed_by: ctx.identity.userId, version: before.version + 1, ...changedBy(ctx, at) })
        .where('id', '=', before.id)
        .where('school_code', '=', ctx.config.code)
        .execute();
      const after = windowOfRow((await trx.selectFrom('schedule_windows').selectAll().where('id', '=', before.id).where('school_code', '=', ctx.config.code).executeTakeFirstOrThrow()) as ScheduleWindowRow);
      await auditWindow(trx, ctx, 'remove', before.id, auditedFields(before), auditedFields(after), at);
      return after;
    });
  });
