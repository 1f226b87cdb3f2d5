// The school of the bulk benchmark: the registry office (註冊組) with the student office, inside the
// roster-submission and pre-check windows of 114-1; the generator of its data and of the roster
// spreadsheets it imports.
import { parseSchoolConfig } from '@licheng/core';
import { newId, nowIso, type LichengDb } from '@licheng/db';
import registry from '@licheng/plugin-registry/server';
import student from '@licheng/plugin-student/server';
import { createLicheng, LocalFileStorage } from '@licheng/server';
import ExcelJS from 'exceljs';

export const SCHOOL = '123456';
export const SECRET = 'bench-secret-bench-secret-bench-secret-00';
export const YEAR = 114;
/** 12:00 in Taipei on 2025-10-01 (114-1), when the app is made; the clock runs at real speed from there. */
const NOON = Date.parse('2025-10-01T04:00:00Z');
export const REGISTRY_USER = { userId: 'r1', name: '註冊組長', school: SCHOOL, roles: ['registry-staff' as const] };
/** A student of the generated school, whose outcomes list is read while an export runs. */
export const READER = { userId: 's7', name: '學生7', school: SCHOOL, roles: ['student' as const] };

const schedule = [
  { activity: 'roster-submission', academicYear: YEAR, semester: 1, start: '2025-08-01', end: '2026-01-31' },
  { activity: 'pre-check', academicYear: YEAR, semester: 1, start: '2025-08-01', end: '2025-10-31' },
];

/** The real stack with the registry and student offices; the rosters no source numbers get a 名冊別 of the school's. */
export function bulkApp(db: LichengDb, files: string, migrate: boolean) {
  const config = parseSchoolConfig({
    code: SCHOOL,
    name: 'bench',
    type: 'general',
    plugins: { enabled: ['student', 'registry'] },
    schedule,
    rosters: { numbers: { 'student-data': { regular: 20 }, grades: { regular: 21 }, 'retake-repeat': { regular: 22 }, 'night-grades': { regular: 23 } } },
  });
  const started = Date.now();
  return createLicheng({ config, db, storage: new LocalFileStorage(files), hostSecret: SECRET, plugins: [student, registry], migrate, now: () => new Date(NOON + (Date.now() - started)) });
}

