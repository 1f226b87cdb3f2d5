import { AUDIT_ENTITIES } from './audit-entities.ts';
import { RECORD_KINDS, recordStatusLabels, roleLabels, statusChangeLabels, taipeiDate, toRocDate, type Locale, type LocalizedText, type Role } from '@licheng/core';

/**
 * How the audit trail (稽核紀錄) reads to people, on screen and in its Excel export: the names
 * of recorded entities, actions and fields, and a change as "field: before → after" lines.
 * Pure: shared by the server's workbook and the browser's screen.
 */

export { AUDIT_ENTITIES };

const L = (zh: string, en: string): LocalizedText => ({ 'zh-TW': zh, en });


const FIELDS: Record<string, LocalizedText> = {
  score: L('學期學業成績', 'Score'),
  passed: L('成績及格', 'Passed'),
  make_up_score: L('補考成績', 'Make-up score'),
  make_up_passed: L('補考及格', 'Make-up passed'),
  credit_counted: L('是否採計學分', 'Credit counted'),
  take: L('成績類別', 'Kind of grade'),
  course_code: L('課程代碼', 'Course code'),
  context_json: L('修課情形', 'Context'),
  description: L('質性文字描述', 'Description'),
  status_code: L('學籍異動代碼', 'Status change code'),
  note: L('備註', 'Note'),
  date: L('日期', 'Date'),
  answer: L('回覆', 'Answer'),
  field: L('欄位', 'Field'),
  from: L('原值', 'From'),
  to: L('更正為', 'To'),
  count: L('筆數', 'Count'),
  status: L('狀態', 'Status'),
  status_reason: L('未通過原因', 'Reason'),
  decided_by: L('認證者帳號', 'Decided by (account)'),
  decided_by_name: L('認證者', 'Decided by'),
  decided_role: L('認證身分', 'Decided as'),
  decided_at: L('認證時間', 'Decided at'),
  version: L('版本', 'Version'),
  updated_at: L('更新時間', 'Updated at'),
  created_at: L('建立時間', 'Created at'),
  summary: L('簡述', 'Summary'),
  data: L('內容', 'Content'),
  document_file_id: L('文件檔案', 'Document file'),
  media_file_id: L('影音檔案', 'Media file'),
  entered_by: L('登錄者帳號', 'Entered by'),
  entered_role: L('登錄身分', 'Entered as'),
  kind: L('種類', 'Kind'),
  student_id: L('學生代號', 'Student id'),
  course_id: L('開課代號', 'Course id'),
  academic_year: L('學年度', 'Academic year'),
  semester: L('學期', 'Semester'),
  student_no: L('學號', 'Student No.'),
  name: L('姓名', 'Name'),
  national_id: L('身分證號', 'National ID'),
  birth_date: L('出生日期', 'Birth date'),
  grade: L('年級', 'Grade'),
  class_name: L('班級', 'Class'),
  seat_no: L('座號', 'Seat'),
  division: L('部別', 'Division'),
  department_code: L('科別代碼', 'Department'),
  roster_fields: L('學生資料名冊欄位', 'Student-data roster columns'),
  host_user_id: L('系統帳號', 'Account'),
  teacher_no: L('教師代號', 'Teacher No.'),
  email: L('電子郵件', 'Email'),
  course: L('課程', 'Course'),
  subject_name: L('科目名稱', 'Subject'),
  grade_level: L('開課年級', 'Grade level'),
  credits: L('學分', 'Credits'),
  teachers: L('授課教師', 'Teachers'),
  take_kind: L('修課別', 'Take kind'),
  homeroom_teacher_no: L('導師', 'Homeroom teacher'),
  records: L('勾選項目', 'Selected items'),
  recordIds: L('勾選項目代號', 'Selected item ids'),
  file_name: L('檔名', 'File name'),
  fileName: L('檔名', 'File name'),
  record_id: L('紀錄代號', 'Record id'),
  rowCount: L('資料列數', 'Rows'),
  rows: L('資料列數', 'Rows'),
  inserted: L('新增', 'Added'),
  updated: L('更新', 'Updated'),
  unchanged: L('不變', 'Unchanged'),
  imported: L('匯入筆數', 'Imported'),
  format: L('格式', 'Format'),
  encoding: L('編碼', 'Encoding'),
  text: L('問題內容', 'Issue'),
  resolution_note: L('處理說明', 'Resolution'),
  confirmed_at: L('確認時間', 'Confirmed at'),
  open_issue_id: L('處理中的問題', 'Open issue'),
  item_id: L('項目代號', 'Item id'),
  roster_kind: L('名冊別', 'Roster kind'),
  items: L('項目數', 'Items'),
  rosters: L('名冊', 'Rosters'),
  window: L('確認期間', 'Window'),
  sha256: L('檢查碼', 'Checksum'),
  filters: L('篩選條件', 'Filters'),
  source: L('來源', 'Source'),
  paper_return_id: L('紙本確認單回條', 'Returned paper form'),
  returned_on: L('回條日期', 'Returned on'),
  outcomes: L('回條內容', 'What the form said'),
  active: L('有效', 'Standing'),
  withdrawn_at: L('撤回時間', 'Withdrawn at'),
  scan_file_id: L('掃描檔', 'Scan'),
};

