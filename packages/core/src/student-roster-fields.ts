/**
 * The 學生資料名冊 columns (ROSTERS §3, grade D) the platform has no other source for: the
 * school imports them with its 學生名冊 as optional columns, and each is kept per student as
 * the school gave it (trimmed free text, length-capped). No source gives a code list for any of
 * them (性別代碼, 群別代碼, 部別代碼, 學籍狀態 …), so none is checked against one: the school's
 * own value is stored and sent as given.
 *
 * Two sheets draw on them: 學生資料 (thirteen columns) and 學生借讀資料 (借讀學校代碼, 群別,
 * 借讀科班學程別, 借讀代碼 — the 借讀 borrowed study the student's 借讀 學籍異動 stands for).
 * Only 借讀學校代碼 has a known shape: a school code is 6 digits (SPEC §5, ROSTERS §1), so it
 * is checked as one; 群別, 借讀科班學程別 and 借讀代碼 are free text like the rest.
 */

/** The roster sheets these columns fill. */
export type StudentRosterSheet = '學生資料' | '學生借讀資料';

export interface StudentRosterField {
  /** Import column key, and the key in the stored object. */
  key: string;
  /** The roster column (of `sheet`); also the import template's zh-TW header unless `header` says otherwise. */
  column: string;
  /** The import header, when the roster column's own name would be ambiguous in the 學生名冊. */
  header?: string;
  headerEn: string;
  sheet: StudentRosterSheet;
  /** Longest value accepted, in characters. */
  max: number;
  /** `school-code`: 6 digits (a national school code); otherwise free text. */
  format?: 'school-code';
}

const CODE_MAX = 20;
const NAME_MAX = 50;
const DATA = '學生資料';
const BORROW = '學生借讀資料';

export const STUDENT_ROSTER_FIELDS = [
  { key: 'genderCode', column: '性別代碼', headerEn: 'Gender code', sheet: DATA, max: CODE_MAX },
  { key: 'groupCode', column: '群別代碼', headerEn: 'Group code', sheet: DATA, max: CODE_MAX },
  { key: 'divisionCode', column: '部別代碼', headerEn: 'Division code', sheet: DATA, max: CODE_MAX },
  { key: 'classKind', column: '班別', headerEn: 'Class kind', sheet: DATA, max: CODE_MAX },
  { key: 'specialStatus', column: '特殊身分別', headerEn: 'Special status', sheet: DATA, max: CODE_MAX },
  { key: 'indigenousTribe', column: '原住民族別', headerEn: 'Indigenous people', sheet: DATA, max: CODE_MAX },
  { key: 'indigenousStatus', column: '原住民身分別', headerEn: 'Indigenous status', sheet: DATA, max: CODE_MAX },
  { key: 'languageDialect', column: '族語認證報考方言', headerEn: 'Language test dialect', sheet: DATA, max: NAME_MAX },
  { key: 'languageExamYear', column: '報考年度', headerEn: 'Language test year', sheet: DATA, max: CODE_MAX },
  { key: 'languageValidUntil', column: '族語認證有效日期', headerEn: 'Language certificate valid until', sheet: DATA, max: CODE_MAX },
  { key: 'experimentalClass', column: '實驗班名稱', headerEn: 'Experimental class name', sheet: DATA, max: NAME_MAX },
  { key: 'admissionMethod', column: '入學方式', headerEn: 'Admission method', sheet: DATA, max: CODE_MAX },
  { key: 'enrolmentStatus', column: '學籍狀態', headerEn: 'Enrolment status', sheet: DATA, max: CODE_MAX },
  { key: 'borrowSchoolCode', column: '借讀學校代碼', headerEn: 'Borrowed-study school code', sheet: BORROW, max: 6, format: 'school-code' },
  // The sheet calls it 群別; in the 學生名冊 that would read as the student's own 群別代碼.
  { key: 'borrowGroup', column: '群別', header: '借讀群別', headerEn: 'Borrowed-study group', sheet: BORROW, max: CODE_MAX },
  { key: 'borrowDepartment', column: '借讀科班學程別', headerEn: 'Borrowed-study department', sheet: BORROW, max: CODE_MAX },
  { key: 'borrowCode', column: '借讀代碼', headerEn: 'Borrowed-study code', sheet: BORROW, max: CODE_MAX },
] as const satisfies readonly StudentRosterField[];

export type StudentRosterFieldKey = (typeof STUDENT_ROSTER_FIELDS)[number]['key'];

/** A student's values of those columns, by key; a key absent has no value on file. */
export type StudentRosterFields = Partial<Record<StudentRosterFieldKey, string>>;

/** The 學生名冊 header of a field: its own `header`, else the roster column. */
export function studentRosterFieldHeader(field: StudentRosterField): string {
  return field.header ?? field.column;
}

/** The fields of one roster sheet, in list order. */
export function studentRosterFieldsOf(sheet: StudentRosterSheet): ReadonlyArray<(typeof STUDENT_ROSTER_FIELDS)[number]> {
  return STUDENT_ROSTER_FIELDS.filter((f) => f.sheet === sheet);
}

/** The stored form (students.roster_fields): JSON with the keys in list order, or null when empty. */
export function storeStudentRosterFields(fields: StudentRosterFields): string | null {
  const ordered = STUDENT_ROSTER_FIELDS.filter((f) => fields[f.key] !== undefined && fields[f.key] !== '').map((f) => [f.key, fields[f.key]!]);
  return ordered.length === 0 ? null : JSON.stringify(Object.fromEntries(ordered));
}

/** Reads the stored form back; anything not a string of a known key is dropped. */
export function readStudentRosterFields(stored: string | null | undefined): StudentRosterFields {
  if (!stored) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const out: StudentRosterFields = {};
  for (const f of STUDENT_ROSTER_FIELDS) {
    const value = (parsed as Record<string, unknown>)[f.key];
    if (typeof value === 'string' && value !== '') out[f.key] = value;
  }
  return out;
}
