import { hourlySpread, loadPeak, resolveSchedule, type DayLoad, type ScheduleWindow } from '@licheng/core';
import { authedProcedure, scheduleOf } from '@licheng/server';
import { z } from 'zod';
import { dueAtEnd, schoolData } from '../editing/load-counts.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { loadWindowInput, windowOfInput } from '../editing/window-input.ts';

export const scheduleLoadInput = z.object({
  /** The window as proposed (a new end date, say), before it is saved. */
  window: loadWindowInput,
  /** The stored window it replaces when an existing one is being changed. */
  id: z.string().min(1).max(36).optional(),
});

/** One day on which windows of the year close, with what falls due. */
export interface LoadDay extends DayLoad {
  /** How many windows close that day. */
  windows: number;
  /** Whether the proposed window closes that day. */
  proposed: boolean;
}

/**
 * working-group.schedule.load — for a proposed or existing end date, how many students and items
 * fall due on each day the year's windows close (the proposed window in place of the one it
 * replaces), and each hour of the proposed last day (spread as the school's users entered
 * records by hour so far, evenly without history), with the day that carries far more than the
 * others (core's loadPeak). What counts as an item is documented in editing/load-counts.ts.
 * Reads only. The working group and the admin.
 */
export const scheduleLoad = authedProcedure(GROUP_EDITORS)
  .input(scheduleLoadInput)
  .query(async ({ ctx, input }) => {
    const academicYear = input.window.academicYear;
    const others = (await scheduleOf(ctx)).filter((w) => w.id !== input.id);
    const proposedId = input.id ?? 'proposed';
    const all: ScheduleWindow[] = resolveSchedule([...others, windowOfInput(input.window, proposedId)]);
    const proposed = all[all.length - 1]!;
    const data = await schoolData(ctx, academicYear);
    const days = new Map<string, { students: Set<string>; items: number; windows: number }>();
    for (const w of all.filter((x) => x.academicYear === academicYear)) {
      const due = dueAtEnd(data, w);
      const day = days.get(w.end) ?? { students: new Set<string>(), items: 0, windows: 0 };
      for (const id of due.students) day.students.add(id);
      day.items += due.items;
      day.windows += 1;
      days.set(w.end, day);
    }
    const list: LoadDay[] = [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, d]) => ({ date, students: d.students.size, items: d.items, windows: d.windows, proposed: date === proposed.end }));
    const last = list.find((d) => d.proposed)!;
    const peak = loadPeak(list);
    return {
      end: proposed.end,
      days: list,
      /** The proposed last day's items by Taipei hour (index 0 = 00:00–00:59). */
      hours: hourlySpread(last.items, data.hourProfile),
      peak: peak ? { date: peak.date, students: peak.students, items: peak.items, isProposed: peak.date === proposed.end } : null,
    };
  });
