import { cohortPlanYear, precheckDifferences, type ApprovedPlanLine, type PrecheckDifference } from '@licheng/core';
import type { Kysely } from 'kysely';
import { latestVersion, versionLines } from './plan-import.ts';
import type { CurriculumDatabase } from './tables.ts';

export interface Term {
  academicYear: number;
  semester: number;
}

/** The term's offerings, the enrolled students, their enrolments, the current plan of each cohort and the classes' 班群, compared. */
export async function comparePlan(db: Kysely<CurriculumDatabase>, school: string, term: Term) {
  const courses = await db
    .selectFrom('courses')
    .select(['id', 'code', 'subject_name', 'grade_level', 'credits', 'class_name'])
    .where('school_code', '=', school).where('academic_year', '=', term.academicYear).where('semester', '=', term.semester)
    .orderBy('class_name').orderBy('code').execute();
  const students = await db
    .selectFrom('students')
    .select(['id', 'student_no', 'name', 'class_name', 'grade'])
    .where('school_code', '=', school).where('status', '=', 'enrolled')
    .orderBy('class_name').orderBy('seat_no').execute();
  const enrolmentRows = courses.length
    ? await db.selectFrom('enrolments').select(['course_id', 'student_id']).where('school_code', '=', school).where('course_id', 'in', courses.map((c) => c.id)).execute()
    : [];
  const enrolments = new Map<string, Set<string>>();
  for (const e of enrolmentRows) enrolments.set(e.course_id, (enrolments.get(e.course_id) ?? new Set()).add(e.student_id));

  const years = new Set([...courses.map((c) => cohortPlanYear(term.academicYear, c.grade_level)), ...students.map((s) => cohortPlanYear(term.academicYear, s.grade))]);
  const plans = new Map<number, ApprovedPlanLine[]>();
  const versions: Array<{ planYear: number; versionId: string; version: number }> = [];
  for (const year of [...years].sort()) {
    const latest = await latestVersion(db, school, year);
    if (!latest) continue;
    plans.set(year, await versionLines(db, school, latest.id, year));
    versions.push({ planYear: year, versionId: latest.id, version: latest.version });
  }
  const groups = await db.selectFrom('curriculum_class_groups').select(['class_name', 'class_group']).where('school_code', '=', school).where('academic_year', '=', term.academicYear).execute();

  const differences: PrecheckDifference[] = precheckDifferences({
    academicYear: term.academicYear,
    semester: term.semester,
    offerings: courses.map((c) => ({ courseId: c.id, code: c.code, subjectName: c.subject_name, gradeLevel: c.grade_level, credits: c.credits, className: c.class_name })),
    students: students.map((s) => ({ studentId: s.id, studentNo: s.student_no, name: s.name, className: s.class_name, grade: s.grade })),
    enrolments,
    plans,
    classGroups: new Map(groups.map((g) => [g.class_name, g.class_group])),
  });
  return { differences, versions, cohorts: [...years].sort() };
}
