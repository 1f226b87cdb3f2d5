import { findWindow, taipeiDate, windowDays, windowState, type AcademicTerm, type Activity, type ScheduleWindow, type WindowScope, type WindowState } from '@licheng/core';

/** The counts the homeroom teacher (導師) follows for one student in one term. */
export interface ProgressCounts {
  /** 課程學習成果 entered this term, whatever their status. */
  uploaded: number;
  /** 待認證 */
  pending: number;
  /** 認證通過 */
  passed: number;
  /** 認證未通過 — the student must fix and resubmit. */
  failed: number;
  /** 勾選 for the central database this academic year. */
  selected: number;
}

/** Why a student needs a reminder: nothing uploaded this term, a failed item to fix, certified items none of which is selected. */
export const REMINDER_REASONS = ['no-upload', 'failed', 'not-selected'] as const;
export type ReminderReason = (typeof REMINDER_REASONS)[number];

export function reminderReasons(counts: ProgressCounts): ReminderReason[] {
  const reasons: ReminderReason[] = [];
  if (counts.uploaded === 0) reasons.push('no-upload');
  if (counts.failed > 0) reasons.push('failed');
  if (counts.passed > 0 && counts.selected === 0) reasons.push('not-selected');
  return reasons;
}

/** A student's other records this academic year: the 多元表現 they entered and the offices' records. */
export interface OtherCounts {
  performance: {
    /** Performances the student entered, still standing: the ones that count toward the 10. */
    counting: number;
    passed: number;
    pending: number;
    failed: number;
    selected: number;
    /** Performances the school or an office registered: shown, never counted. */
    exempt: number;
  };
  office: { records: number; pending: number; failed: number };
}

export const noOtherCounts = (): OtherCounts => ({ performance: { counting: 0, passed: 0, pending: 0, failed: 0, selected: 0, exempt: 0 }, office: { records: 0, pending: 0, failed: 0 } });

/**
 * The completeness check before submission (提交前檢核), on top of the outcome reminders:
 * 'performance-failed' (a performance the student entered failed: fix and resubmit),
 * 'performance-unselected' (performances passed but none selected: fewer than the cap is the
 * student's choice and never flagged, SPEC §3.7), 'performance-over-cap' (more selected than the cap allows), and
 * 'receipt-unconfirmed' (收訖確認 not yet given for an imported receipt batch whose window is
 * still open or to come), and 'pending' (records of any kind still waiting for certification —
 * the school's to finish, not the student's, so it is never a reminder).
 */
export const CHECK_REASONS = [...REMINDER_REASONS, 'performance-failed', 'performance-unselected', 'performance-over-cap', 'receipt-unconfirmed', 'pending'] as const;
export type CheckReason = (typeof CHECK_REASONS)[number];

/** `unconfirmedReceipts`: the student's receipt items still waiting for their 收訖確認 (0 without the receipt office). */
export function checkReasons(outcomes: ProgressCounts, other: OtherCounts, performanceCap: number, unconfirmedReceipts = 0): CheckReason[] {
  const reasons: CheckReason[] = reminderReasons(outcomes);
  const p = other.performance;
  if (p.failed > 0) reasons.push('performance-failed');
  if (p.selected > performanceCap) reasons.push('performance-over-cap');
  // Selecting fewer than the cap is the student's choice (schools must not force a number): only none at all is flagged.
  else if (p.passed > 0 && p.selected === 0) reasons.push('performance-unselected');
  if (unconfirmedReceipts > 0) reasons.push('receipt-unconfirmed');
  if (outcomes.pending + p.pending + other.office.pending > 0) reasons.push('pending');
  return reasons;
}

/** What a student can act on: every check reason but 'pending'. */
export const remindable = (reasons: readonly CheckReason[]): CheckReason[] => reasons.filter((r) => r !== 'pending');

/** The windows a homeroom teacher watches for outcomes. */
export const PROGRESS_ACTIVITIES = ['outcome-upload', 'outcome-certification', 'outcome-selection'] as const satisfies readonly Activity[];

export interface ProgressWindow {
  activity: (typeof PROGRESS_ACTIVITIES)[number];
  start: string | null;
  end: string | null;
  state: WindowState;
  /** While open: the days left counting today (1 = closes today), as core's windowDays says it. */
  daysLeft: number | null;
  /** Before it opens: whole days until the first day. */
  daysUntilOpen: number | null;
}

/** Each watched window of `term` for a class (its grade and name, `scope`), with its state and the days left on `now`'s Taipei date. */
export function progressWindows(schedule: readonly ScheduleWindow[], term: AcademicTerm, scope: number | WindowScope, now: Date): ProgressWindow[] {
  const today = taipeiDate(now);
  return PROGRESS_ACTIVITIES.map((activity) => {
    const window = findWindow(schedule, activity, term, scope);
    const state = windowState(window, now);
    return {
      activity,
      start: window?.start ?? null,
      end: window?.end ?? null,
      state,
      ...windowDays(window, today),
    };
  });
}

export interface ProgressTotals extends ProgressCounts {
  students: number;
  /** Students with at least one outcome this term. */
  studentsUploaded: number;
  studentsWithoutUploads: number;
  studentsNeedingReminder: number;
  /** Students failing the completeness check for any reason. */
  studentsIncomplete: number;
  /** Students failing the check, by reason. */
  check: Record<CheckReason, number>;
}

export function progressTotals(students: ReadonlyArray<ProgressCounts & { reminders: readonly CheckReason[]; check: readonly CheckReason[] }>): ProgressTotals {
  const sum = (key: keyof ProgressCounts) => students.reduce((n, s) => n + s[key], 0);
  const uploaded = students.filter((s) => s.uploaded > 0).length;
  return {
    students: students.length,
    studentsUploaded: uploaded,
    studentsWithoutUploads: students.length - uploaded,
    studentsNeedingReminder: students.filter((s) => s.reminders.length > 0).length,
    studentsIncomplete: students.filter((s) => s.check.length > 0).length,
    check: Object.fromEntries(CHECK_REASONS.map((r) => [r, students.filter((s) => s.check.includes(r)).length])) as Record<CheckReason, number>,
    uploaded: sum('uploaded'),
    pending: sum('pending'),
    passed: sum('passed'),
    failed: sum('failed'),
    selected: sum('selected'),
  };
}
