import type { LocalizedText } from './errors.ts';
import { STUDENT_ROSTER_FIELDS, studentRosterFieldHeader, type StudentRosterField } from './student-roster-fields.ts';

/**
 * Templates of the roster imports the registry office (註冊組) and curriculum office
 * (教學組) load from Excel or CSV. Headers are Chinese by default; the English header, the
 * column key and the aliases are matched too (see resolveColumns).
 */
export const IMPORT_KINDS = ['students', 'teachers', 'courses', 'enrolments', 'classes', 'grades', 'status-changes', 'placements'] as const;
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

/** The template note of a 學生資料名冊 column of the 學生名冊. */
function rosterFieldNote(f: StudentRosterField): string {
  const use = f.sheet === '學生資料' ? '學生資料名冊用' : `學生資料名冊「${f.sheet}」用`;
  if (f.format === 'school-code') return `${use}，借讀學校的 6 位數字學校代碼；留空則保留原值`;
  const column = f.column === studentRosterFieldHeader(f) ? '' : `（名冊欄位「${f.column}」）`;
  return `${use}${column}，依貴校校務系統的值填寫，最多 ${f.max} 字；留空則保留原值`;
}

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
      // 學生資料名冊 columns: optional, kept as the school gives them (no source gives their code lists);
      // 借讀學校代碼 is a 6-digit school code.
      ...STUDENT_ROSTER_FIELDS.map((f: StudentRosterField): Col => [f.key, studentRosterFieldHeader(f), f.headerEn, false, '', [], rosterFieldNote(f)]),
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
  grades: {
    label: { 'zh-TW': '學期成績', en: 'Semester grades' },
    columns: columns(
      ['studentNo', '學號', 'Student No.', true, '1130001', ['學生學號']],
      academicYear,
      semester,
      ['take', '成績類別', 'Kind of grade', false, '學期成績', ['名冊工作表'], '學期成績、補修成績、重修成績、重讀成績、轉學轉科成績、借讀成績、進修部學期成績；留空為學期成績'],
      ['code', '課程代碼', 'Course code', true, '108120401E22L0107020005', ['原修課課程代碼'], '須已在開課資料中；重修成績填原修課課程代碼'],
      ['score', '學期學業成績', 'Score', true, '78', ['補修成績', '重修成績', '重讀成績', '抵免後成績', '成績'], '0–100，無成績填 -1'],
      ['passed', '成績及格', 'Passed', false, '1', ['補修及格', '重修及格'], '1 及格、0 不及格、-1 無'],
      ['makeUpScore', '補考成績', 'Make-up exam score', false, '-1', [], '無補考填 -1 或留空'],
      ['makeUpPassed', '補考及格', 'Make-up exam passed', false, '-1', [], '1、0、-1'],
      ['creditCounted', '是否採計學分', 'Credit counted', true, '1', ['是否採計學時'], '1 採計、2 不採計、3 採計成績但不計學分（課程類別 9 且科目屬性 D 必為 3）'],
      ['description', '質性文字描述', 'Qualitative description', false, '', []],
      ['dueYear', '應修課學年度', 'Due year (make-up)', false, '', [], '補修成績必填'],
      ['dueSemester', '應修課學期', 'Due semester (make-up)', false, '', [], '補修成績必填'],
      ['method', '補修方式', 'Make-up or retake method', false, '', ['重修方式'], '3 專班辦理；其他代碼依學校設定'],
      ['originalYear', '原修課學年度', 'Original year (retake)', false, '', [], '重修成績必填'],
      ['originalSemester', '原修課學期', 'Original semester (retake)', false, '', [], '重修成績必填'],
      ['repeatMark', '重讀註記', 'Repeat-year mark', false, '', [], '重讀成績必填：1 列抵、2 再次修習'],
      ['retakeScore', '再次修習成績', 'Score taken again', false, '', [], '重讀註記 2 必填'],
      ['retakePassed', '再次修習成績及格', 'Taken again: passed', false, '', [], '1、0、-1'],
      ['statusCode', '學籍異動代碼', 'Status change code', false, '', [], '轉學轉科成績必填，身分別由此代碼判定'],
      ['mappedYear', '對應學年度', 'Mapped year (transfer)', false, '', [], '轉學轉科成績必填'],
      ['mappedSemester', '對應學期', 'Mapped semester (transfer)', false, '', [], '轉學轉科成績必填'],
      ['originalSchool', '原修課學校代碼', 'Original school code', false, '', [], '轉學轉科成績必填'],
      ['borrowSchool', '借讀學校代碼', 'Borrowed-study school code', false, '', [], '借讀成績必填'],
      ['borrowCode', '借讀代碼', 'Borrowed-study code', false, '', []],
      ['periods', '修課節數', 'Periods', false, '', [], '進修部學期成績必填'],
      ['yearScore', '學年學業成績', 'Year score (night)', false, '', []],
      ['yearPassed', '學年及格', 'Year passed (night)', false, '', []],
      ['firstMakeUpScore', '第一次補考成績', 'First make-up exam (night)', false, '', []],
      ['firstMakeUpPassed', '第一次及格', 'First make-up passed', false, '', []],
      ['secondMakeUpScore', '第二次補考成績', 'Second make-up exam (night)', false, '', []],
      ['secondMakeUpPassed', '第二次及格', 'Second make-up passed', false, '', []],
    ),
  },
  'status-changes': {
    label: { 'zh-TW': '學籍異動', en: 'Status changes' },
    columns: columns(
      ['studentNo', '學號', 'Student No.', true, '1130001', ['學生學號']],
      ['date', '異動日期', 'Date', true, '115/02/16', ['學籍異動日期'], '民國或西元日期'],
      ['kind', '異動類別', 'Kind of change', true, '休學', ['異動別'], '轉入、轉出、休學、復學、重讀、畢業、借讀'],
      ['statusCode', '學籍異動代碼', 'Status change code', true, '111', ['異動代碼'], '3 位數代碼'],
      ['note', '備註', 'Note', false, '', ['說明']],
    ),
  },
  placements: {
    label: { 'zh-TW': '學期編班', en: 'Term placements' },
    columns: columns(
      ['studentNo', '學號', 'Student No.', true, '1130001', ['學生學號']],
      academicYear,
      semester,
      ['division', '部別', 'Division', false, '日間部', ['部別代碼'], '日間部或進修部，留空為日間部'],
      ['className', '班級', 'Class', true, '101', ['班級名稱', '班名']],
      ['seatNo', '座號', 'Seat No.', true, '5', ['班級座號']],
    ),
  },
};

/** The zh-TW header of a column key (the key itself when unknown). */
export function columnHeader(kind: ImportKind, key: string): string {
  return importTemplates[kind].columns.find((c) => c.key === key)?.header ?? key;
}
