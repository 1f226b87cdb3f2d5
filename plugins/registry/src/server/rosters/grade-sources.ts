import type { GradeRosterRowInput } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { registryDb } from '../tables.ts';
import type { Division } from './outcome-sources.ts';

/** One registry grade of the term with its student and the offering of its course code. */
export interface GradeSource extends GradeRosterRowInput {
  gradeId: string;
  studentId: string;
}

/** The grades of a term of students of the division (students.division). */
function gradeQuery(db: Kysely<PlatformDatabase>, school: string, academicYear: number, division: Division) {
  return registryDb(db)
    .selectFrom('course_grades as g')
    .innerJoin('students as s', 's.id', 'g.student_id')
    .where('g.school_code', '=', school)
    .where('g.academic_year', '=', academicYear)
    .where('s.division', '=', division);
}

/** The grades and classes of the students a grade roster carries: the audiences whose windows must be open. */
export async function gradeAudiences(db: Kysely<PlatformDatabase>, school: string, academicYear: number, semester: number, division: Division) {
  const rows = await gradeQuery(db, school, academicYear, division).where('g.semester', '=', semester).select(['s.grade', 's.class_name']).distinct().execute();
  return rows.map((r) => ({ grade: Number(r.grade), className: r.class_name }));
}

type Offering = { academic_year: number; semester: number; subject_name: string; grade_level: number; credits: number };

/**
 * The offering that names a grade's course: the one of the term the way of taking points at
 * (重修: 原修課學年度/學期, 轉學轉科: 對應學年度/學期, otherwise the grade's own term), else the
 * latest offering of the code.
 */
function offeringOf(offerings: Offering[] | undefined, year: number, semester: number): GradeRosterRowInput['course'] {
  if (!offerings?.length) return null;
  const found = offerings.find((o) => Number(o.academic_year) === year && Number(o.semester) === semester) ?? offerings[0]!;
  return { subjectName: found.subject_name, gradeLevel: Number(found.grade_level), credits: Number(found.credits) };
}

/**
 * Every registry grade (course_grades, ADR 0020) of the term for students of the division, with
 * the student's 身分證號 and birth date and the school's offering of the code (platform
 * `courses`). Ordered by class, seat, student number, course code and way of taking.
 */
export async function gradeSources(db: Kysely<PlatformDatabase>, school: string, academicYear: number, semester: 1 | 2, division: Division): Promise<GradeSource[]> {
  const rows = await gradeQuery(db, school, academicYear, division)
    .select([
      'g.id',
      'g.student_id',
      'g.semester',
      'g.take',
      'g.course_code',
      'g.score',
      'g.passed',
      'g.make_up_score',
      'g.make_up_passed',
      'g.credit_counted',
      'g.description',
      'g.context_json',
      's.national_id',
      's.birth_date',
    ])
    .orderBy('s.class_name')
    .orderBy('s.seat_no')
    .orderBy('s.student_no')
    .orderBy('g.course_code')
    .orderBy('g.take')
    .execute();
  const codes = [...new Set(rows.map((r) => r.course_code))];
  const offerings = new Map<string, Offering[]>();
  for (let i = 0; i < codes.length; i += 500) {
    const found = await db
      .selectFrom('courses')
      .select(['code', 'academic_year', 'semester', 'subject_name', 'grade_level', 'credits'])
      .where('school_code', '=', school)
      .where('code', 'in', codes.slice(i, i + 500))
      .orderBy('academic_year', 'desc')
      .orderBy('semester', 'desc')
      .execute();
    for (const o of found) offerings.set(o.code, [...(offerings.get(o.code) ?? []), o]);
  }
  const parsed = rows.map((r) => ({ ...r, context: JSON.parse(r.context_json) as Record<string, string | number> }));
  // 進修部 補考: the periods of the same course in the year's other semester.
  const nightPeriods = new Map(parsed.filter((r) => r.take === 'night').map((r) => [`${r.student_id}|${r.course_code}|${r.semester}`, Number(r.context.periods) || null]));
  return parsed
    .filter((r) => Number(r.semester) === semester)
    .map((r) => {
      const ctx = r.context;
      const [year, term] =
        r.take === 'retake' ? [Number(ctx.originalYear), Number(ctx.originalSemester)] : r.take === 'transfer' ? [Number(ctx.mappedYear), Number(ctx.mappedSemester)] : [academicYear, semester];
      return {
        gradeId: r.id,
        studentId: r.student_id,
        nationalId: r.national_id,
        birthDate: r.birth_date,
        semester,
        take: r.take,
        code: r.course_code,
        score: r.score,
        passed: Number(r.passed),
        makeUpScore: r.make_up_score,
        makeUpPassed: Number(r.make_up_passed),
        creditCounted: Number(r.credit_counted),
        description: r.description,
        context: ctx,
        course: offeringOf(offerings.get(r.course_code), year, term),
        otherSemesterPeriods: nightPeriods.get(`${r.student_id}|${r.course_code}|${semester === 1 ? 2 : 1}`) ?? null,
      };
    });
}
