import { academicTermOf, DomainError } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { attendanceStateField, idField, isoDateField, line, optionalText } from '../inputs.ts';
import { lockMeeting } from '../record-locks.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb, type MeetingRow } from '../tables.ts';
import { meetingView, type MeetingView } from '../views.ts';

export const meetingsSaveInput = z.object({
  /** The meeting to change; absent to record a new one. */
  id: idField.optional(),
  /** The day it is (or was) held; its academic year and semester follow from it. */
  date: isoDateField,
  place: line(100),
  agenda: optionalText(10_000),
  minutes: optionalText(50_000),
  /** 決議, one a line, with who carries it out and by when when given. */
  decisions: z.array(z.object({ text: line(1000), owner: optionalText(100), due: isoDateField.nullable().default(null) })).max(100).default([]),
  /** 出席: each member of the meeting's year present, excused or absent; members left out were not recorded. */
  attendance: z.array(z.object({ memberId: idField, state: attendanceStateField })).max(200).default([]),
});

/**
 * working-group.meetings.save — records a meeting (會議) or changes one: date, place, agenda,
 * minutes, decisions and attendance, written together. Attendance names only members of the
 * group in the meeting's academic year.
 */
export const meetingsSave = authedProcedure(GROUP_EDITORS)
  .input(meetingsSaveInput)
  .mutation(async ({ ctx, input }): Promise<MeetingView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    const term = academicTermOf(input.date);
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      const before = input.id ? await lockMeeting(db, ctx.dialect, school, input.id) : null;
      const ids = [...new Set(input.attendance.map((a) => a.memberId))];
      if (ids.length) {
        const known = await db.selectFrom('working_group_members').select('id').where('school_code', '=', school).where('academic_year', '=', term.academicYear).where('id', 'in', ids).execute();
        if (known.length !== ids.length) throw new DomainError('wg-attendance-unknown', { academicYear: term.academicYear });
      }
      const fields = {
        academic_year: term.academicYear,
        semester: term.semester,
        meeting_date: input.date,
        place: input.place,
        agenda: input.agenda,
        minutes: input.minutes,
        decisions: JSON.stringify(input.decisions),
        attendance: JSON.stringify(Object.fromEntries(input.attendance.map((a) => [a.memberId, a.state]))),
        updated_by: ctx.identity.userId,
        updated_by_name: ctx.identity.name,
        updated_at: nowIso(at),
      };
      let row: MeetingRow;
      if (before) {
        row = { ...before, ...fields };
        await db.updateTable('working_group_meetings').set(fields).where('id', '=', before.id).execute();
      } else {
        row = { id: newId(), school_code: school, ...fields };
        await db.insertInto('working_group_meetings').values(row).execute();
      }
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: before ? 'working-group.meeting.update' : 'working-group.meeting.add', entity: 'working-group-meeting', entityId: row.id, before, after: row, at });
      return meetingView(row);
    });
  });
