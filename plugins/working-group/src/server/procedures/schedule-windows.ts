import { resolveSchedule } from '@licheng/core';
import { authedProcedure, seedSchedule, storedWindows } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { currentAcademicYear, recordKindNames } from '../schedule.ts';

export const scheduleWindowsInput = z.object({ academicYear: academicYearSchema.optional() }).default({});

/**
 * working-group.schedule.windows — the schedule editor's list of one academic year: every stored
 * window with its id and version (relative dates resolved), and the removed ones, which can be
 * restored, newest removal first. The working group and the admin only.
 */
export const scheduleWindows = authedProcedure(GROUP_EDITORS)
  .input(scheduleWindowsInput)
  .query(async ({ ctx, input }) => {
    const academicYear = input.academicYear ?? currentAcademicYear(ctx.now());
    await seedSchedule(ctx.db, ctx.config, ctx.now());
    const stored = await storedWindows(ctx.db, ctx.config.code);
    const active = resolveSchedule(stored.filter((w) => w.removedAt === null));
    const ofYear = <T extends { academicYear: number }>(ws: T[]) => ws.filter((w) => w.academicYear === academicYear);
    return {
      academicYear,
      /** Every year with a stored window, for the year picker, and the one being edited. */
      years: [...new Set([...stored.map((w) => w.academicYear), academicYear])].sort((a, b) => a - b),
      windows: ofYear(active).sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.id.localeCompare(b.id)),
      kindNames: recordKindNames(),
      removed: ofYear(stored.filter((w) => w.removedAt !== null)).sort((a, b) => b.removedAt!.localeCompare(a.removedAt!)),
    };
  });
