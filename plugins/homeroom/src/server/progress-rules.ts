import { findWindow, taipeiDate, windowDays, windowState, type AcademicTerm, type Activity, type ScheduleWindow, type WindowState } from '@licheng/core';

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

/** Each watched window of `term` for a class of `grade`, with its state and the days left on `now`'s Taipei date. */
export function progressWindows(schedule: readonly ScheduleWindow[], term: AcademicTerm, grade: number, now: Date): ProgressWindow[] {
  const today = taipeiDate(now);
  return PROGRESS_ACTIVITIES.map((activity) => {
    const window = findWindow(schedule, activity, term, grade);
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
}

export function progressTotals(students: ReadonlyArray<ProgressCounts & { reminders: readonly ReminderReason[] }>): ProgressTotals {
  const sum = (key: keyof ProgressCounts) => students.reduce((n, s) => n + s[key], 0);
  const uploaded = students.filter((s) => s.uploaded > 0).length;
  return {
    students: students.length,
    studentsUploaded: uploaded,
    studentsWithoutUploads: students.length - uploaded,
    studentsNeedingReminder: students.filter((s) => s.reminders.length > 0).length,
    uploaded: sum('uploaded'),
    pending: sum('pending'),
    passed: sum('passed'),
    failed: sum('failed'),
    selected: sum('selected'),
  };
}
