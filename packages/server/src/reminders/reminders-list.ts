import { z } from 'zod';
import { authedProcedure } from '../trpc.ts';
import { ownReminders } from './own-reminders.ts';

export const remindersListInput = z.object({ unreadOnly: z.boolean().default(false) }).default({ unreadOnly: false });

/**
 * 提醒 — the signed-in user's in-app reminders of deadlines, newest first (at most 50), with
 * how many are unread. Only the caller's own: the rows name them by the host's user id.
 */
export const remindersList = authedProcedure()
  .input(remindersListInput)
  .query(async ({ ctx, input }) => {
    let query = ownReminders(ctx).select(['id', 'subject', 'body', 'deadline', 'lead_days', 'sent_at', 'read_at']);
    if (input.unreadOnly) query = query.where('read_at', 'is', null);
    const rows = await query.orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(50).execute();
    const unread = await ownReminders(ctx)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      unread: Number(unread.n),
      reminders: rows.map((r) => ({ id: r.id, subject: r.subject, body: r.body, deadline: r.deadline, leadDays: Number(r.lead_days), sentAt: r.sent_at, readAt: r.read_at })),
    };
  });
