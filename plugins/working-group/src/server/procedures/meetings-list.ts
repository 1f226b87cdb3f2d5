import { missingMeetings, taipeiDate, type MissingMeeting } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { currentAcademicYear } from '../schedule.ts';
import { workingGroupDb } from '../tables.ts';
import { meetingView, type MeetingView } from '../views.ts';

export const meetingsListInput = z.object({ academicYear: academicYearSchema.optional() }).default({});

/**
 * working-group.meetings.list — the group's meetings of one academic year (today's when absent),
 * newest first, today's Taipei date (a meeting after it is only planned), and `missing`: each semester of last year and this one without a meeting held
 * by today (SPEC §4: the group meets at least once per semester), whichever year is shown.
 */
export const meetingsList = authedProcedure(GROUP_EDITORS)
  .input(meetingsListInput)
  .query(async ({ ctx, input }): Promise<{ academicYear: number; today: string; meetings: MeetingView[]; missing: MissingMeeting[] }> => {
    const now = ctx.now();
    const academicYear = input.academicYear ?? currentAcademicYear(now);
    const db = workingGroupDb(ctx.db);
    const school = ctx.config.code;
    const rows = await db.selectFrom('working_group_meetings').selectAll().where('school_code', '=', school).where('academic_year', '=', academicYear).orderBy('meeting_date', 'desc').orderBy('id').execute();
    const recent = await db.selectFrom('working_group_meetings').select('meeting_date').where('school_code', '=', school).where('academic_year', '>=', currentAcademicYear(now) - 1).execute();
    return { academicYear, today: taipeiDate(now), meetings: rows.map(meetingView), missing: missingMeetings(recent.map((r) => ({ date: r.meeting_date })), now) };
  });
