import type { LocalizedText } from './errors.ts';

/**
 * Templates of the roster imports the registry office (註冊組) and curriculum office
 * (教學組) load from Excel or CSV. Headers are Chinese by default; the English header, the
 * column key and the aliases are matched too (see resolveColumns).
 */
export const IMPORT_KINDS = ['students', 'teachers', 'courses', 'enrolments', 'classes'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportColumn {
  key: string;
  /** zh-TW header of the template, and the column name in issues. */
  header: string;
  headerEn: string;
  aliases: string[];
  required: boolean;
  example: string;
  note?: string;
}

export interface ImportTemplate {
  label: LocalizedText;
  columns: ImportColumn[];
}

type Col = [key: string, header: string, headerEn: string, required: boolean, example: string, aliases?: string[], note?: string];

function columns(...cols: Col[]): ImportColumn[] {
  return cols.map(([key, header, headerEn, required, example, aliases = [], note]) => ({
    key,
    header,
    headerEn,
    aliases,
    required,
    example,
    ...(note === undefined ? {} : { note }),
  }));
}

const academicYear: Col = ['academicYear', '學年度', 'Academic year', true, '114', ['學年'], '民國學年度，例如 114'];
const semester: Col = ['semester', '學期', 'Semester', true, '1', [], '1 或 2（亦可填上、下）'];
const courseCode: Col = ['code', '課程代碼', 'Course code', true, '108120401E22L0107020005', ['課程代碼23碼'], '23 碼課程代碼'];
const offeringClass: Col = ['className', '開課班級', 'Class', false, '101', [], '全年級或跨班選修課程可留空'];

export const importTemplates: Record<ImportKind, ImportTemplate> = {
  students: {
    label: { 'zh-TW': '學生名冊', en: 'Students' },
    columns: columns(
      ['studentNo', '學號', 'Student No.', true, '1130001', ['學生學號', 'Student number']],
      ['name', '姓名', 'Name', true, '王小明', ['學生姓名']],
      ['nationalId', '身分證號', 'National ID', true, 'A123456789', ['身分證字號', '身分證明號碼', '身分證統一編號', '統一證號', '居留證號'], '外籍生請填居留證統一證號'],
      ['birthDate', '出生日期', 'Birth date', true, '97/05/12', ['生日', '出生年月日'], '民國（97/5/12、0970512）或西元（2008-05-12）皆可'],
      ['grade', '年級', 'Grade', true, '1', [], '1–3（高一至高三）'],
      ['className', '班級', 'Class', true, '101', ['班級名稱', '班名']],
      ['seatNo', '座號', 'Seat No.', true, '5', ['班級座號']],
      ['division', '部別', 'Division', false, '日間部', [], '日間部或進修部，留空為日間部'],
      ['departmentCode', '科別代碼', 'Department code', false, '101', ['科/班/學程別代碼', '科班學程別代碼']],
      ['hostUserId', '系統帳號', 'Host user ID', false, '1130001', ['帳號', '登入帳號', '校務系統帳號'], '校務行政系統的登入帳號，留空則使用學號'],
    ),
  },
  teachers: {
    label: { 'zh-TW': '教師名冊', en: 'Teachers' },
    columns: columns(
      ['teacherNo', '教師代號', 'Teacher No.', true, 'T001', ['教師編號', '教職員代號', '教師代碼']],
      ['name', '姓名', 'Name', true, '陳老師', ['教師姓名']],
      ['email', '電子郵件', 'E-mail', false, 'teacher@example.edu.tw', ['email', '電子信箱', '信箱']],
      ['hostUserId', '系統帳號', 'Host user ID', false, 'T001', ['帳號', '登入帳號', '校務系統帳號'], '校務行政系統的登入帳號，留空則使用教師代號'],
    ),
  },
  courses: {
    label: { 'zh-TW': '開課資料', en: 'Course offerings' },
    columns: columns(
      academicYear,
      semester,
      courseCode,
      ['subjectName', '科目名稱', 'Subject name', true, '國語文', ['課程名稱', '科目']],
      ['gradeLevel', '開課年級', 'Grade level', true, '1', ['年級'], '1–3'],
      ['credits', '學分', 'Credits', true, '4', ['學分數', '修課學分'], '0–20'],
      offeringClass,
      ['teacherNos', '授課教師代號', 'Teacher Nos.', true, 'T001、T002', ['任課教師代號', '教師代號'], '多位教師以頓號、逗號或空白分隔'],
    ),
  },
  enrolments: {
    label: { 'zh-TW': '修課名單', en: 'Enrolments' },
    columns: columns(
      ['studentNo', '學號', 'Student No.', true, '1130001', ['學生學號']],
      academicYear,
      semester,
      courseCode,
      offeringClass,
      ['takeKind', '修課別', 'Kind of taking', false, '1', ['修課類別'], '1 新修、2 重修、3 補修，留空為新修'],
    ),
  },
  classes: {
    label: { 'zh-TW': '班級名冊', en: 'Classes' },
    columns: columns(
      academicYear,
      ['className', '班級', 'Class', true, '101', ['班級名稱', '班名']],
      ['grade', '年級', 'Grade', true, '1', [], '1–3（高一至高三）'],
      ['homeroomTeacherNo', '導師教師代號', 'Homeroom teacher No.', true, 'T001', ['導師代號', '導師編號'], '須已在教師名冊中'],
    ),
  },
};

/** The zh-TW header of a column key (the key itself when unknown). */
export function columnHeader(kind: ImportKind, key: string): string {
  return importTemplates[kind].columns.find((c) => c.key === key)?.header ?? key;
}
