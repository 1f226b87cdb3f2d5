import { DomainError } from '@licheng/core';
import type { AuthedContext } from '../context.ts';
import type { Student, Teacher } from '../platform/tables.ts';

/** The roster row of the signed-in user: the host's `sub` is the person's host user id. */
async function rosterRow<T extends 'students' | 'teachers'>(ctx: AuthedContext, table: T) {
  const row = await ctx.db
    .selectFrom(table as 'students')
    .selectAll()
    .where('school_code', '=', ctx.config.code)
    .where('host_user_id', '=', ctx.identity.userId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not-on-roster', { user: ctx.identity.userId });
  return row as unknown as T extends 'students' ? Student : Teacher;
}

export const currentStudent = (ctx: AuthedContext): Promise<Student> => rosterRow(ctx, 'students');
export const currentTeacher = (ctx: AuthedContext): Promise<Teacher> => rosterRow(ctx, 'teachers');

/** Whether the signed-in user teaches the course offering. */
export async function teachesCourse(ctx: AuthedContext, courseId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('course_teachers')
    .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
    .select('course_teachers.course_id')
    .where('course_teachers.course_id', '=', courseId)
    .where('teachers.host_user_id', '=', ctx.identity.userId)
    .where('teachers.school_code', '=', ctx.config.code)
    .executeTakeFirst();
  return row !== undefined;
}
