import type { Activity } from './activities.ts';
import { taipeiDate } from './calendar.ts';
import type { AcademicTerm } from './calendar.ts';
import { DomainError } from './errors.ts';

/**
 * 作業期程 — when each kind of work is open. A window covers one semester (1, 2) or the
 * whole academic year (0), optionally only some grades, from `start` to `end` inclusive,
 * both read as Taipei dates.
 */
export interface ScheduleWindow {
  activity: Activity;
  academicYear: number;
  semester: 0 | 1 | 2;
  start: string;
  end: string;
  grades?: number[] | undefined;
}

export type WindowState = 'open' | 'not-yet' | 'closed' | 'unscheduled';

/**
 * The window that governs `activity` in `term` for a student of `grade`.
 *
 * A semester window wins over a whole-year one (semester 0). At the same level a window
 * listing the grade wins over one for every grade (grade 12's windows "by notice"). A
 * window that lists grades applies only to those grades, so without a `grade` only
 * windows for every grade are considered.
 */
export function findWindow<W extends ScheduleWindow>(
  schedule: readonly W[],
  activity: Activity,
  term: AcademicTerm,
  grade?: number,
): W | undefined {
  let best: W | undefined;
  let bestRank = -1;
  for (const w of schedule) {
    if (w.activity !== activity || w.academicYear !== term.academicYear) continue;
    if (w.semester !== 0 && w.semester !== term.semester) continue;
    if (w.grades && (grade === undefined || !w.grades.includes(grade))) continue;
    const rank = (w.semester === 0 ? 0 : 2) + (w.grades ? 1 : 0);
    if (rank > bestRank) {
      best = w;
      bestRank = rank;
    }
  }
  return best;
}

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A window in days, as every screen says it: while open, the days left counting today (1 =
 * closes today, 「剩 1 天」); before it opens, the days until it does (1 = opens tomorrow);
 * null otherwise. `today` is the Taipei date (taipeiDate).
 */
export function windowDays(window: Pick<ScheduleWindow, 'start' | 'end'> | undefined, today: string): { daysLeft: number | null; daysUntilOpen: number | null } {
  if (!window) return { daysLeft: null, daysUntilOpen: null };
  if (today < window.start) return { daysLeft: null, daysUntilOpen: daysBetween(today, window.start) };
  if (today > window.end) return { daysLeft: null, daysUntilOpen: null };
  return { daysLeft: daysBetween(today, window.end) + 1, daysUntilOpen: null };
}

/** Whether the window is open on `now`'s Taipei date (start and end days included). */
export function windowState(window: Pick<ScheduleWindow, 'start' | 'end'> | undefined, now: Date): WindowState {
  if (!window) return 'unscheduled';
  const today = taipeiDate(now);
  if (today < window.start) return 'not-yet';
  if (today > window.end) return 'closed';
  return 'open';
}

/**
 * Returns the open window, or throws DomainError 'window-unscheduled' ({activity}),
 * 'window-not-open' ({activity}, {start}) before it opens, or 'window-closed' ({activity},
 * {end}) after it ends.
 */
export function assertWindowOpen<W extends ScheduleWindow>(
  schedule: readonly W[],
  activity: Activity,
  term: AcademicTerm,
  now: Date,
  grade?: number,
): W {
  const window = findWindow(schedule, activity, term, grade);
  const state = windowState(window, now);
  if (!window || state === 'unscheduled') throw new DomainError('window-unscheduled', { activity });
  if (state === 'not-yet') throw new DomainError('window-not-open', { activity, start: window.start });
  if (state === 'closed') throw new DomainError('window-closed', { activity, end: window.end });
  return window;
}
