import type { AuthedContext } from '../context.ts';

/** The signed-in caller's in-app reminders, as a query to narrow: the one place the filter is written. */
export function ownReminders(ctx: AuthedContext) {
  return ctx.db.selectFrom('reminders').where('school_code', '=', ctx.config.code).where('recipient_user_id', '=', ctx.identity.userId).where('channel', '=', 'in-app');
}