/** A valid 身分證字號 for the n-th student (area letter A, check digit computed). */
export function nationalId(n: number): string {
  const body = `1${String(n).padStart(7, '0')}`;
  const weights = [8, 7, 6, 5, 4, 3, 2, 1];
  const sum = 1 + [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return `A${body}${(10 - (sum % 10)) % 10}`;
}

/** The 學號 of the n-th imported student (the generated school's start with S). */
export const studentNo = (n: number) => `N${String(n).padStart(7, '0')}`;

/** Rows `from`…`from + count - 1` of a student roster (學生名冊) as an .xlsx, in the import template's columns. */
export async function rosterWorkbook(from: number, count: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('學生名冊');
  sheet.addRow(['學號', '姓名', '身分證號', '出生日期', '年級', '班級', '座號', '部別', '系統帳號']);
  for (let i = from; i < from + count; i++) {
    sheet.addRow([studentNo(i), `學生${i}`, nationalId(1_000_000 + i), '2009-05-12', 1 + (i % 3), String(2000 + Math.floor(i / 50)), (i % 50) + 1, '日間部', `n${i}`]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function insertChunked(db: any, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto(table).values(rows.slice(i, i + 500)).execute();
}

/** Course codes of the generated offerings (the school's code in characters 4–9). */
const CODES = ['108123456E22L0101020005', '108123456E22L0104010005', '108123456E22L0102010005'];

/**
 * Fills a migrated database with what every roster reads: `students` students (one in ten in
 * the night division) in classes of about 40 over three grades; per class three course
 * offerings of 114-1 every student of it takes, with a grade each (one in twenty also a 重修
 * take); per student six passed and selected outcomes (二 per course), a 校內幹部 record and a
 * selected 多元表現 (service) — so the outcomes roster (26) has six rows a day student.
 */
export async function seedBulkSchool(db: LichengDb, students: number): Promise<void> {
  const k = db.kysely as any;
  const at = nowIso(new Date(NOON - 7 * 86_400_000));
  const classOf = (i: number) => `${1 + (i % 3)}${String(1 + (Math.floor(i / 3) % Math.max(1, Math.ceil(students / 120)))).padStart(2, '0')}`;
  const studentRows = Array.from({ length: students }, (_, i) => ({
    id: newId(), school_code: SCHOOL, student_no: `S${String(i).padStart(6, '0')}`, host_user_id: `s${i}`, name: `學生${i}`, national_id: nationalId(i), birth_date: `${2010 - (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
    grade: 1 + (i % 3), class_name: classOf(i), seat_no: 1 + (Math.floor(i / 3 / Math.max(1, Math.ceil(students / 120))) % 99), division: i % 10 === 9 ? 'night' : 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at,
  }));
  const classes = [...new Set(studentRows.map((s) => s.class_name))];
  const courses = classes.flatMap((c) => CODES.map((code) => ({ id: newId(), school_code: SCHOOL, academic_year: YEAR, semester: 1, code, subject_name: `科目${code.slice(-8, -4)}`, grade_level: Number(c[0]), credits: 2, class_name: c, created_at: at, updated_at: at })));
  const coursesOf = new Map(classes.map((c) => [c, courses.filter((o) => o.class_name === c)]));
  await insertChunked(k, 'students', studentRows);
  await insertChunked(k, 'courses', courses);
  await insertChunked(k, 'enrolments', studentRows.flatMap((s) => coursesOf.get(s.class_name)!.map((c) => ({ id: newId(), school_code: SCHOOL, student_id: s.id, course_id: c.id, take_kind: 1, created_at: at }))));
  await insertChunked(
    k,
    'course_grades',
    studentRows.flatMap((s, i) =>
      coursesOf.get(s.class_name)!.flatMap((c, j) =>
        (i % 20 === 0 && j === 0 ? ['term', 'retake'] : ['term']).map((take) => ({ id: newId(), school_code: SCHOOL, student_id: s.id, academic_year: YEAR, semester: 1, take, course_code: c.code, score: String(60 + ((i + j) % 40)), passed: 1, make_up_score: '-1', make_up_passed: -1, credit_counted: 1, description: '', context_json: take === 'retake' ? JSON.stringify({ originalYear: 113, originalSemester: 1, method: '3' }) : '{}', created_at: at, updated_at: at })),
      ),
    ),
  );
  const record = (s: (typeof studentRows)[number], kind: string, courseId: string | null, summary: string, data: object, enteredRole: string) => ({
    id: newId(), school_code: SCHOOL, kind, student_id: s.id, course_id: courseId, academic_year: YEAR, semester: 1, summary, data: JSON.stringify(data), document_file_id: null, media_file_id: null,
    status: 'passed', status_reason: null, decided_by: 't1', decided_by_name: '王老師', decided_role: 'subject-teacher', decided_at: at, entered_by: s.host_user_id, entered_role: enteredRole, version: 1, created_at: at, updated_at: at,
  });
  const records = studentRows.flatMap((s, i) => [
    ...coursesOf.get(s.class_name)!.flatMap((c, j) => [0, 1].map((n) => record(s, 'outcome', c.id, `課程學習成果 ${i}-${j}-${n}`, {}, 'student'))),
    record(s, 'cadre', null, '班長', { unit: `${s.class_name}班`, startDate: '2025-09-01', position: '班長', level: '2' }, 'student-affairs-staff'),
    record(s, 'performance-service', null, '社區服務', { name: '社區服務', unit: '里辦公處', startDate: '2025-09-06', hours: '4' }, 'student'),
  ]);
  await insertChunked(k, 'records', records);
  const selected = records.filter((r) => r.kind === 'outcome' || r.kind === 'performance-service');
  await insertChunked(k, 'selections', selected.map((r) => ({ id: newId(), school_code: SCHOOL, student_id: r.student_id, record_id: r.id, kind: r.kind === 'outcome' ? 'outcome' : 'performance', academic_year: YEAR, created_at: at })));
}
