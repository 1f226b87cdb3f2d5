import { academicTermOf, DomainError, taipeiDate } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { idField, isoDateField, line, semesterField, trainingKindField } from '../inputs.ts';
import { lockTraining } from '../record-locks.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { workingGroupDb, type TrainingRow } from '../tables.ts';
import { trainingView, type TrainingView } from '../views.ts';

export const trainingsSaveInput = z.object({
  /** The training to change; absent to plan a new one. */
  id: idField.optional(),
  academicYear: academicYearSchema,
  semester: semesterField,
  kind: trainingKindField,
  title: line(150),
  /** 承辦處室: the office that holds it (輔導室, 教務處…). */
  ownerOffice: line(100),
  plannedDate: isoDateField.nullable().default(null),
  /** The day it was held; null while it is only planned. */
  heldDate: isoDateField.nullable().default(null),
  /** Attendance ticked as a count; absent keeps what was recorded (an imported list stays). */
  attendanceCount: z.number().int().min(0).max(100_000).nullable().optional(),
});

function assertInTerm(field: string, date: string | null, academicYear: number, semester: number): void {
  if (!date) return;
  const term = academicTermOf(date);
  if (term.academicYear !== academicYear || term.semester !== semester) throw new DomainError('wg-date-outside-term', { field, date, academicYear, semester });
}

/**
 * working-group.trainings.save — plans a training of a semester or changes one: its kind, title,
 * owner office, planned and held dates, and the attendance as a count. Dates fall in the
 * semester; a held date is not in the future; a training not held has no attendance.
 */
export const trainingsSave = authedProcedure(GROUP_EDITORS)
  .input(trainingsSaveInput)
  .mutation(async ({ ctx, input }): Promise<TrainingView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    assertInTerm('預定日期', input.plannedDate, input.academicYear, input.semester);
    assertInTerm('辦理日期', input.heldDate, input.academicYear, input.semester);
    if (input.heldDate && input.heldDate > taipeiDate(at)) throw new DomainError('wg-held-in-future', { date: input.heldDate });
    if (!input.heldDate && input.attendanceCount != null) throw new DomainError('wg-attendance-not-held', {});
    return ctx.db.transaction().execute(async (trx) => {
      const db = workingGroupDb(trx);
      const before = input.id ? await lockTraining(db, ctx.dialect, school, input.id) : null;
      const attendance =
        !input.heldDate
          ? { attendance_count: null, attendance_source: null, attendees: null }
          : input.attendanceCount !== undefined
            ? { attendance_count: input.attendanceCount, attendance_source: input.attendanceCount === null ? null : 'count', attendees: null }
            : { attendance_count: before?.attendance_count ?? null, attendance_source: before?.attendance_source ?? null, attendees: before?.attendees ?? null };
      const fields = {
        academic_year: input.academicYear,
        semester: input.semester,
        kind: input.kind,
        title: input.title,
        owner_office: input.ownerOffice,
        planned_date: input.plannedDate,
        held_date: input.heldDate,
        ...attendance,
        updated_by: ctx.identity.userId,
        updated_at: nowIso(at),
      };
      let row: TrainingRow;
      if (before) {
        row = { ...before, ...fields };
        await db.updateTable('working_group_trainings').set(fields).where('id', '=', before.id).execute();
      } else {
        row = { id: newId(), school_code: school, ...fields };
        await db.insertInto('working_group_trainings').values(row).execute();
      }
      await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: before ? 'working-group.training.update' : 'working-group.training.add', entity: 'working-group-training', entityId: row.id, before, after: row, at });
      return trainingView(row);
    });
  });
