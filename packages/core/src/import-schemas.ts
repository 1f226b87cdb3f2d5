import { z } from 'zod';
import {
  cappedTextField,
  choiceField,
  courseCodeField,
  dateField,
  emailField,
  integerField,
  listField,
  nationalIdField,
  optionalTextField,
  schoolCodeField,
  textField,
} from './import-cells.ts';
import type { Semester } from './calendar.ts';
import type { ImportKind } from './import-templates.ts';
import { STUDENT_ROSTER_FIELDS, studentRosterFieldHeader, type StudentRosterField, type StudentRosterFieldKey, type StudentRosterFields } from './student-roster-fields.ts';
import { gradeRowSchema, placementRowSchema, statusChangeRowSchema, type GradeRow, type PlacementRow, type StatusChangeRow } from './grade-import.ts';

/**
 * One zod schema per import kind, reading an object of raw cells keyed by column key.
 * A column missing from the file reads as blank.
 */

const chineseNumbers = { 一: 1, 二: 2, 三: 3 };

const grade = (column: string) =>
  // Grades 1–3; 高一, 一年級 and the 12-year numbering 10–12 read too.
  integerField(column, { min: 1, max: 3, strip: /^高|年級?$/g, words: { ...chineseNumbers, 10: 1, 11: 2, 12: 3 } });
const academicYear = integerField('學年度', { min: 100, max: 199, strip: /學年度?$/ });
const semester = integerField('學期', { min: 1, max: 2, strip: /學期$/, words: { 一: 1, 二: 2, 上: 1, 下: 2 } }).transform(
  (n) => n as Semester,
);

export const DIVISIONS = ['day', 'night'] as const;
export type Division = (typeof DIVISIONS)[number];

const division = choiceField<Division>(
  'import-division-invalid',
  { 日: 'day', 日間: 'day', 日間部: 'day', day: 'day', 夜: 'night', 夜間: 'night', 夜間部: 'night', 進修部: 'night', 進修: 'night', night: 'night' },
  'day',
);

/** 修課別: 1 新修 new, 2 重修 retake, 3 補修 make-up. */
export type TakeKind = 1 | 2 | 3;
const takeKind = choiceField<TakeKind>(
  'import-take-kind-invalid',
  { 1: 1, 2: 2, 3: 3, 新修: 1, 重修: 2, 補修: 3, new: 1, retake: 2, 'make-up': 3 },
  1,
);

/**
 * The optional 學生資料名冊 columns (student-roster-fields.ts): each free text of its own cap,
 * except 借讀學校代碼, a 6-digit school code; issues name the 學生名冊 header.
 */
const rosterFieldShape = Object.fromEntries(
  STUDENT_ROSTER_FIELDS.map((f: StudentRosterField) => [f.key, f.format === 'school-code' ? schoolCodeField(studentRosterFieldHeader(f)) : cappedTextField(studentRosterFieldHeader(f), f.max)]),
) as Record<StudentRosterFieldKey, ReturnType<typeof cappedTextField>>;

/** The given (non-blank) roster values of a row, by key. */
function rosterFieldsOf(row: Partial<Record<StudentRosterFieldKey, string | null>>): StudentRosterFields {
  const fields: StudentRosterFields = {};
  for (const f of STUDENT_ROSTER_FIELDS) {
    const value = row[f.key];
    if (value) fields[f.key] = value;
  }
  return fields;
}

/** `{ rosterFields }` when the row gives any, else nothing. */
const withRosterFields = (fields: StudentRosterFields): { rosterFields?: StudentRosterFields } => (Object.keys(fields).length > 0 ? { rosterFields: fields } : {});

const studentRowBase = z
  .object({
    studentNo: textField('學號'),
    name: textField('姓名'),
    nationalId: nationalIdField('身分證號'),
    birthDate: dateField('出生日期'),
    grade: grade('年級'),
    className: textField('班級'),
    seatNo: integerField('座號', { min: 1, max: 99 }),
    division,
    departmentCode: optionalTextField('科別代碼', null),
    hostUserId: optionalTextField('系統帳號', null),
    ...rosterFieldShape,
  })
  .transform((row) => ({
    studentNo: row.studentNo,
    name: row.name,
    nationalId: row.nationalId,
    birthDate: row.birthDate,
    grade: row.grade,
    className: row.className,
    seatNo: row.seatNo,
    division: row.division,
    departmentCode: row.departmentCode,
    hostUserId: row.hostUserId ?? row.studentNo,
    ...withRosterFields(rosterFieldsOf(row)),
  }));

/**
 * A row of the 學生名冊. `rosterFields`: the 學生資料名冊 columns the row gives (blank cells
 * are left out, so a re-import never erases a stored value); other writers of students
 * (the host, the demo) may leave it out.
 */
export type StudentRow = z.output<typeof studentRowBase>;
export const studentRowSchema = studentRowBase;

export const teacherRowSchema = z
  .object({
    teacherNo: textField('教師代號'),
    name: textField('姓名'),
    email: emailField('電子郵件'),
    hostUserId: optionalTextField('系統帳號', null),
  })
  .transform((row) => ({ ...row, hostUserId: row.hostUserId ?? row.teacherNo }));

export const courseRowSchema = z.object({
  academicYear,
  semester,
  code: courseCodeField('課程代碼'),
  subjectName: textField('科目名稱'),
  gradeLevel: grade('開課年級'),
  credits: integerField('學分', { min: 0, max: 20 }),
  className: optionalTextField('開課班級', ''),
  teacherNos: listField('授課教師代號'),
});

export const enrolmentRowSchema = z.object({
  studentNo: textField('學號'),
  academicYear,
  semester,
  code: courseCodeField('課程代碼'),
  className: optionalTextField('開課班級', ''),
  takeKind,
});

/** 班級 — a class of one academic year with its homeroom teacher (導師), by 教師代號. */
export const classRowSchema = z.object({
  academicYear,
  className: textField('班級'),
  grade: grade('年級'),
  homeroomTeacherNo: textField('導師教師代號'),
});

export type TeacherRow = z.output<typeof teacherRowSchema>;
export type CourseRow = z.output<typeof courseRowSchema>;
export type EnrolmentRow = z.output<typeof enrolmentRowSchema>;
export type ClassRow = z.output<typeof classRowSchema>;

export interface ImportRowTypes {
  students: StudentRow;
  teachers: TeacherRow;
  courses: CourseRow;
  enrolments: EnrolmentRow;
  classes: ClassRow;
  grades: GradeRow;
  'status-changes': StatusChangeRow;
  placements: PlacementRow;
}
export type ImportRow<K extends ImportKind = ImportKind> = ImportRowTypes[K];

export const importRowSchemas: { [K in ImportKind]: z.ZodType<ImportRowTypes[K]> } = {
  students: studentRowSchema,
  teachers: teacherRowSchema,
  courses: courseRowSchema,
  enrolments: enrolmentRowSchema,
  classes: classRowSchema,
  grades: gradeRowSchema,
  'status-changes': statusChangeRowSchema,
  placements: placementRowSchema,
};
