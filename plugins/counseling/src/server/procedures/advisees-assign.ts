import { DomainError, freeText } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { addAdvisees, assigningRole, studentsBy, teachersByNo } from '../advisee-store.ts';

export const adviseesAssignInput = z.object({
  teacherNo: freeText({ max: 32 }),
  /** Students by 學號; with `className`, both. */
  studentNos: z.array(freeText({ max: 32 })).max(500).optional(),
  /** Every enrolled student of a class (班級名稱). */
  className: freeText({ max: 32 }).optional(),
});

/**
 * `counseling.advisees.assign` — counseling assigns students, or a whole class, to a course
 * consultant (課程諮詢教師). Links that exist are kept; an unknown teacher, student or an empty
 * class is refused and nothing is written. Audited as `advisee.assign`.
 */
export const adviseesAssign = authedProcedure(['counseling-staff', 'admin'])
  .input(adviseesAssignInput)
  .mutation(async ({ ctx, input }): Promise<{ added: number; already: number }> => {
    const role = assigningRole(ctx);
    const studentNos = input.studentNos ?? [];
    if (studentNos.length === 0 && !input.className) throw new DomainError('advisee-target-required', {});
    const teacher = (await teachersByNo(ctx, [input.teacherNo])).get(input.teacherNo);
    if (!teacher) throw new DomainError('teacher-unknown', { teacherNo: input.teacherNo });
    const found = await studentsBy(ctx, { studentNos, classNames: input.className ? [input.className] : [] });
    const missing = studentNos.find((no) => !found.byNo.has(no));
    if (missing) throw new DomainError('student-unknown', { studentNo: missing });
    const ids = studentNos.map((no) => found.byNo.get(no)!);
    if (input.className) {
      const inClass = found.byClass.get(input.className) ?? [];
      if (inClass.length === 0) throw new DomainError('import-class-unknown', { value: input.className });
      ids.push(...inClass.map((s) => s.id));
    }
    return ctx.db.transaction().execute((trx) => addAdvisees(trx, ctx, role, ids.map((studentId) => ({ teacherId: teacher.id, studentId }))));
  });
