import { DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { authedProcedure, currentStudent } from '@licheng/server';
import { z } from 'zod';
import { homeroomDb } from '../tables.ts';

/** homeroom.reminders.dismiss — the student marks one of their own reminders read; anyone else's is not found. */
export const remindersDismiss = authedProcedure(['student'])
  .input(z.object({ id: z.string().min(1).max(64) }))
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const result = await homeroomDb(ctx.db)
      .updateTable('homeroom_reminders')
      .set({ read_at: nowIso(ctx.now()) })
      .where('id', '=', input.id)
      .where('school_code', '=', ctx.config.code)
      .where('student_id', '=', student.id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new DomainError('not-found', {});
    return { id: input.id };
  });
