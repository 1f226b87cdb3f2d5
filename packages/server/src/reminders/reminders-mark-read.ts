import { DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { z } from 'zod';
import { authedProcedure } from '../trpc.ts';
import { ownReminders } from './own-reminders.ts';

export const remindersMarkReadInput = z.object({ ids: z.array(z.string().min(1).max(36)).min(1).max(50) });

/**
 * Marks the caller's in-app reminders read (the first reading is kept). An id that is not one
 * of the caller's reminders reads as not found, like one that does not exist; nothing is written then.
 */
export const remindersMarkRead = authedProcedure()
  .input(remindersMarkReadInput)
  .mutation(async ({ ctx, input }) => {
    const ids = [...new Set(input.ids)];
    const rows = await ownReminders(ctx).select(['id', 'read_at']).where('id', 'in', ids).execute();
    if (rows.length !== ids.length) throw new DomainError('not-found', {});
    const at = nowIso(ctx.now());
    const unread = rows.filter((r) => r.read_at === null).map((r) => r.id);
    if (unread.length) await ctx.db.updateTable('reminders').set({ read_at: at }).where('school_code', '=', ctx.config.code).where('id', 'in', unread).where('read_at', 'is', null).execute();
    return { ids, readAt: at };
  });
