import { columnHeader, parseCourseCode, studentRosterConflicts, teacherRosterConflicts, type RosterConflict, type RosterField, type ClassRow, type CourseRow, type EnrolmentRow, type ImportIssue, type ImportKind, type ImportRow, type StudentRow, type TeacherRow } from '@licheng/core';
import { courseKey, rosterStudentRows, rosterStudents, rosterTeacherRows, rosterTeachers, type PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { importIssue } from './import-sheet.ts';

type Db = Kysely<PlatformDatabase>;
type Rows<K extends ImportKind> = ReadonlyArray<{ rowNumber: number; value: ImportRow<K> }>;

/** Widths of the roster columns in the database (characters), so a long value is a row issue, not a failed write. */
const MAX_LENGTH: { [K in ImportKind]: Partial<Record<keyof ImportRow<K> & string, number>> } = {
  students: { studentNo: 32, name: 100, nationalId: 16, className: 32, departmentCode: 8, hostUserId: 128 },
  teachers: { teacherNo: 32, name: 100, email: 191, hostUserId: 128 },
  courses: { subjectName: 100, className: 32 },
  enrolments: { studentNo: 32, className: 32 },
  classes: { className: 32, homeroomTeacherNo: 32 },
  grades: { studentNo: 32, description: 500, method: 16, originalSchool: 16, borrowSchool: 16, borrowCode: 16 },
  'status-changes': { studentNo: 32, note: 200 },
  placements: { studentNo: 32, className: 32 },
};

function lengthIssues<K extends ImportKind>(kind: K, rows: Rows<K>): ImportIssue[] {
  const limits = Object.entries(MAX_LENGTH[kind]) as Array<[string, number]>;
  return rows.flatMap(({ rowNumber, value }) =>
    limits.flatMap(([key, max]) => {
      const text = (value as Record<string, unknown>)[key];
      const length = typeof text === 'string' ? [...text].length : 0;
      const column = columnHeader(kind, key);
      return length > max ? [importIssue(rowNumber, column, 'import-value-too-long', { column, max, length })] : [];
    }),
  );
}

/** A course code of another school: the row is reported, never written under this school. */
function otherSchoolIssue(kind: 'courses' | 'enrolments', rowNumber: number, code: string, school: string): ImportIssue[] {
  const theirs = parseCourseCode(code).schoolCode; // characters 4–9 of the 課程代碼
  return theirs === school ? [] : [importIssue(rowNumber, columnHeader(kind, 'code'), 'import-course-other-school', { code, school: theirs })];
}

/**
 * What a valid file may still get wrong against the school's data, each with its row:
 * a 身分證號, seat or 系統帳號 another person holds (see studentIssues), a teacher (of a course or a class), student or course offering not yet imported,
 * a course code whose school part (characters 4–9) is another school's.
 */
export async function checkReferences<K extends ImportKind>(db: Db, school: string, kind: K, rows: Rows<K>): Promise<ImportIssue[]> {
  const issues = lengthIssues(kind, rows);
  if (rows.length === 0) return issues;
  switch (kind) {
    case 'students':
      return [...issues, ...(await studentIssues(db, school, rows as Rows<'students'>))];
    case 'teachers':
      return [...issues, ...(await teacherIssues(db, school, rows as Rows<'teachers'>))];
    case 'courses':
      return [...issues, ...(await courseIssues(db, school, rows as Rows<'courses'>))];
    case 'classes':
      return [...issues, ...(await classIssues(db, school, rows as Rows<'classes'>))];
    case 'grades':
      return [...issues, ...(await gradeIssues(db, school, rows as Rows<'grades'>))];
    case 'status-changes':
    case 'placements':
      return [...issues, ...(await studentNoIssues(db, school, kind, rows as Rows<'status-changes' | 'placements'>))];
    default:
      return [...issues, ...(await enrolmentIssues(db, school, rows as Rows<'enrolments'>))];
  }
}

/** The column each roster rule is reported on. */
const CONFLICT_COLUMN: Record<RosterField, string> = { nationalId: 'nationalId', seat: 'seatNo', hostUserId: 'hostUserId' };

function conflictIssues<K extends 'students' | 'teachers'>(kind: K, rows: Rows<K>, conflicts: RosterConflict[]): ImportIssue[] {
  return conflicts.map(({ index, field, code, params }) => {
    const column = columnHeader(kind, CONFLICT_COLUMN[field]);
    return importIssue(rows[index]?.rowNumber ?? null, column, code, { column, ...params });
  });
}

/**
 * The roster rules (studentRosterConflicts) judged against the roster as it would be after the
 * file: a 身分證號 or 系統帳號 another student holds, a seat (部別 + 班級 + 座號) another
 * enrolled student holds on file or in the file, an account that is a teacher's.
 */
async function studentIssues(db: Db, school: string, rows: Rows<'students'>): Promise<ImportIssue[]> {
  const [students, teachers] = [await rosterStudents(db, school), await rosterTeachers(db, school)];
  const conflicts = studentRosterConflicts(students, teachers, rosterStudentRows(rows.map((r: { value: StudentRow }) => r.value)));
  return conflictIssues('students', rows, conflicts);
}

/** A 系統帳號 another teacher holds (now or after the file), or a student's. */
async function teacherIssues(db: Db, school: string, rows: Rows<'teachers'>): Promise<ImportIssue[]> {
  const [students, teachers] = [await rosterStudents(db, school), await rosterTeachers(db, school)];
  const conflicts = teacherRosterConflicts(teachers, students, rosterTeacherRows(rows.map((r: { value: TeacherRow }) => r.value)));
  return conflictIssues('teachers', rows, conflicts);
}

async function courseIssues(db: Db, school: string, rows: Rows<'courses'>): Promise<ImportIssue[]> {
  const known = new Set((await db.selectFrom('teachers').select('teacher_no').where('school_code', '=', school).execute()).map((t) => t.teacher_no));
  const column = columnHeader('courses', 'teacherNos');
  return rows.flatMap(({ rowNumber, value }: { rowNumber: number; value: CourseRow }) => [
    ...otherSchoolIssue('courses', rowNumber, value.code, school),
    ...value.teacherNos.filter((no) => !known.has(no)).map((no) => importIssue(rowNumber, column, 'import-teacher-unknown', { value: no })),
  ]);
}

/** A class's homeroom teacher (導師) must already be on the teacher roster. */
async function classIssues(db: Db, school: string, rows: Rows<'classes'>): Promise<ImportIssue[]> {
  const known = new Set((await db.selectFrom('teachers').select('teacher_no').where('school_code', '=', school).execute()).map((t) => t.teacher_no));
  const column = columnHeader('classes', 'homeroomTeacherNo');
  return rows.flatMap(({ rowNumber, value }: { rowNumber: number; value: ClassRow }) =>
    known.has(value.homeroomTeacherNo) ? [] : [importIssue(rowNumber, column, 'import-teacher-unknown', { value: value.homeroomTeacherNo })],
  );
}

async function enrolmentIssues(db: Db, school: string, rows: Rows<'enrolments'>): Promise<ImportIssue[]> {
  const students = new Set((await db.selectFrom('students').select('student_no').where('school_code', '=', school).execute()).map((s) => s.student_no));
  const offerings = new Set(
    (await db.selectFrom('courses').select(['academic_year', 'semester', 'code', 'class_name']).where('school_code', '=', school).execute()).map((c) =>
      courseKey({ academicYear: c.academic_year, semester: c.semester, code: c.code, className: c.class_name }),
    ),
  );
  const studentColumn = columnHeader('enrolments', 'studentNo');
  const codeColumn = columnHeader('enrolments', 'code');
  return rows.flatMap(({ rowNumber, value }: { rowNumber: number; value: EnrolmentRow }) => {
    const issues: ImportIssue[] = [];
    if (!students.has(value.studentNo)) issues.push(importIssue(rowNumber, studentColumn, 'import-student-unknown', { value: value.studentNo }));
    const otherSchool = otherSchoolIssue('enrolments', rowNumber, value.code, school);
    // Another school's course can never be on file here: say why, rather than "import it first".
    if (otherSchool.length) issues.push(...otherSchool);
    else if (!offerings.has(courseKey(value))) {
      const offering = `${value.academicYear}-${value.semester} ${value.code}${value.className ? ` ${value.className}` : ''}`;
      issues.push(importIssue(rowNumber, codeColumn, 'import-course-unknown', { value: offering }));
    }
    return issues;
  });
}

async function knownStudentNos(db: Db, school: string): Promise<Set<string>> {
  return new Set((await db.selectFrom('students').select('student_no').where('school_code', '=', school).execute()).map((s) => s.student_no));
}

/** A status change or placement of a student not on the roster. */
async function studentNoIssues(db: Db, school: string, kind: 'status-changes' | 'placements', rows: Rows<'status-changes' | 'placements'>): Promise<ImportIssue[]> {
  const students = await knownStudentNos(db, school);
  const column = columnHeader(kind, 'studentNo');
  return rows.flatMap(({ rowNumber, value }) => (students.has(value.studentNo) ? [] : [importIssue(rowNumber, column, 'import-student-unknown', { value: value.studentNo })]));
}

/** A grade of a student not on the roster, or of a course code no offering of the school carries. */
async function gradeIssues(db: Db, school: string, rows: Rows<'grades'>): Promise<ImportIssue[]> {
  const students = await knownStudentNos(db, school);
  const codes = new Set((await db.selectFrom('courses').select('code').where('school_code', '=', school).execute()).map((c) => c.code));
  const studentColumn = columnHeader('grades', 'studentNo');
  const codeColumn = columnHeader('grades', 'code');
  return rows.flatMap(({ rowNumber, value }) => [
    ...(students.has(value.studentNo) ? [] : [importIssue(rowNumber, studentColumn, 'import-student-unknown', { value: value.studentNo })]),
    ...(codes.has(value.code) ? [] : [importIssue(rowNumber, codeColumn, 'grade-course-unknown', { value: value.code })]),
  ]);
}
