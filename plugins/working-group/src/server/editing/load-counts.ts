import { PERFORMANCE_TYPES, type Activity, type ScheduleWindow } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';

/**
 * What falls due when a window closes, counted from the school's data (load-aware deadlines).
 *
 * Students: the enrolled students the window is for (its grades and classes), except for the
 * offices' own work (pre-check), which no student acts on. Items: what those students (or the
 * office) still act on before the end, per activity —
 * - outcome-upload, grade-check: the course enrolments of the term (each course may carry one
 *   outcome; each grade is checked);
 * - outcome-certification: the outcomes still pending certification in the term;
 * - outcome-selection, performance-selection: the passed records they choose among in the year;
 * - performance-upload: the performances entered so far in the year (at least one per student);
 * - autobiography, receipt-confirmation: one per student;
 * - roster-submission: one roster row per student; pre-check: the term's course offerings.
 * A window limited to record kinds counts only records of those kinds.
 */

const PERFORMANCE_KIND_IDS = PERFORMANCE_TYPES.map((t) => t.id);
const OFFICE_WORK: readonly Activity[] = ['pre-check'];

export interface SchoolData {
  students: { id: string; grade: number; className: string }[];
  /** Enrolments per student, by semester (1, 2). */
  enrolments: Map<string, [number, number]>;
  /** Non-withdrawn records of the year: student, kind, semester, status. */
  records: { studentId: string; kind: string; semester: number; status: string }[];
  /** Course offerings per semester (index 1, 2). */
  offerings: [number, number, number];
  /** Records entered per Taipei hour (0–23) in the year: when the school's users act. */
  hourProfile: number[];
}

/** Reads what the counts need for one academic year, in a few queries. */
export async function schoolData(ctx: AuthedContext, academicYear: number): Promise<SchoolData> {
  const school = ctx.config.code;
  const students = await ctx.db.selectFrom('students').select(['id', 'grade', 'class_name']).where('school_code', '=', school).where('status', '=', 'enrolled').execute();
  const enrolmentRows = await ctx.db
    .selectFrom('enrolments')
    .innerJoin('courses', 'courses.id', 'enrolments.course_id')
    .select(['enrolments.student_id as studentId', 'courses.semester as semester'])
    .where('enrolments.school_code', '=', school)
    .where('courses.academic_year', '=', academicYear)
    .execute();
  const enrolments = new Map<string, [number, number]>();
  for (const e of enrolmentRows) {
    const counts = enrolments.get(e.studentId) ?? [0, 0];
    if (Number(e.semester) === 1 || Number(e.semester) === 2) counts[Number(e.semester) - 1]! += 1;
    enrolments.set(e.studentId, counts);
  }
  const records = await ctx.db
    .selectFrom('records')
    .select(['student_id as studentId', 'kind', 'semester', 'status', 'created_at as createdAt'])
    .where('school_code', '=', school)
    .where('academic_year', '=', academicYear)
    .where('status', '!=', 'withdrawn')
    .execute();
  const courses = await ctx.db.selectFrom('courses').select('semester').where('school_code', '=', school).where('academic_year', '=', academicYear).execute();
  const offerings: [number, number, number] = [0, 0, 0];
  for (const c of courses) offerings[Number(c.semester) as 0 | 1 | 2] += 1;
  const hourProfile = Array.from({ length: 24 }, () => 0);
  for (const r of records) hourProfile[(new Date(r.createdAt).getUTCHours() + 8) % 24]! += 1;
  return {
    students: students.map((s) => ({ id: s.id, grade: Number(s.grade), className: s.class_name })),
    enrolments,
    records: records.map((r) => ({ studentId: r.studentId, kind: r.kind, semester: Number(r.semester), status: r.status })),
    offerings,
    hourProfile,
  };
}

/** The students a window is for: its grades and classes (every enrolled student when it names none). */
export function studentsOf(data: SchoolData, w: Pick<ScheduleWindow, 'grades' | 'classes'>): SchoolData['students'] {
  return data.students.filter((s) => (!w.grades || w.grades.includes(s.grade)) && (!w.classes || w.classes.includes(s.className)));
}

/** The students who act and the items that fall due when window `w` closes (see the module comment). */
export function dueAtEnd(data: SchoolData, w: ScheduleWindow): { students: string[]; items: number } {
  const students = studentsOf(data, w);
  const ids = new Set(students.map((s) => s.id));
  const inTerm = (semester: number) => w.semester === 0 || semester === w.semester;
  const kindOk = (kind: string, kinds: readonly string[]) => kinds.includes(kind) && (!w.recordKinds || w.recordKinds.includes(kind));
  const records = (kinds: readonly string[], status?: string, term = false) =>
    data.records.filter((r) => ids.has(r.studentId) && kindOk(r.kind, kinds) && (!status || r.status === status) && (!term || inTerm(r.semester))).length;
  const enrolled = () =>
    students.reduce((sum, s) => {
      const [first, second] = data.enrolments.get(s.id) ?? [0, 0];
      return sum + (w.semester === 1 ? first : w.semester === 2 ? second : first + second);
    }, 0);
  const items = ((): number => {
    switch (w.activity) {
      case 'outcome-upload':
      case 'grade-check':
        return enrolled();
      case 'outcome-certification':
        return records(['outcome'], 'pending', true);
      case 'outcome-selection':
        return records(['outcome'], 'passed');
      case 'performance-selection':
        return records(PERFORMANCE_KIND_IDS, 'passed');
      case 'performance-upload':
        return Math.max(records(PERFORMANCE_KIND_IDS), students.length);
      case 'pre-check':
        return w.semester === 0 ? data.offerings[1] + data.offerings[2] : data.offerings[w.semester];
      default:
        return students.length;
    }
  })();
  return { students: OFFICE_WORK.includes(w.activity) ? [] : [...ids], items };
}