/** A field's name for people; an unknown field shows as it is stored. */
export function fieldLabel(field: string, locale: Locale): string {
  return FIELDS[field]?.[locale] ?? field;
}

export function entityLabel(entity: string, locale: Locale): string {
  return AUDIT_ENTITIES[entity]?.[locale] ?? entity;
}

export function roleLabel(role: string, locale: Locale): string {
  return roleLabels[role as Role]?.[locale] ?? role;
}

/** What each action's last part means; a record kind's name goes before it (課程學習成果 認證通過). */
const VERBS: Array<[RegExp, LocalizedText]> = [
  [/^roster\.import\./, L('名冊匯入', 'Roster import')],
  [/^roster\.export\./, L('名冊匯出', 'Roster export')],
  [/\.insert$/, L('新增', 'Added')],
  [/\.update$/, L('更新', 'Updated')],
  [/\.certify\.pass$/, L('認證通過', 'Certified: passed')],
  [/\.certify\.fail$/, L('認證未通過', 'Certified: failed')],
  [/\.certify\.reopen$/, L('撤回認證結果', 'Decision taken back')],
  [/\.resubmit$/, L('修正後重新提交', 'Resubmitted')],
  [/\.enter$/, L('登錄', 'Entered')],
  [/\.select$/, L('勾選', 'Selected')],
  [/\.import$/, L('匯入', 'Imported')],
  [/^file\.open$/, L('開啟檔案', 'Opened a file')],
  [/^file\.download$/, L('下載檔案', 'Downloaded a file')],
  [/^receipt\.item\.confirm$/, L('確認收訖', 'Confirmed receipt')],
  [/^receipt\.item\.issue$/, L('提出問題', 'Issue raised')],
  [/^receipt\.item\.reopen$/, L('問題處理完畢，待確認', 'Open again after the issue')],
  [/^receipt\.issue\.raise$/, L('提出問題', 'Issue raised')],
  [/^receipt\.issue\.resolve$/, L('回覆問題', 'Issue answered')],
  [/^receipt\.issue\.close$/, L('問題結案', 'Issue closed')],
  [/^receipt\.correction\.mark$/, L('已更正，待下次提交', 'Corrected, for the next submission')],
  [/^receipt\.correction\.receive$/, L('更正已見於收訖明細', 'Correction received')],
  [/^receipt\.batch\.deem-confirmed$/, L('期限屆滿，未回應者視同確認', 'Window closed: silent items deemed confirmed')],
  [/^receipt\.item\.deem-confirmed$/, L('視同確認', 'Deemed confirmed')],
  [/^receipt\.paper-form\.print$/, L('列印紙本確認單', 'Paper forms printed')],
  [/^receipt\.paper-form\.student$/, L('列印紙本確認單（學生）', 'Paper form printed for a student')],
  [/^receipt\.paper-return\.record$/, L('登錄紙本確認單回條', 'Returned paper form recorded')],
  [/^receipt\.paper-return\.scan$/, L('附上紙本確認單掃描檔', 'Scan of the returned form kept')],
  [/^receipt\.paper-return\.withdraw$/, L('撤回紙本確認單登錄', 'Returned paper form record withdrawn')],
  [/^receipt\.issue\.withdraw$/, L('撤回紙本提出的問題', 'Issue from a paper form withdrawn')],
  [/^receipt\.item\.paper-withdraw$/, L('撤回紙本確認，待確認', 'Paper answer withdrawn, not confirmed')],
  [/^audit\.export$/, L('匯出稽核紀錄', 'Audit trail exported')],
  [/^grade\.appeal\.raise$/, L('提出成績複查', 'Grade appeal raised')],
  [/^grade\.appeal\.answer$/, L('回覆成績複查', 'Grade appeal answered')],
  [/^grade\.correction$/, L('依規則更正成績', 'Grades corrected by pattern')],
  [/^grade\.correct$/, L('更正成績', 'Grade corrected')],
  [/^student\.status\.record$/, L('登錄學籍異動', 'Status change recorded')],
];

/** An action for people: "課程學習成果 認證通過" for `outcome.certify.pass`; unknown ones as stored. */
export function actionLabel(action: string, locale: Locale): string {
  const verb = VERBS.find(([pattern]) => pattern.test(action))?.[1][locale];
  if (!verb) return action;
  const kind = (RECORD_KINDS as Record<string, { label: LocalizedText }>)[action.split('.')[0]!];
  return kind ? `${kind.label[locale]} ${verb}` : verb;
}

