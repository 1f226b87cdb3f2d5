import { academicTermOf, findWindow, windowState, taipeiDate } from '@licheng/core';
import type { inferRouterOutputs } from '@trpc/server';
import type { PluginDefinition } from '../plugin.ts';
import { scheduleOf } from '../schedule/schedule-store.ts';
import { authedProcedure, router } from '../trpc.ts';
import { remindersList } from '../reminders/reminders-list.ts';
import { remindersMarkRead } from '../reminders/reminders-mark-read.ts';

const ACTIVITIES = ['outcome-upload', 'outcome-certification', 'outcome-selection'] as const;

/** What every screen needs first: who am I, which school, which offices, which windows are open. */
export function platformRouter(plugins: PluginDefinition[]) {
  return router({
    /** 提醒 — the caller's in-app reminders of deadlines (the reminder job writes them). */
    reminders: router({ list: remindersList, markRead: remindersMarkRead }),
    // A departed teacher kept for certification signs in to certify: platform.me answers them too.
    me: authedProcedure(undefined, { certification: true }).query(async ({ ctx }) => {
      const now = ctx.now();
      const term = academicTermOf(taipeiDate(now));
      const schedule = await scheduleOf(ctx);
      return {
        user: ctx.identity,
        school: { code: ctx.config.code, name: ctx.config.name, type: ctx.config.type },
        term,
        today: taipeiDate(now),
        // The user's own offices first, then the desks every office uses: the portal lands on the first.
        offices: plugins
          .filter((p) => p.roles.some((r) => ctx.identity.roles.includes(r)))
          .sort((a, b) => Number(a.sharedDesk ?? false) - Number(b.sharedDesk ?? false))
          .map((p) => ({ id: p.id, office: officeLabel(p, ctx.identity.roles), roles: [...p.roles] })),
        // Shown above every screen: the office's module defines the element.
        reminders: plugins.flatMap((p) =>
          (p.reminders ?? []).filter((r) => r.roles.some((role) => ctx.identity.roles.includes(role))).map((r) => ({ office: p.id, tag: r.tag })),
        ),
        windows: ACTIVITIES.map((activity) => {
          const window = findWindow(schedule, activity, term);
          return { activity, start: window?.start ?? null, end: window?.end ?? null, state: windowState(window, now) };
        }),
      };
    }),
  });
}

/**
 * The office's name, or what it is called for the user's role (註冊組 is 我的成績 to a student).
 * Anyone who holds one of the office's roles without a label of its own (its staff) sees the name.
 */
function officeLabel(plugin: PluginDefinition, roles: readonly string[]) {
  const held = plugin.roles.filter((r) => roles.includes(r));
  const labels = held.map((r) => plugin.labels?.[r]);
  return labels.every(Boolean) ? labels[0]! : plugin.office;
}

/** The platform's own procedures (`platform.*`), as a type. */
export type PlatformRouter = ReturnType<typeof platformRouter>;

/** What `platform.me` returns, for the screens that read it (types only: safe to import in the browser). */
export type PlatformMe = inferRouterOutputs<ReturnType<typeof platformRouter>>['me'];
