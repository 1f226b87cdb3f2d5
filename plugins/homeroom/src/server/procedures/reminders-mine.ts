import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import type { CheckReason } from '../progress-rules.ts';
import { homeroomDb } from '../tables.ts';

/** homeroom.reminders.mine — the signed-in student's reminders from their homeroom teacher not yet dismissed, newest first. */
export const remindersMine = authedProcedure(['student'])
  .input(z.object({}).strict().optional())
  .query(async ({ ctx }) => {
    const student = await currentStudent(ctx);
    const rows = await homeroomDb(ctx.db)
      .selectFrom('homeroom_reminders')
      .select(['id', 'reasons', 'note', 'sent_by_name', 'sent_at'])
      .where('school_code', '=', ctx.config.code)
      .where('student_id', '=', student.id)
      .where('read_at', 'is', null)
      .orderBy('sent_at', 'desc')
      .limit(20)
      .execute();
    return rows.map((r) => ({ id: r.id, reasons: JSON.parse(r.reasons) as CheckReason[], note: r.note, byName: r.sent_by_name, at: String(r.sent_at) }));
  });
