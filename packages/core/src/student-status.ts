/**
 * A student's status over time (學籍異動, SPEC §6): a list of dated changes answers what the
 * status was on any date. Pure: the caller loads the changes.
 */

/** Kinds of status change: 轉入 transfer-in, 轉出 transfer-out, 休學 suspension, 復學 return, 重讀 repeat-year, 畢業 graduation, 借讀 borrowed study. */
export const STATUS_CHANGE_KINDS = ['transfer-in', 'transfer-out', 'suspend', 'resume', 'repeat-year', 'graduate', 'borrow'] as const;
export type StatusChangeKind = (typeof STATUS_CHANGE_KINDS)[number];

/** What people call each kind of change. */
export const statusChangeLabels: Record<StatusChangeKind, { 'zh-TW': string; en: string }> = {
  'transfer-in': { 'zh-TW': '轉入', en: 'Transfer in' },
  'transfer-out': { 'zh-TW': '轉出', en: 'Transfer out' },
  suspend: { 'zh-TW': '休學', en: 'Suspension' },
  resume: { 'zh-TW': '復學', en: 'Return' },
  'repeat-year': { 'zh-TW': '重讀', en: 'Repeat year' },
  graduate: { 'zh-TW': '畢業', en: 'Graduation' },
  borrow: { 'zh-TW': '借讀', en: 'Borrowed study' },
};

/** A student's status on a date. */
export type EnrolmentStatus = 'enrolled' | 'suspended' | 'transferred-out' | 'graduated' | 'borrowing';

export const STATUS_AFTER: Record<StatusChangeKind, EnrolmentStatus> = {
  'transfer-in': 'enrolled',
  'transfer-out': 'transferred-out',
  suspend: 'suspended',
  resume: 'enrolled',
  'repeat-year': 'enrolled',
  graduate: 'graduated',
  borrow: 'borrowing',
};

/** Statuses of a student no longer at the school: not on rosters, receipts or caps. */
const LEFT: ReadonlySet<EnrolmentStatus> = new Set(['suspended', 'transferred-out', 'graduated']);

export interface StatusChange {
  /** ISO date (YYYY-MM-DD) the change took effect. */
  date: string;
  kind: StatusChangeKind;
  /** Order of changes on the same date (e.g. the row id); smaller first. */
  seq?: number;
}

function byDate(a: StatusChange, b: StatusChange): number {
  return a.date === b.date ? (a.seq ?? 0) - (b.seq ?? 0) : a.date < b.date ? -1 : 1;
}

/**
 * The status on `date` (ISO, compared by day): the last change on or before it decides;
 * with none, the student is enrolled (as every student was before status changes existed).
 */
export function statusOn(changes: readonly StatusChange[], date: string): EnrolmentStatus {
  const day = date.slice(0, 10);
  const last = [...changes].sort(byDate).filter((c) => c.date.slice(0, 10) <= day).at(-1);
  return last ? STATUS_AFTER[last.kind] : 'enrolled';
}

/** Whether the student had left the school (suspended, transferred out or graduated) on `date`. */
export function hasLeftOn(changes: readonly StatusChange[], date: string): boolean {
  return LEFT.has(statusOn(changes, date));
}

/** The kind of change a status-change row names, in Chinese or English; null when unknown. */
export function statusChangeKindOf(text: string): StatusChangeKind | null {
  const words: Record<string, StatusChangeKind> = {
    轉入: 'transfer-in', 轉出: 'transfer-out', 休學: 'suspend', 復學: 'resume', 重讀: 'repeat-year', 畢業: 'graduate', 借讀: 'borrow',
  };
  const key = text.normalize('NFKC').trim();
  return words[key] ?? ((STATUS_CHANGE_KINDS as readonly string[]).includes(key.toLowerCase()) ? (key.toLowerCase() as StatusChangeKind) : null);
}
