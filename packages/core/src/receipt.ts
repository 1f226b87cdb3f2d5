import { isIsoDate } from './calendar.ts';
import { DomainError, type Locale } from './errors.ts';
import { daysBetween } from './windows.ts';

/**
 * 收訖明細 — the receipt the central database returns after a school submitted its rosters: a
 * ZIP with a checksum list `SHA.txt` and one JSON file per roster. Students confirm what was
 * received in a confirmation window of at least 3 days; who does nothing is deemed to have
 * confirmed (視同確認) once it ends.
 */

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

/**
 * What is stored for an item: the student has done nothing yet, confirmed, or raised an issue;
 * 'deemed-confirmed' (視同確認) once the closing job recorded a still-pending item after the window.
 */
export type StoredReceiptStatus = 'pending' | 'confirmed' | 'issue' | 'deemed-confirmed';
/** What an item reads as: a pending item after the window is deemed confirmed (視同確認) even before the job records it. */
export type ReceiptStatus = StoredReceiptStatus;


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
