import { authedProcedure, scheduleOf } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { scheduleXlsxUrl } from '../routes.ts';
import { currentAcademicYear, scheduleOfYear } from '../schedule.ts';

export const scheduleListInput = z
  .object({
    /** 學年度 to show; the academic year of today (Taipei) when absent. */
    academicYear: academicYearSchema.optional(),
  })
  .default({});

/**
 * working-group.schedule.list — the school's 作業期程 for one academic year: every window with
 * where it stands today, the activities still to be announced (另行公告), the years the
 * schedule covers and where the year's Excel file is downloaded. Every signed-in user of the
 * school reads it (students, teachers, offices).
 */
export const scheduleList = authedProcedure()
  .input(scheduleListInput)
  .query(async ({ ctx, input }) => {
    const now = ctx.now();
    const year = scheduleOfYear(await scheduleOf(ctx), input.academicYear ?? currentAcademicYear(now), now);
    return { ...year, download: scheduleXlsxUrl(year.academicYear) };
  });
