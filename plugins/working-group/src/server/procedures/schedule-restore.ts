import { DomainError } from '@licheng/core';
import { authedProcedure, windowOfRow, type ScheduleWindowRow } from '@licheng/server';
import { auditedFields, auditWindow, changeSchedule, changedBy, checkedWindow, windowAt } from '../editing/schedule-writes.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { windowVersionInput } from '../editing/window-input.ts';

export const scheduleRestoreInput = windowVersionInput;

/**
 * working-group.schedule.restore — brings a removed window back as it was (a mis-click taken
 * back). Refused when it is not removed, at a stale version, when another window now covers the
 * same work (schedule-window-collides) or its anchor is gone (schedule-anchor-missing). Audited.
 */
export const scheduleRestore = authedProcedure(GROUP_EDITORS)
  .input(scheduleRestoreInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    return changeSchedule(ctx, async (trx, windows) => {
      const before = windowAt(windows, input.id, input.version);
      if (!before.removedAt) throw new DomainError('schedule-window-not-removed', {});
      checkedWindow(windows, { ...before, removedAt: null } as typeof before);
      await trx
        .updateTable('schedule_windows')
        .set({ removed_at: null, removed_by: null, version: before.version + 1, ...changedBy(ctx, at) })
        .where('id', '=', before.id)
        .where('school_code', '=', ctx.config.code)
        .execute();
      const after = windowOfRow((await trx.selectFrom('schedule_windows').selectAll().where('id', '=', before.id).where('school_code', '=', ctx.config.code).executeTakeFirstOrThrow()) as ScheduleWindowRow);
      await auditWindow(trx, ctx, 'restore', before.id, auditedFields(before), auditedFields(after), at);
      return after;
    });
  });
