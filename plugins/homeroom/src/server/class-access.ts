import { academicTermOf, DomainError, taipeiDate, type Role } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';

/** Who may follow a class's progress: its homeroom teacher (導師), and administrators for any class. */
export const PROGRESS_READERS: readonly Role[] = ['homeroom-teacher', 'admin'];

export interface HomeroomClass {
  id: string;
  className: string;
  grade: number;
  academicYear: number;
  homeroomTeacherName: string | null;
}

const isAdmin = (ctx: AuthedContext) => ctx.identity.roles.includes('admin');

function classQuery(ctx: AuthedContext, academicYear: number) {
  return ctx.db
    .selectFrom('classes')
    .leftJoin('teachers', 'teachers.id', 'classes.homeroom_teacher_id')
    .select(['classes.id', 'classes.class_name', 'classes.grade', 'classes.academic_year', 'teachers.name as teacher_name', 'teachers.host_user_id as teacher_user'])
    .where('classes.school_code', '=', ctx.config.code)
    .where('classes.academic_year', '=', academicYear);
}

type ClassQueryRow = { id: string; class_name: string; grade: number; academic_year: number; teacher_name: string | null };
const toClass = (r: ClassQueryRow): HomeroomClass => ({
  id: r.id,
  className: r.class_name,
  grade: Number(r.grade),
  academicYear: Number(r.academic_year),
  homeroomTeacherName: r.teacher_name,
});

/**
 * The classes of `academicYear` the signed-in user follows: those whose homeroom teacher is
 * the teacher with their host account (teachers.host_user_id), every class for an administrator.
 * A user not on the teacher roster has none.
 */
export async function classesOf(ctx: AuthedContext, academicYear: number): Promise<HomeroomClass[]> {
  let query = classQuery(ctx, academicYear);
  if (!isAdmin(ctx)) query = query.where('teachers.host_user_id', '=', ctx.identity.userId).where('teachers.school_code', '=', ctx.config.code);
  return (await query.orderBy('classes.class_name').execute()).map(toClass);
}

/**
 * The class a caller may read, in the current academic year only (the roster keeps each
 * student's current class): their own as its homeroom teacher, any for an administrator.
 * Another teacher's class (or one that does not exist) is 'class-not-homeroom' — its
 * existence is not revealed; an administrator asking for a missing class gets 'class-unknown'.
 */
export async function readableClass(ctx: AuthedContext, className: string, academicYear: number): Promise<HomeroomClass> {
  // A past year's class had other students than today's roster says: refuse rather than show the wrong ones.
  const current = academicTermOf(taipeiDate(ctx.now())).academicYear;
  if (academicYear !== current) throw new DomainError('class-past-year', { current });
  const row = await classQuery(ctx, academicYear).where('classes.class_name', '=', className).executeTakeFirst();
  if (isAdmin(ctx)) {
    if (!row) throw new DomainError('class-unknown', { className, academicYear });
    return toClass(row);
  }
  if (!row || row.teacher_user !== ctx.identity.userId) throw new DomainError('class-not-homeroom', { className, academicYear });
  return toClass(row);
}
