import { isRealDate, ROC_OFFSET } from './date-reading.ts';
import { FILE_SLOTS, type FileSlot } from './files.ts';
import { isNationalId } from './national-id.ts';
import type { Role } from './roles.ts';

/**
 * What the central database would reject in a roster (名冊) before it is submitted: pure rules
 * over the values a roster row carries and the facts about its student and record that the
 * caller loaded. The registry's validation (`registry.rosters.validate`) and its export run
 * the same rules, so an export never submits a row the validation rejects.
 */

/** The generic checks, each with a stable code. */
export const ROSTER_CHECK_CODES = [
  'missing-national-id',
  'invalid-national-id',
  'invalid-birth-date',
  'student-left',
  'not-certified',
  'over-selection-cap',
  'file-too-large',
  'course-not-in-plan',
] as const;
export type RosterCheckCode = (typeof ROSTER_CHECK_CODES)[number];

/**
 * Checks that keep the row out of the submitted file (it waits on the `(缺)` workbook): the row
 * itself would be rejected. Over the selection cap is the student's set, not one row (which of
 * them to drop is the student's choice), and file sizes do not travel in a roster while
 * attachments are off: those two are reported, not kept back.
 */
export const ROW_BLOCKING_CHECKS: ReadonlySet<RosterCheckCode> = new Set(['missing-national-id', 'invalid-national-id', 'invalid-birth-date', 'student-left', 'not-certified', 'course-not-in-plan']);

/** The office (role) that fixes each: 學籍 data is the registry's; selections and uploads are the student's; the plan is the curriculum office's. */
export const ROSTER_CHECK_OFFICE: Record<RosterCheckCode, Role> = {
  'missing-national-id': 'registry-staff',
  'invalid-national-id': 'registry-staff',
  'invalid-birth-date': 'registry-staff',
  'student-left': 'registry-staff',
  'not-certified': 'subject-teacher',
  'over-selection-cap': 'student',
  'file-too-large': 'student',
  'course-not-in-plan': 'curriculum-staff',
};

/** The reason in zh-TW, as the `(缺)` sheet's 待處理原因 says it. */
export const ROSTER_CHECK_REASON: Record<RosterCheckCode, string> = {
  'missing-national-id': '缺身分證號',
  'invalid-national-id': '身分證號格式或檢查碼錯誤',
  'invalid-birth-date': '出生日期不是有效的民國 7 碼日期（yyyMMdd）',
  'student-left': '學生於提交日已離校（休學、轉出或畢業）',
  'not-certified': '紀錄尚未通過認證',
  'over-selection-cap': '勾選件數超過上限',
  'file-too-large': '附件超過檔案大小上限',
  'course-not-in-plan': '課程代碼不在課程計畫中',
};

/** 出生日期 as rosters write it: the ROC date as 7 digits, yyyMMdd (0980301), a real calendar date. */
export function isRosterBirthDate(value: unknown): boolean {
  const text = typeof value === 'number' ? String(value).padStart(7, '0') : typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{3})(\d{2})(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  return isRealDate(year + ROC_OFFSET, Number(m[2]), Number(m[3]));
}

/** The identity problems of one row: its 身分證號 (missing, or shape / check digit wrong) and 出生日期. */
export function rowIdentityProblems(nationalId: unknown, birthDate: unknown): RosterCheckCode[] {
  const problems: RosterCheckCode[] = [];
  const id = typeof nationalId === 'string' ? nationalId.trim() : nationalId === null || nationalId === undefined ? '' : String(nationalId);
  if (id === '') problems.push('missing-national-id');
  else if (!isNationalId(id)) problems.push('invalid-national-id');
  if (!isRosterBirthDate(birthDate)) problems.push('invalid-birth-date');
  return problems;
}

/** What the caller knows of a record behind a roster row. */
export interface CheckedRecord {
  status: string;
  /** How many records of the same cap group the student selected in the academic year, and the cap. */
  selected: number;
  cap: number | null;
  /** Sizes of the record's files, by slot; null when it has none. */
  files: Partial<Record<FileSlot, number | null>>;
  /** The course code, and whether the course plan has it: null when the roster carries no course or the plan was not read. */
  inPlan: boolean | null;
}

/** The record problems of one row: not certified (通過), the student's selections over the cap, a file over its slot's limit, a course code the plan does not have. */
export function recordProblems(record: CheckedRecord): RosterCheckCode[] {
  const problems: RosterCheckCode[] = [];
  if (record.status !== 'passed') problems.push('not-certified');
  if (record.cap !== null && record.selected > record.cap) problems.push('over-selection-cap');
  const over = (Object.entries(record.files) as Array<[FileSlot, number | null | undefined]>).some(([slot, size]) => typeof size === 'number' && size > FILE_SLOTS[slot].maxBytes);
  if (over) problems.push('file-too-large');
  if (record.inPlan === false) problems.push('course-not-in-plan');
  return problems;
}
