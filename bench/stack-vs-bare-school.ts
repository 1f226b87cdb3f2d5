// The school both sides of the stack-vs-bare benchmark serve, and the generator of its data.
import { parseSchoolConfig } from '@licheng/core';
import { newId, nowIso, type LichengDb } from '@licheng/db';
import student from '@licheng/plugin-student/server';
import { createLicheng, LocalFileStorage } from '@licheng/server';

export const SCHOOL = '123456';
export const SECRET = 'bench-secret-bench-secret-bench-secret-00';
/** The student whose outcomes the load reads. */
export const READER = { userId: 's7', name: '學生7', school: SCHOOL, roles: ['student' as const] };
export const LIST_PATH = '/trpc/student.outcomes.list';

/** The real stack with the student office (學生): what the school runs. */
export function schoolApp(db: LichengDb, files: string, migrate: boolean) {
  const config = parseSchoolConfig({ code: SCHOOL, name: 'bench', type: 'general', plugins: { enabled: ['student'] } });
  return createLicheng({ config, db, storage: new LocalFileStorage(files), hostSecret: SECRET, plugins: [student], migrate });
}

export interface SchoolSize {
  /** Students enrolled. */
  students: number;
  /** Course learning outcomes (課程學習成果) each student uploaded. */
  outcomesPerStudent: number;
}

async function insertChunked(db: any, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto(table).values(rows.slice(i, i + 500)).execute();
}

/** Fills a migrated database for `school`: `size.students` students over 60 classes, 200 courses, and each student's outcomes (a third of them passed). */
export async function seedSchool(db: LichengDb, size: SchoolSize, school = SCHOOL): Promise<void> {
  const k = db.kysely as any;
  const at = nowIso();
  const courseCount = 200;
  const students = Array.from({ length: size.students }, (_, i) => ({ id: newId(), school_code: school, student_no: `S${i}`, host_user_id: `s${i}`, name: `學生${i}`, national_id: `N${i}`, birth_date: '2009-01-01', grade: 1, class_name: String(100 + (i % 60)), seat_no: (i % 40) + 1 + 40 * Math.floor(i / 2400), division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at }));
  const courses = Array.from({ length: courseCount }, (_, i) => ({ id: newId(), school_code: school, academic_year: 114, semester: 1, code: `108${school}E22L0101${String(i).padStart(6, '0')}`.slice(0, 23), subject_name: `科目${i}`, grade_level: 1, credits: 2, class_name: String(i), created_at: at, updated_at: at }));
  await insertChunked(k, 'students', students);
  await insertChunked(k, 'courses', courses);
  const records = students.flatMap((s, i) =>
    Array.from({ length: size.outcomesPerStudent }, (_, j) => ({
      id: newId(), school_code: school, kind: 'outcome', student_id: s.id, course_id: courses[(i * 7 + j * 61) % courseCount]!.id, academic_year: 114, semester: 1,
      summary: `成果簡述 ${i}-${j} `.repeat(5), data: '{}', document_file_id: null, media_file_id: null, status: j % 3 ? 'pending' : 'passed', status_reason: null,
      decided_by: j % 3 ? null : 't1', decided_by_name: j % 3 ? null : '王老師', decided_role: j % 3 ? null : 'subject-teacher', decided_at: j % 3 ? null : at,
      entered_by: s.host_user_id, entered_role: 'student', version: 1, created_at: new Date(Date.parse(at) - j * 60_000).toISOString(), updated_at: at,
    })),
  );
  await insertChunked(k, 'records', records);
}
