import { isIsoDate } from './calendar.ts';
import { DomainError, type Locale } from './errors.ts';
import { daysBetween } from './windows.ts';

/**
 * 收訖明細 — the receipt the central database returns after a school submitted its rosters: a
 * ZIP with a checksum list `SHA.txt` and one JSON file per roster. Students confirm what was
 * received in a confirmation window of at least 3 days; who does nothing is deemed to have
 * confirmed (視同確認) once it ends.
 */

/** One line of SHA.txt: `filename,sha256`. */
export interface ShaEntry {
  fileName: string;
  /** Lowercase hex. */
  sha256: string;
  /** 1-based line number in SHA.txt. */
  line: number;
}

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * Parses SHA.txt: one `filename,sha256` a line. A BOM, CRLF line ends, spaces around the fields
 * and blank lines are tolerated; a line with another shape, a bad hash or a file listed twice
 * is refused with its line number (`receipt-sha-line-invalid`).
 */
export function parseShaList(text: string): ShaEntry[] {
  const entries: ShaEntry[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const fields = raw.split(',').map((f) => f.trim());
    const [fileName, sha256] = fields;
    if (fields.length !== 2 || !fileName || !sha256 || !SHA256_HEX.test(sha256)) {
      throw new DomainError('receipt-sha-line-invalid', { line });
    }
    if (seen.has(fileName)) throw new DomainError('receipt-sha-line-invalid', { line });
    seen.add(fileName);
    entries.push({ fileName, sha256: sha256.toLowerCase(), line });
  });
  if (entries.length === 0) throw new DomainError('receipt-sha-empty', {});
  return entries;
}

/** The shortest confirmation window, in days, counting its first and last day. */
export const MIN_CONFIRMATION_DAYS = 3;

/** Days from `start` to `end`, both counted: ('2025-10-01', '2025-10-03') → 3. */
export function windowLength(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** A confirmation window: ISO dates in Taipei time, both days included. */
export interface ConfirmationWindow {
  start: string;
  end: string;
}

/**
 * Checks a confirmation window announced to students: real ISO dates, end not before start,
 * and at least MIN_CONFIRMATION_DAYS days counting both ends.
 */
export function assertConfirmationWindow(window: ConfirmationWindow): void {
  for (const value of [window.start, window.end]) if (!isIsoDate(value)) throw new DomainError('date-invalid', { value });
  if (window.end < window.start) throw new DomainError('receipt-window-order', { start: window.start, end: window.end });
  const days = windowLength(window.start, window.end);
  if (days < MIN_CONFIRMATION_DAYS) throw new DomainError('receipt-window-too-short', { days, min: MIN_CONFIRMATION_DAYS });
}

/** Where a date (Taipei, ISO) falls with respect to a window. */
export function windowPhase(window: ConfirmationWindow, today: string): 'before' | 'open' | 'after' {
  if (today < window.start) return 'before';
  if (today > window.end) return 'after';
  return 'open';
}

/** Days left in the window, today included (0 once it has ended). */
export function daysLeft(window: ConfirmationWindow, today: string): number {
  if (today > window.end) return 0;
  return windowLength(today < window.start ? window.start : today, window.end);
}

/** What is stored for an item: the student has done nothing yet, confirmed, or raised an issue. */
export type StoredReceiptStatus = 'pending' | 'confirmed' | 'issue';
/** What an item reads as: a pending item after the window is deemed confirmed (視同確認). */
export type ReceiptStatus = StoredReceiptStatus | 'deemed-confirmed';


/** The status of a student's item on `today` (Taipei, ISO). */
export function receiptStatus(stored: StoredReceiptStatus, window: ConfirmationWindow, today: string): ReceiptStatus {
  if (stored === 'pending' && windowPhase(window, today) === 'after') return 'deemed-confirmed';
  return stored;
}

/** Refuses a student's confirmation or issue outside the window. */
export function assertConfirmationOpen(window: ConfirmationWindow, today: string): void {
  const phase = windowPhase(window, today);
  if (phase === 'before') throw new DomainError('receipt-window-not-open', { start: window.start });
  if (phase === 'after') throw new DomainError('receipt-window-closed', { end: window.end });
}

/** Course-record roster kinds: 課程學習成果 and its night-division and grade-12 variants. */
const COURSE_RECORD_KINDS = new Set([26, 28, 36, 38, 76, 78]);

/** Graduated grade-12 students' course records need no confirmation; everything else does. */
export function confirmationRequired(kind: number, student: { grade: number; status: string }): boolean {
  return !(COURSE_RECORD_KINDS.has(kind) && student.grade === 3 && student.status === 'graduated');
}

/** A national ID as a report may show it: 'A123456789' → 'A12****789'. */
export function maskNationalId(id: string): string {
  const value = id.trim();
  if (value.length <= 4) return '*'.repeat(value.length);
  const keep = value.length >= 8 ? 3 : 1;
  return `${value.slice(0, keep)}${'*'.repeat(value.length - keep * 2)}${value.slice(-keep)}`;
}

const reminderText = {
  'zh-TW': { done: '您已完成確認：{list}。', todo: '您尚未完成確認：{list}。', separator: '、' },
  en: { done: 'You have confirmed: {list}.', todo: 'You have not yet confirmed: {list}.', separator: ', ' },
} as const;

/**
 * The reminder a student sees during the window, from the roster names confirmed and not:
 * 「您已完成確認：修課紀錄、幹部經歷。您尚未完成確認：課程學習成果、多元表現。」 A part with no
 * roster is left out; '' when both lists are empty.
 */
export function receiptReminder(confirmed: readonly string[], unconfirmed: readonly string[], locale: Locale = 'zh-TW'): string {
  const text = reminderText[locale];
  const parts: string[] = [];
  if (confirmed.length > 0) parts.push(text.done.replace('{list}', confirmed.join(text.separator)));
  if (unconfirmed.length > 0) parts.push(text.todo.replace('{list}', unconfirmed.join(text.separator)));
  return parts.join(locale === 'en' ? ' ' : '');
}
