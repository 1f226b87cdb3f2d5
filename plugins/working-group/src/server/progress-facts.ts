import { addDays, OFFICE_ROLES, RECORD_KINDS, semesterStartDate, taipeiDate, type ClassSelection, type AcademicTerm, type ProgressEvent, type TeacherCertification } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';

/**
 * What the self-check and the dashboard read of a term from the platform's tables (through
 * what `@licheng/server` exports): certification of the term's course learning outcomes per
 * course teacher, selection per class, and the records other offices certify, per office.
 */

/** First and last day (ISO, inclusive) of a term. */
export function termRange(term: AcademicTerm): { start: string; end: string } {
  const next = term.semester === 1 ? semesterStartDate(term.academicYear, 2) : semesterStartDate(term.academicYear + 1, 1);
  return { start: semesterStartDate(term.academicYear, term.semester), end: addDays(next, -1) };
}

/** The Taipei date of a stored UTC timestamp (core's taipeiDate). */
export const taipeiDayOf = (iso: string): string => taipeiDate(new Date(iso));

/** Outcomes of the term not withdrawn, counted for each teacher of their course (a course with two teachers counts for both). */
export async function certificationByTeacher(ctx: AuthedContext, term: AcademicTerm): Promise<TeacherCertification[]> {
  const school = ctx.config.code;
  const rows = await ctx.db
    .selectFrom('records')
    .innerJoin('course_teachers', 'course_teachers.course_id', 'records.course_id')
    .innerJoin('teachers', 'teachers.id', 'course_teachers.teacher_id')
    .select(['teachers.id as teacherId', 'teachers.name as name', 'records.status as status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('records.school_code', '=', school)
    .where('records.kind', '=', 'outcome')
    .where('records.academic_year', '=', term.academicYear)
    .where('records.semester', '=', term.semester)
    .where('records.status', '!=', 'withdrawn')
    .groupBy(['teachers.id', 'teachers.name', 'records.status'])
    .execute();
  const byTeacher = new Map<string, TeacherCertification>();
  for (const r of rows) {
    const t = byTeacher.get(r.teacherId) ?? { teacherId: r.teacherId, name: r.name, total: 0, passed: 0, failed: 0, pending: 0 };
    const n = Number(r.n);
    t.total += n;
    if (r.status === 'passed' || r.status === 'failed' || r.status === 'pending') t[r.status] += n;
    byTeacher.set(r.teacherId, t);
  }
  return [...byTeacher.values()];
}

/** Enrolled students per class, those with at least one selection in the academic year, and their selections. */
export async function selectionByClass(ctx: AuthedContext, academicYear: number): Promise<ClassSelection[]> {
  const school = ctx.config.code;
  const students = await ctx.db.selectFrom('students').select(['id', 'grade', 'class_name']).where('school_code', '=', school).where('status', '=', 'enrolled').execute();
  const selections = await ctx.db
    .selectFrom('selections')
    .select(['student_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('school_code', '=', school)
    .where('academic_year', '=', academicYear)
    .groupBy('student_id')
    .execute();
  const perStudent = new Map(selections.map((s) => [s.student_id, Number(s.n)]));
  const byClass = new Map<string, ClassSelection>();
  for (const s of students) {
    const c = byClass.get(s.class_name) ?? { className: s.class_name, grade: Number(s.grade), students: 0, selecting: 0, selections: 0 };
    const n = perStudent.get(s.id) ?? 0;
    c.students += 1;
    c.selecting += n > 0 ? 1 : 0;
    c.selections += n;
    byClass.set(s.class_name, c);
  }
  return [...byClass.values()];
}

export interface OfficeProgress {
  /** The certifying role (註冊組 registry-staff, 學務處生輔組 discipline-staff…), or 'offices' for kinds every office certifies. */
  office: string;
  total: number;
  passed: number;
  failed: number;
  pending: number;
}

/** The office that certifies a kind: its first default certifier; kinds every office certifies are 'offices'. */
export function certifyingOffice(kind: { defaultCertifiers: readonly string[] }): string {
  return kind.defaultCertifiers.length >= OFFICE_ROLES.length ? 'offices' : kind.defaultCertifiers[0]!;
}

/**
 * Records of the term an office certifies (every certified kind but the students' own, which
 * their teachers certify), per certifying office, not withdrawn.
 */
export async function certificationByOffice(ctx: AuthedContext, term: AcademicTerm): Promise<OfficeProgress[]> {
  const kinds = Object.values(RECORD_KINDS).filter((k) => k.certified && k.office !== 'student');
  const officeOf = new Map(kinds.map((k) => [k.id, certifyingOffice(k)]));
  const rows = await ctx.db
    .selectFrom('records')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('school_code', '=', ctx.config.code)
    .where('academic_year', '=', term.academicYear)
    .where('semester', 'in', [0, term.semester])
    .where('status', '!=', 'withdrawn')
    .where('kind', 'in', [...officeOf.keys()])
    .groupBy(['kind', 'status'])
    .execute();
  const byOffice = new Map<string, OfficeProgress>();
  for (const r of rows) {
    const office = officeOf.get(r.kind)!;
    const o = byOffice.get(office) ?? { office, total: 0, passed: 0, failed: 0, pending: 0 };
    const n = Number(r.n);
    o.total += n;
    if (r.status === 'passed' || r.status === 'failed' || r.status === 'pending') o[r.status] += n;
    byOffice.set(office, o);
  }
  return [...byOffice.values()];
}

/** Certifications (records decided in the term's dates) and selections (made in them), one event each, by Taipei day. */
export async function progressEvents(ctx: AuthedContext, term: AcademicTerm): Promise<ProgressEvent[]> {
  const school = ctx.config.code;
  const { start, end } = termRange(term);
  // Stored instants are UTC; a Taipei day starts 8 hours earlier.
  const from = new Date(`${start}T00:00:00+08:00`).toISOString();
  const to = new Date(new Date(`${end}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  const decided = await ctx.db
    .selectFrom('records')
    .select('decided_at')
    .where('school_code', '=', school)
    .where('status', 'in', ['passed', 'failed'])
    .where('decided_at', '>=', from)
    .where('decided_at', '<', to)
    .execute();
  const selected = await ctx.db.selectFrom('selections').select('created_at').where('school_code', '=', school).where('created_at', '>=', from).where('created_at', '<', to).execute();
  return [
    ...decided.map((r) => ({ date: taipeiDayOf(r.decided_at!), kind: 'certified' as const })),
    ...selected.map((r) => ({ date: taipeiDayOf(r.created_at), kind: 'selected' as const })),
  ];
}
