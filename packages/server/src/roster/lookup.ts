import { DomainError } from '@licheng/core';
import type { AuthedContext } from '../context.ts';
import type { Student, Teacher } from '../platform/tables.ts';

/** The student row of the signed-in student (the host's `sub` is the student's host user id). */
export async function currentStudent(ctx: AuthedContext): Promise<Student> {
  const student = await ctx.db
    .selectFrom('students')
    .selectAll()
    .where('school_code', '=', ctx.config.code)
    .where('host_user_id', '=', ctx.identity.userId)
    .executeTakeFirst();
  if (!student) throw new DomainError('not-on-roster', { user: ctx.identity.userId });
  return student;
}

export async function currentTeacher(ctx: AuthedContext): Promise<Teacher> {
  const teacher = await ctx.db
    .selectFrom('teachers')
    .selectAll()
    .where('school_code', '=', ctx.config.code)
    .where('host_user_id', '=', ctx.identity.userId)
    .executeTakeFirst();
  if (!teacher) throw new DomainError('not-on-roster', { user: ctx.identity.userId });
  return teacher;
}

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