/** Statuses of entities that are not records (收訖 items and issues). */
const OTHER_STATUSES: Record<string, Record<string, LocalizedText>> = {
  'receipt-item': { pending: L('尚未確認', 'Not confirmed'), confirmed: L('已確認', 'Confirmed'), issue: L('已提出問題', 'Issue raised'), 'deemed-confirmed': L('視同確認', 'Deemed confirmed') },
  'receipt-issue': { open: L('處理中', 'Open'), answered: L('已回覆', 'Answered'), closed: L('已結案', 'Closed'), resolved: L('已處理', 'Resolved') },
  'receipt-correction': { 'pending-submission': L('待下次提交', 'For the next submission'), received: L('已收訖', 'Received') },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A stored value for people: statuses, roles and kinds by name, times in Taipei (民國), lists joined, nothing as "—". */
export function valueText(field: string, value: unknown, locale: Locale, entity = 'record'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status' && typeof value === 'string') {
    const label = entity in OTHER_STATUSES ? OTHER_STATUSES[entity]![value] : recordStatusLabels[value as keyof typeof recordStatusLabels];
    if (label) return label[locale];
  }
  // Where a receipt answer came from: the student's returned paper form, recorded by the office.
  if (field === 'source' && value === 'paper') return L('紙本確認單', 'Paper form')[locale];
  if ((field === 'decided_role' || field === 'entered_role') && typeof value === 'string') return roleLabel(value, locale);
  if (field === 'kind' && entity === 'status-change' && typeof value === 'string') return statusChangeLabels[value as keyof typeof statusChangeLabels]?.[locale] ?? value;
  if (field === 'kind' && typeof value === 'string') return (RECORD_KINDS as Record<string, { label: LocalizedText }>)[value]?.label[locale] ?? value;
  if (typeof value === 'string' && TIMESTAMP.test(value)) return entryTime(value, locale);
  if (typeof value === 'string' && DATE.test(value)) return locale === 'zh-TW' ? toRocDate(value) : value;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('、');
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '—' : JSON.stringify(value);
  if (typeof value === 'string' && value.startsWith('{') && value.endsWith('}')) return value === '{}' ? '—' : value;
  return String(value);
}

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Fields a new row's entry need not show: its own id (shown as the entry's item) and the school. */
const QUIET_ON_INSERT = new Set(['id', 'school_code']);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || v === '{}' || (Array.isArray(v) && v.length === 0);

/**
 * An entry's before and after as one line per field: `before` is null for a new row (or a
 * read), `after` is null for a removed one; a new row's empty fields are left out. A value
 * that is not an object shows as one line.
 */
export function fieldChanges(before: unknown, after: unknown, locale: Locale, entity = 'record'): FieldChange[] {
  const b = asObject(before);
  const a = asObject(after);
  if ((before !== null && before !== undefined && !b) || (after !== null && after !== undefined && !a)) {
    return [{ field: '', label: '', before: before === null || before === undefined ? null : JSON.stringify(before), after: after === null || after === undefined ? null : JSON.stringify(after) }];
  }
  let keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  if (!b && a) keys = keys.filter((k) => !QUIET_ON_INSERT.has(k) && !isEmpty(a[k]));
  return keys.map((field) => ({
    field,
    label: fieldLabel(field, locale),
    before: b ? valueText(field, b[field], locale, entity) : null,
    after: a ? valueText(field, a[field], locale, entity) : null,
  }));
}

/** A change as plain text lines, "狀態：認證中 → 未通過" (for a spreadsheet cell). */
export function changeText(before: unknown, after: unknown, locale: Locale, entity = 'record'): string {
  const colon = locale === 'zh-TW' ? '：' : ': ';
  return fieldChanges(before, after, locale, entity)
    .map((c) => `${c.label ? `${c.label}${colon}` : ''}${c.before === null ? '' : `${c.before} → `}${c.after ?? (locale === 'zh-TW' ? '（刪除）' : '(removed)')}`)
    .join('\n');
}

/** An entry's time for people: 民國 date and Taipei time in zh-TW ('114/11/27 14:05:09'), ISO date in English. */
export function entryTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = taipeiDate(date);
  const time = new Date(date.getTime() + 8 * 3600_000).toISOString().slice(11, 19);
  return `${locale === 'zh-TW' ? toRocDate(day) : day} ${time}`;
}

/** An entry as people read it, in one language: what the screen shows. */
export interface AuditWords {
  action: string;
  entity: string;
  role: string;
  time: string;
  changes: FieldChange[];
}

/** Words an entry for `locale` (the server does, so the screen needs no label tables). */
export function auditWords(entry: { action: string; entity: string; actor: { role: string }; at: string; before?: unknown; after?: unknown }, locale: Locale): AuditWords {
  return {
    action: actionLabel(entry.action, locale),
    entity: entityLabel(entry.entity, locale),
    role: roleLabel(entry.actor.role, locale),
    time: entryTime(entry.at, locale),
    changes: fieldChanges(entry.before, entry.after, locale, entry.entity),
  };
}
