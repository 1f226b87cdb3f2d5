import { DomainError } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, windowColumns, windowOfRow, type ScheduleWindowRow } from '@licheng/server';
import { z } from 'zod';
import { auditedFields, auditWindow, changeSchedule, changedBy, checkedWindow, windowAt } from '../editing/schedule-writes.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { windowInput, windowOfInput } from '../editing/window-input.ts';

export const scheduleSaveInput = z
  .object({
    /** The stored window to change, at the version the editor read; absent to add a window. */
    id: z.string().min(1).max(36).optional(),
    version: z.number().int().min(1).optional(),
    window: windowInput,
  })
  .refine((v) => (v.id === undefined) === (v.version === undefined), { message: 'give id and version together to change a window, neither to add one', path: ['version'] });

/**
 * working-group.schedule.save — adds a window to the school's 作業期程 or changes one, at the
 * version the editor read (schedule-version-conflict when someone changed it since). Relative
 * dates are resolved at once and again on every read, so the window follows its anchor. Refused:
 * a removed window (restore it first), a circle of relative windows, an end before the start,
 * a receipt window under 3 days, a second window for the same activity, term, audience and batch.
 * Audited with the window before and after. The working group and the admin only.
 */
export const scheduleSave = authedProcedure(GROUP_EDITORS)
  .input(scheduleSaveInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    return changeSchedule(ctx, async (trx, windows) => {
      const before = input.id ? windowAt(windows, input.id, input.version ?? 0) : null;
      if (before?.removedAt) throw new DomainError('schedule-window-removed', {});
      const id = before?.id ?? newId();
      const window = checkedWindow(windows, windowOfInput(input.window, id));
      const columns = { ...windowColumns(window), ...changedBy(ctx, at) };
      if (before) {
        await trx.updateTable('schedule_windows').set({ ...columns, version: before.version + 1 }).where('id', '=', id).where('school_code', '=', ctx.config.code).execute();
      } else {
        await trx
          .insertInto('schedule_windows')
          .values({ id, school_code: ctx.config.code, ...columns, version: 1, created_at: nowIso(at), created_by: ctx.identity.userId, removed_at: null, removed_by: null })
          .execute();
      }
      const row = (await trx.selectFrom('schedule_windows').selectAll().where('id', '=', id).where('school_code', '=', ctx.config.code).executeTakeFirstOrThrow()) as ScheduleWindowRow;
      const after = windowOfRow(row);
      await auditWindow(trx, ctx, before ? 'update' : 'create', id, before ? auditedFields(before) : null, auditedFields(after), at);
      return after;
    });
  });
