/**
 * The 學生資料名冊 columns (ROSTERS §3, grade D) the platform has no other source for: the
 * school imports them with its 學生名冊 as optional columns, and each is kept per student as
 * the school gave it (trimmed free text, length-capped). No source gives a code list for any of
 * them (性別代碼, 群別代碼, 部別代碼, 學籍狀態 …), so none is checked against one: the school's
 * own value is stored and sent as given.
 */
export interface StudentRosterField {
  /** Import column key, and the key in the stored object. */
  key: string;
  /** The roster column (學生資料 sheet) and the import template's zh-TW header. */
  column: string;
  headerEn: string;
  /** Longest value accepted, in characters. */
  max: number;
}

const CODE_MAX = 20;
const NAME_MAX = 50;

export const STUDENT_ROSTER_FIELDS = [
  { key: 'genderCode', column: '性別代碼', headerEn: 'Gender code', max: CODE_MAX },
  { key: 'groupCode', column: '群別代碼', headerEn: 'Group code', max: CODE_MAX },
  { key: 'divisionCode', column: '部別代碼', headerEn: 'Division code', max: CODE_MAX },
  { key: 'classKind', column: '班別', headerEn: 'Class kind', max: CODE_MAX },
  { key: 'specialStatus', column: '特殊身分別', headerEn: 'Special status', max: CODE_MAX },
  { key: 'indigenousTribe', column: '原住民族別', headerEn: 'Indigenous people', max: CODE_MAX },
  { key: 'indigenousStatus', column: '原住民身分別', headerEn: 'Indigenous status', max: CODE_MAX },
  { key: 'languageDialect', column: '族語認證報考方言', headerEn: 'Language test dialect', max: NAME_MAX },
  { key: 'languageExamYear', column: '報考年度', headerEn: 'Language test year', max: CODE_MAX },
  { key: 'languageValidUntil', column: '族語認證有效日期', headerEn: 'Language certificate valid until', max: CODE_MAX },
  { key: 'experimentalClass', column: '實驗班名稱', headerEn: 'Experimental class name', max: NAME_MAX },
  { key: 'admissionMethod', column: '入學方式', headerEn: 'Admission method', max: CODE_MAX },
  { key: 'enrolmentStatus', column: '學籍狀態', headerEn: 'Enrolment status', max: CODE_MAX },
] as const satisfies readonly StudentRosterField[];

export type StudentRosterFieldKey = (typeof STUDENT_ROSTER_FIELDS)[number]['key'];

/** A student's values of those columns, by key; a key absent has no value on file. */
export type StudentRosterFields = Partial<Record<StudentRosterFieldKey, string>>;

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
