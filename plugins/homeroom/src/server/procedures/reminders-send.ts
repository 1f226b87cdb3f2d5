import { DomainError, freeText } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudits } from '@licheng/server';
import { z } from 'zod';
import { PROGRESS_READERS, readableClass } from '../class-access.ts';
import { classProgress } from '../class-progress.ts';
import { homeroomDb } from '../tables.ts';
import { classNameField, resolveTerm } from '../term.ts';

export const remindersSendInput = z.object({
  className: classNameField,
  /** students.id of the chosen students, all of the class. */
  studentIds: z.array(z.string().min(1).max(64)).min(1).max(80),
  /** A sentence of the teacher's own, shown with the reminder. */
  note: freeText({ max: 200, multiline: true }).optional(),
});

/**
 * homeroom.reminders.send — the class's homeroom teacher (導師) reminds the chosen students of
 * what the completeness check finds for them this term (what they can act on). Each student's
 * reminder is stored with who sent it and when, shown to the student above every screen until
 * they dismiss it, and audited. A student not enrolled in the class is refused as not found,
 * and then nobody is reminded.
 */
export const remindersSend = authedProcedure(PROGRESS_READERS)
  .input(remindersSendInput)
  .mutation(async ({ ctx, input }) => {
    const term = resolveTerm(ctx.now(), {});
    const klass = await readableClass(ctx, input.className, term.academicYear);
    const progress = await classProgress(ctx.db, ctx.config, klass, term, ctx.now());
    const byId = new Map(progress.students.map((s) => [s.id, s]));
    const chosen = [...new Set(input.studentIds)];
    if (chosen.some((id) => !byId.has(id))) throw new DomainError('not-found', {});
    const at = nowIso(ctx.now());
    const note = input.note?.trim() ? input.note.trim() : null;
    const rows = chosen.map((id) => ({
      id: newId(),
      school_code: ctx.config.code,
      student_id: id,
      class_name: klass.className,
      academic_year: term.academicYear,
      semester: term.semester,
      reasons: JSON.stringify(byId.get(id)!.reminders),
      note,
      sent_by: ctx.identity.userId,
      sent_by_name: ctx.identity.name,
      sent_at: at,
      read_at: null,
    }));
    await ctx.db.transaction().execute(async (trx) => {
      await homeroomDb(trx).insertInto('homeroom_reminders').values(rows).execute();
      await writeAudits(
        trx,
        rows.map((r) => ({
          school: ctx.config.code,
          actor: ctx.identity,
          role: ctx.actingRole,
          action: 'homeroom.reminder.send',
          entity: 'homeroom_reminder',
          entityId: r.id,
          studentId: r.student_id,
          after: { class_name: r.class_name, reasons: r.reasons, note: r.note },
          at: ctx.now(),
        })),
      );
    });
    return { sent: rows.length, at, students: chosen.map((id) => ({ id, name: byId.get(id)!.name, reasons: byId.get(id)!.reminders })) };
  });
