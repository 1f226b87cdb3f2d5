import { DomainError, freeText } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, currentStudent, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { assertGradeCheckOpen } from '../grades/grade-check-window.ts';
import { registryDb } from '../tables.ts';

/** Longest appeal text, in characters as people count them. */
export const APPEAL_TEXT_MAX = 200;

export const appealsRaiseInput = z.object({ gradeId: z.string().min(1).max(36), text: freeText({ max: APPEAL_TEXT_MAX }) });

/**
 * registry.appeals.raise — the student says what is wrong with one of their own grades, inside
 * the grade check window; the appeal reaches the registry's list. Another student's grade
 * reads as not found.
 */
export const appealsRaise = authedProcedure(['student'])
  .input(appealsRaiseInput)
  .mutation(async ({ ctx, input }) => {
    const student = await currentStudent(ctx);
    const at = ctx.now();
    return ctx.db.transaction().execute(async (platformTrx) => {
      const trx = registryDb(platformTrx);
      const grade = await trx
        .selectFrom('course_grades')
        .select(['id', 'course_code'])
        .where('id', '=', input.gradeId)
        .where('school_code', '=', ctx.config.code)
        .where('student_id', '=', student.id)
        .executeTakeFirst();
      if (!grade) throw new DomainError('grade-not-found', {});
      await assertGradeCheckOpen(ctx, student, platformTrx);
      const appeal = { id: newId(), school_code: ctx.config.code, grade_id: grade.id, student_id: student.id, text: input.text, status: 'open' as const, answer: null, answered_by: null, answered_at: null, raised_at: nowIso(at) };
      await trx.insertInto('grade_appeals').values(appeal).execute();
      await writeAudit(platformTrx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, studentId: student.id, at, action: 'grade.appeal.raise', entity: 'grade-appeal', entityId: appeal.id, after: { grade_id: grade.id, course_code: grade.course_code, text: appeal.text } });
      return { id: appeal.id, gradeId: grade.id, text: appeal.text, status: appeal.status, raisedAt: appeal.raised_at };
    });
  });
