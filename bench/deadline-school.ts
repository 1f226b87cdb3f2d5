// The school of the deadline benchmark: the student office on the last evening of the outcome
// selection (勾選) window, and the generator of its data.
import { parseSchoolConfig } from '@licheng/core';
import { newId, nowIso, type LichengDb } from '@licheng/db';
import student from '@licheng/plugin-student/server';
import { createLicheng, LocalFileStorage } from '@licheng/server';

export const SCHOOL = '123456';
export const SECRET = 'bench-secret-bench-secret-bench-secret-00';
export const YEAR = 114;
/** The selection window closes at the end of this day (Asia/Taipei). */
const DEADLINE_DAY = '2025-10-15';
/** 23:00 in Taipei on the deadline day: the last hour before the window closes. */
export const LAST_HOUR = Date.parse(`${DEADLINE_DAY}T15:00:00Z`);
export const COURSES_PER_STUDENT = 8;
/** Outcomes each student uploaded; all passed, so up to 6 can be selected. */
export const OUTCOMES_PER_STUDENT = 8;

const schedule = [
  { activity: 'outcome-upload', academicYear: YEAR, semester: 1, start: '2025-08-01', end: '2026-02-15' },
  { activity: 'outcome-certification', academicYear: YEAR, semester: 1, start: '2025-08-01', end: '2026-03-01' },
  { activity: 'outcome-selection', academicYear: YEAR, semester: 0, start: '2025-09-15', end: DEADLINE_DAY },
];

/**
 * The real stack with the student office, its clock starting at 23:00 of the deadline day when
 * the app is made and running at real speed from there.
 */
export function deadlineApp(db: LichengDb, files: string, migrate: boolean) {
  const config = parseSchoolConfig({ code: SCHOOL, name: 'bench', type: 'general', plugins: { enabled: ['student'] }, schedule });
  const started = Date.now();
  return createLicheng({ config, db, storage: new LocalFileStorage(files), hostSecret: SECRET, plugins: [student], migrate, now: () => new Date(LAST_HOUR + (Date.now() - started)) });
}

async function insertChunked(db: any, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto(table).values(rows.slice(i, i + 500)).execute();
}

/** One student of the generated school, as the load generator needs it. */
export interface SeededStudent {
  userId: string;
  name: string;
  /** A course the student takes, for their upload. */
  courseId: string;
}

/**
 * Fills a migrated database: `students` students over 30 classes, 200 courses of 114-1, each
 * student enrolled in 8 of them with a passed outcome in each; no selection made yet.
 */
export async function seedDeadlineSchool(db: LichengDb, students: number): Promise<SeededStudent[]> {
  const k = db.kysely as any;
  const at = nowIso(new Date(LAST_HOUR - 30 * 86_400_000));
  const courseCount = 200;
  const studentRows = Array.from({ length: students }, (_, i) => ({ id: newId(), school_code: SCHOOL, student_no: `S${i}`, host_user_id: `s${i}`, name: `學生${i}`, national_id: `N${i}`, birth_date: '2009-01-01', grade: 1 + (i % 3), class_name: String(101 + (i % 30)), seat_no: Math.floor(i / 30) + 1, division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at }));
  const courses = Array.from({ length: courseCount }, (_, i) => ({ id: newId(), school_code: SCHOOL, academic_year: YEAR, semester: 1, code: `108${SCHOOL}E22L0101${String(i).padStart(6, '0')}`.slice(0, 23), subject_name: `科目${i}`, grade_level: 1, credits: 2, class_name: String(i), created_at: at, updated_at: at }));
  await insertChunked(k, 'students', studentRows);
  await insertChunked(k, 'courses', courses);
  const taken = (i: number) => Array.from({ length: COURSES_PER_STUDENT }, (_, j) => courses[(i * 7 + j * 23) % courseCount]!);
  await insertChunked(k, 'enrolments', studentRows.flatMap((s, i) => taken(i).map((c) => ({ id: newId(), school_code: SCHOOL, student_id: s.id, course_id: c.id, take_kind: 1, created_at: at }))));
  const records = studentRows.flatMap((s, i) =>
    taken(i).slice(0, OUTCOMES_PER_STUDENT).map((c, j) => ({
      id: newId(), school_code: SCHOOL, kind: 'outcome', student_id: s.id, course_id: c.id, academic_year: YEAR, semester: 1,
      summary: `成果簡述 ${i}-${j}`, data: '{}', document_file_id: null, media_file_id: null, status: 'passed', status_reason: null,
      decided_by: 't1', decided_by_name: '王老師', decided_role: 'subject-teacher', decided_at: at,
      entered_by: s.host_user_id, entered_role: 'student', version: 1, created_at: new Date(Date.parse(at) + j * 60_000).toISOString(), updated_at: at,
    })),
  );
  await insertChunked(k, 'records', records);
  return studentRows.map((s, i) => ({ userId: s.host_user_id, name: s.name, courseId: taken(i)[0]!.id }));
}
