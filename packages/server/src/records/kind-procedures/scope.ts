import { academicTermOf, DomainError, recordKindDefinition, recordKindPolicy, type RecordKindDefinition, type Role } from '@licheng/core';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { AuthedContext } from '../../context.ts';
import type { PlatformDatabase, RecordRow, Student } from '../../platform/tables.ts';
import { certifiesSchoolWide } from '../policy.ts';

/**
 * Who sees and who changes which records of an office's kinds — the one permission rule:
 * - an office (a school-wide role the school names as enterer or certifier of a kind) sees every
 *   record of that kind and changes those an office entered; 學務處's sections see only their
 *   kinds, and a 'counseling-only' kind only counseling;
 * - a homeroom teacher sees their class (this academic year), a subject teacher the students of
 *   their courses, a course consultant their advisees — never consultation or counseling records
 *   but the consultant's own consultations of their advisees;
 * - a student sees their own records and changes only what they entered; of a 'counseling-only'
 *   kind, only where the school has students enter it.
 */

type Eb = ExpressionBuilder<PlatformDatabase & { r: PlatformDatabase['records']; s: PlatformDatabase['students'] }, 'r' | 's'>;

/** The kinds among `kinds` this caller reaches as an office (school-wide). */
export function officeKinds(ctx: AuthedContext, kinds: readonly RecordKindDefinition[]): string[] {
  return kinds.filter((k) => officeRole(ctx, k) !== null).map((k) => k.id);
}

/** The caller's role that reaches this kind school-wide, or null. */
export function officeRole(ctx: AuthedContext, kind: RecordKindDefinition): Role | null {
  const { enterers, certifiers } = recordKindPolicy(ctx.config, kind.id);
  const office = ctx.identity.roles.find((r) => certifiesSchoolWide(r) && (enterers.includes(r) || certifiers.includes(r)));
  if (!office) return null;
  if (kind.visibility === 'counseling-only' && office !== 'counseling-staff') return null;
  return office;
}

/** Kinds a teacher (homeroom, subject) may see of their students: none kept to counseling or to the consultant. */
const teacherVisible = (kind: RecordKindDefinition) => kind.visibility === undefined;

/** The caller's teacher id, when they hold a teacher role and are on the roster. */
async function teacherId(ctx: AuthedContext): Promise<string | null> {
  const row = await ctx.db.selectFrom('teachers').select('id').where('school_code', '=', ctx.config.code).where('host_user_id', '=', ctx.identity.userId).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Restricts a query over `records as r` joined with `students as s` to what the caller may see
 * among `kinds`; a caller who sees nothing gets a query that matches nothing.
 */
export async function visibleTo<O>(
  ctx: AuthedContext,
  kinds: readonly RecordKindDefinition[],
  query: SelectQueryBuilder<PlatformDatabase & { r: PlatformDatabase['records']; s: PlatformDatabase['students'] }, 'r' | 's', O>,
): Promise<typeof query> {
  const roles = ctx.identity.roles;
  const office = officeKinds(ctx, kinds);
  const teacher = roles.some((r) => r === 'homeroom-teacher' || r === 'subject-teacher' || r === 'course-consultant') ? await teacherId(ctx) : null;
  const forTeachers = kinds.filter(teacherVisible).map((k) => k.id);
  const consultantKinds = kinds.filter((k) => recordKindPolicy(ctx.config, k.id).enterers.includes('course-consultant')).map((k) => k.id);
  const { academicYear } = academicTermOf(ctx.now());
  return query.where((eb: Eb) => {
    const any = [];
    if (office.length) any.push(eb('r.kind', 'in', office));
    if (roles.includes('student')) {
      // A kind kept to counseling reaches the student only where the school has students enter it.
      const own = kinds.filter((k) => k.visibility !== 'counseling-only' || recordKindPolicy(ctx.config, k.id).enterers.includes('student')).map((k) => k.id);
      if (own.length) any.push(eb.and([eb('r.kind', 'in', own), eb('s.host_user_id', '=', ctx.identity.userId)]));
    }
    if (teacher && roles.includes('homeroom-teacher') && forTeachers.length) {
      const myClasses = eb.selectFrom('classes').select('class_name').where('classes.school_code', '=', ctx.config.code).where('classes.academic_year', '=', academicYear).where('classes.homeroom_teacher_id', '=', teacher);
      any.push(eb.and([eb('r.kind', 'in', forTeachers), eb('s.class_name', 'in', myClasses)]));
    }
    if (teacher && roles.includes('subject-teacher') && forTeachers.length) {
      const myStudents = eb.selectFrom('enrolments').innerJoin('course_teachers', 'course_teachers.course_id', 'enrolments.course_id').select('enrolments.student_id').where('course_teachers.teacher_id', '=', teacher);
      any.push(eb.and([eb('r.kind', 'in', forTeachers), eb('r.student_id', 'in', myStudents)]));
    }
    if (teacher && roles.includes('course-consultant')) {
      const advisees = eb.selectFrom('advisees').select('advisees.student_id').where('advisees.teacher_id', '=', teacher);
      const kindsOf = [...new Set([...forTeachers, ...consultantKinds])];
      if (kindsOf.length) any.push(eb.and([eb('r.kind', 'in', kindsOf), eb('r.student_id', 'in', advisees)]));
    }
    return any.length ? eb.or(any) : eb.lit(false);
  });
}

/** Whether a scoped enterer (teacher, consultant) may enter for this student; offices and the student's own entries pass. */
export async function assertStudentInScope(ctx: AuthedContext, role: Role, student: Student): Promise<void> {
  if (role === 'student' || certifiesSchoolWide(role)) return;
  const teacher = await teacherId(ctx);
  if (!teacher) throw new DomainError('forbidden', {});
  let found: unknown;
  if (role === 'course-consultant') {
    found = await ctx.db.selectFrom('advisees').select('id').where('teacher_id', '=', teacher).where('student_id', '=', student.id).executeTakeFirst();
  } else if (role === 'homeroom-teacher') {
    const { academicYear } = academicTermOf(ctx.now());
    found = await ctx.db.selectFrom('classes').select('id').where('school_code', '=', ctx.config.code).where('academic_year', '=', academicYear).where('class_name', '=', student.class_name).where('homeroom_teacher_id', '=', teacher).executeTakeFirst();
  } else if (role === 'subject-teacher') {
    found = await ctx.db.selectFrom('enrolments').innerJoin('course_teachers', 'course_teachers.course_id', 'enrolments.course_id').select('enrolments.id').where('enrolments.student_id', '=', student.id).where('course_teachers.teacher_id', '=', teacher).executeTakeFirst();
  }
  if (!found) throw new DomainError('forbidden', {});
}

/**
 * The role in which the caller changes (corrects, withdraws) a record they can see: the record's
 * enterer changes it in the role they entered it; an office changes what an office entered of its
 * kinds. Anything else is 'forbidden'.
 */
export function changingRole(ctx: AuthedContext, kinds: readonly RecordKindDefinition[], record: RecordRow): Role {
  const kind = kinds.find((k) => k.id === record.kind) ?? recordKindDefinition(record.kind);
  if (record.entered_by === ctx.identity.userId && ctx.identity.roles.includes(record.entered_role as Role)) return record.entered_role as Role;
  const office = kind ? officeRole(ctx, kind) : null;
  if (office && certifiesSchoolWide(record.entered_role as Role) && recordKindPolicy(ctx.config, record.kind).enterers.includes(office)) return office;
  throw new DomainError('forbidden', {});
}
