import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';
import { registryDb } from '../tables.ts';

/** What every roster row says of its student: the row starts 身分證號, 出生日期; grade and class order and scope it. */
export const ROW_STUDENT_COLUMNS = ['students.id as student_id', 'students.national_id', 'students.birth_date', 'students.grade', 'students.class_name'] as const;

/** The record kind of 課程學習成果, as the student office enters it. */
export const OUTCOME = 'outcome';

/** The division (部別) of the students a 課程學習成果 roster carries: 26 the day division, 28 進修部. */
export type Division = 'day' | 'night';

/** One selected, certified outcome of the academic year with what the roster needs of it. */
export interface OutcomeSource {
  recordId: string;
  studentId: string;
  nationalId: string;
  birthDate: string; // ISO
  grade: number;
  className: string;
  academicYear: number;
  semester: number;
  summary: string;
  documentFileId: string | null;
  mediaFileId: string | null;
  /** The course; null when the outcome has none (it cannot be submitted). */
  course: { code: string; subjectName: string; gradeLevel: number; credits: number } | null;
  /**
   * The registry's grades of this student, term and course code (ADR 0020): their way of
   * taking (補修 make-up, 重修 retake, 重讀 repeat-year, 轉學轉科 transfer, 借讀 borrowed, 進修部
   * night, term) and its context.
   */
  grades: Array<{ take: string; context: Record<string, string | number> }>;
  /** The enrolment's way of taking when it is 重修 (2) or 補修 (3). */
  enrolmentTake: 'make-up' | 'retake' | null;
}

/**
 * 課程學習成果 of a year roster: every outcome of the academic year that passed certification
 * (通過) and that its student selected (勾選, per academic year) — students of the division (and
 * of grade 12 only, for grade 12's batches; changed or selected after `since` when given) —
 * with the registry's grades of the same student, term and course code. Ordered by class, seat,
 * student number, course code and entry.
 */
function outcomeQuery(db: Kysely<PlatformDatabase>, school: string, academicYear: number, division: Division, grade: number | null, since: string | null = null) {
  const query = db
    .selectFrom('records')
    .innerJoin('selections', 'selections.record_id', 'records.id')
    .innerJoin('students', 'students.id', 'records.student_id')
    .leftJoin('courses', 'courses.id', 'records.course_id')
    .where('records.school_code', '=', school)
    .where('records.kind', '=', OUTCOME)
    .where('records.status', '=', 'passed')
    .where('records.academic_year', '=', academicYear)
    .where('selections.academic_year', '=', academicYear)
    .where('students.division', '=', division);
  const graded = grade === null ? query : query.where('students.grade', '=', grade);
  return since === null ? graded : graded.where((eb) => eb.or([eb('records.updated_at', '>', since), eb('selections.created_at', '>', since)]));
}

/** The grades and classes the roster carries: the audiences whose roster-submission windows must be open. */
export async function outcomeAudiences(db: Kysely<PlatformDatabase>, school: string, academicYear: number, division: Division, grade: number | null = null) {
  const rows = await outcomeQuery(db, school, academicYear, division, grade).select(['students.grade', 'students.class_name']).distinct().execute();
  return rows.map((r) => ({ grade: Number(r.grade), className: r.class_name, recordKind: OUTCOME }));
}

export async function outcomeSources(db: Kysely<PlatformDatabase>, school: string, academicYear: number, division: Division, grade: number | null = null, since: string | null = null): Promise<OutcomeSource[]> {
  const rows = await outcomeQuery(db, school, academicYear, division, grade, since)
    .leftJoin('enrolments', (join) => join.onRef('enrolments.student_id', '=', 'records.student_id').onRef('enrolments.course_id', '=', 'records.course_id'))
    .select([
      'records.id as record_id',
      ...ROW_STUDENT_COLUMNS,
      'records.academic_year',
      'records.semester',
      'records.summary',
      'records.document_file_id',
      'records.media_file_id',
      'courses.code',
      'courses.subject_name',
      'courses.grade_level',
      'courses.credits',
      'enrolments.take_kind',
    ])
    .orderBy('students.class_name')
    .orderBy('students.seat_no')
    .orderBy('students.student_no')
    .orderBy('courses.code')
    .orderBy('records.semester')
    .orderBy('records.created_at')
    .execute();
  const studentIds = [...new Set(rows.map((r) => r.student_id))];
  const grades = studentIds.length
    ? await registryDb(db)
        .selectFrom('course_grades')
        .select(['student_id', 'academic_year', 'semester', 'course_code', 'take', 'context_json'])
        .where('school_code', '=', school)
        .where('student_id', 'in', studentIds)
        .orderBy('take')
        .execute()
    : [];
  const key = (student: string, year: number, semester: number, code: string) => `${student}|${year}|${semester}|${code}`;
  const byKey = new Map<string, OutcomeSource['grades']>();
  for (const g of grades) {
    const k = key(g.student_id, Number(g.academic_year), Number(g.semester), g.course_code);
    byKey.set(k, [...(byKey.get(k) ?? []), { take: g.take, context: JSON.parse(g.context_json) as Record<string, string | number> }]);
  }
  return rows.map((r) => ({
    recordId: r.record_id,
    studentId: r.student_id,
    nationalId: r.national_id,
    birthDate: r.birth_date,
    grade: Number(r.grade),
    className: r.class_name,
    academicYear: Number(r.academic_year),
    semester: Number(r.semester),
    summary: r.summary,
    documentFileId: r.document_file_id,
    mediaFileId: r.media_file_id,
    course: r.code ? { code: r.code, subjectName: r.subject_name ?? '', gradeLevel: Number(r.grade_level), credits: Number(r.credits) } : null,
    enrolmentTake: Number(r.take_kind) === 3 ? 'make-up' : Number(r.take_kind) === 2 ? 'retake' : null,
    grades: r.code ? (byKey.get(key(r.student_id, Number(r.academic_year), Number(r.semester), r.code)) ?? []) : [],
  }));
}
