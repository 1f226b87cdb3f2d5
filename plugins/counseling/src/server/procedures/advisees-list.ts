import { freeText } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { callerTeacherId } from '../advisee-store.ts';

export const adviseesListInput = z
  .object({
    /** One consultant's advisees (counseling only). */
    teacherNo: freeText({ max: 32 }).optional(),
    className: freeText({ max: 32 }).optional(),
  })
  .optional();

export interface AdviseeLink {
  id: string;
  teacherNo: string;
  teacherName: string;
  studentId: string;
  studentNo: string;
  studentName: string;
  className: string;
  seatNo: number;
}

export interface AdviseeList {
  links: AdviseeLink[];
  /** The school's teachers to assign from (counseling only; empty for a consultant). */
  teachers: Array<{ teacherNo: string; name: string }>;
  /** The caller may assign and remove links. */
  mayAssign: boolean;
}

/**
 * `counseling.advisees.list` — who advises whom: counseling (and an administrator) sees every
 * link of the school, a course consultant only their own advisees.
 */
export const adviseesList = authedProcedure(['counseling-staff', 'admin', 'course-consultant'])
  .input(adviseesListInput)
  .query(async ({ ctx, input }): Promise<AdviseeList> => {
    const mayAssign = ctx.identity.roles.some((r) => r === 'counseling-staff' || r === 'admin');
    let query = ctx.db
      .selectFrom('advisees as a')
      .innerJoin('teachers as t', 't.id', 'a.teacher_id')
      .innerJoin('students as s', 's.id', 'a.student_id')
      .select(['a.id', 't.teacher_no', 't.name as teacher_name', 's.id as student_id', 's.student_no', 's.name as student_name', 's.class_name', 's.seat_no'])
      .where('a.school_code', '=', ctx.config.code);
    if (!mayAssign) query = query.where('a.teacher_id', '=', (await callerTeacherId(ctx)) ?? '');
    if (input?.teacherNo) query = query.where('t.teacher_no', '=', input.teacherNo);
    if (input?.className) query = query.where('s.class_name', '=', input.className);
    const rows = await query.orderBy('t.teacher_no').orderBy('s.class_name').orderBy('s.seat_no').orderBy('a.id').execute();
    const teachers = mayAssign ? await ctx.db.selectFrom('teachers').select(['teacher_no', 'name']).where('school_code', '=', ctx.config.code).orderBy('teacher_no').execute() : [];
    return {
      links: rows.map((r) => ({ id: r.id, teacherNo: r.teacher_no, teacherName: r.teacher_name, studentId: r.student_id, studentNo: r.student_no, studentName: r.student_name, className: r.class_name, seatNo: r.seat_no })),
      teachers: teachers.map((t) => ({ teacherNo: t.teacher_no, name: t.name })),
      mayAssign,
    };
  });
