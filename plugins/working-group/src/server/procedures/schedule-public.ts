import { DomainError } from '@licheng/core';
import { publicProcedure, scheduleOf } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { publicScheduleXlsxUrl } from '../routes.ts';
import { currentAcademicYear, scheduleOfYear } from '../schedule.ts';

export const schedulePublicInput = z
  .object({
    /** 學年度 to show; the academic year of today (Taipei) when absent. */
    academicYear: academicYearSchema.optional(),
    /** The school's 6-digit code (學校代碼), as the school website names it; this deployment's school when absent. */
    school: z.string().regex(/^\d{6}$/, 'must be the 6-digit school code').optional(),
  })
  .default({});

/**
 * working-group.schedule.public — the school's published 作業期程 without signing in, for the
 * school website's schedule page: the same windows as `schedule.list`, the school's name, and the
 * Excel file's public address. Refused as `schedule-not-public` when the school config sets
 * `publicSchedule: false`; another school's code reads as not found.
 */
export const schedulePublic = publicProcedure.input(schedulePublicInput).query(async ({ ctx, input }) => {
  if (input.school !== undefined && input.school !== ctx.config.code) throw new DomainError('not-found', {});
  if (!ctx.config.publicSchedule) throw new DomainError('schedule-not-public', {});
  const now = ctx.now();
  const year = scheduleOfYear(await scheduleOf(ctx), input.academicYear ?? currentAcademicYear(now), now);
  return { ...year, school: { code: ctx.config.code, name: ctx.config.name }, download: publicScheduleXlsxUrl(year.academicYear) };
});
