import type { Activity } from './activities.ts';
import { taipeiDate } from './calendar.ts';
import type { AcademicTerm } from './calendar.ts';
import { DomainError } from './errors.ts';

/**
 * A date given relative to another window (虎尾: finish two weeks before the national
 * deadline): the anchor window's `edge` date moved by `offsetDays` (negative = earlier).
 */
export interface RelativeDate {
  /** The id of the anchor window in the same schedule. */
  anchor: string;
  edge: 'start' | 'end';
  offsetDays: number;
}

/**
 * 作業期程 — when each kind of work is open. A window covers one semester (1, 2) or the
 * whole academic year (0), optionally only some grades or classes (staggered) and some record
 * kinds, from `start` to `end` inclusive, both read as Taipei dates.
 */
export interface ScheduleWindow {
  /** Set once the window is stored; relative windows name their anchor by it. */
  id?: string | undefined;
  activity: Activity;
  academicYear: number;
  semester: 0 | 1 | 2;
  start: string;
  end: string;
  grades?: number[] | undefined;
  /** 班級 the window is for (staggered by class); absent = every class. */
  classes?: string[] | undefined;
  /** Record kinds the window is for (uploads per kind); absent = every kind. */
  recordKinds?: string[] | undefined;
  /** 自我檢核日期 — when the working group checks the work of the window was done. */
  selfCheck?: string | undefined;
  /** Free setting naming one submission of several (名冊別 or 梯次, e.g. 「第 2 梯次」); never a code we invent. */
  qualifier?: string | undefined;
  /** When set, `start` is computed from another window (see resolveSchedule). */
  startFrom?: RelativeDate | undefined;
  /** When set, `end` is computed from another window (see resolveSchedule). */
  endFrom?: RelativeDate | undefined;
  /** 提醒 — days before `end` on which those with work left are reminded; absent = DEFAULT_REMINDER_LEAD_DAYS. */
  reminderLeadDays?: number[] | undefined;
}

export type WindowState = 'open' | 'not-yet' | 'closed' | 'unscheduled';

/** Who and what a window is looked up for: the student's grade and class, the record kind. */
export interface WindowScope {
  grade?: number | undefined;
  className?: string | undefined;
  recordKind?: string | undefined;
}

/**
 * The window that governs `activity` in `term` for a student of `grade` (or of the fuller
 * `scope`: grade, class, record kind).
 *
 * Precedence, highest first:
 * 1. a semester window wins over a whole-year one (semester 0);
 * 2. at the same level, the narrowest audience wins: a window listing the student's class,
 *    then one listing the grade, then one for everyone (grade 12's windows "by notice");
 * 3. then a window listing the record kind wins over one for every kind.
 * A window that lists grades, classes or kinds applies only to those, so without the
 * corresponding scope only windows for everyone are considered.
 */
export function findWindow<W extends ScheduleWindow>(
  schedule: readonly W[],
  activity: Activity,
  term: AcademicTerm,
  scope?: number | WindowScope,
): W | undefined {
  const { grade, className, recordKind }: WindowScope = typeof scope === 'number' ? { grade: scope } : (scope ?? {});
  let best: W | undefined;
  let bestRank = -1;
  for (const w of schedule) {
    if (w.activity !== activity || w.academicYear !== term.academicYear) continue;
    if (w.semester !== 0 && w.semester !== term.semester) continue;
    if (w.grades && (grade === undefined || !w.grades.includes(grade))) continue;
    if (w.classes && (className === undefined || !w.classes.includes(className))) continue;
    if (w.recordKinds && (recordKind === undefined || !w.recordKinds.includes(recordKind))) continue;
    const rank = (w.semester === 0 ? 0 : 8) + (w.classes ? 4 : w.grades ? 2 : 0) + (w.recordKinds ? 1 : 0);
    if (rank > bestRank) {
      best = w;
      bestRank = rank;
    }
  }
  return best;
}

const overlap = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) => (!a || !b ? !a && !b : a.some((x) => b.includes(x)));

/**
 * Whether two windows would compete for the same work: same activity, year, semester and
 * qualifier, and audiences that meet (both for everyone, or sharing a grade, class or kind).
 */
export function windowsCollide(a: ScheduleWindow, b: ScheduleWindow): boolean {
  if (a.activity !== b.activity || a.academicYear !== b.academicYear || a.semester !== b.semester) return false;
  if ((a.qualifier ?? '') !== (b.qualifier ?? '')) return false;
  return overlap(a.grades, b.grades) && overlap(a.classes, b.classes) && overlap(a.recordKinds, b.recordKinds);
}

/** The ISO date `days` after `date` (negative = before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The schedule with every relative date (startFrom, endFrom) turned into a concrete one, in
 * the given order. Anchors may be relative themselves; throws DomainError
 * 'schedule-anchor-missing' ({anchor}) when an anchor is not in the schedule, and
 * 'schedule-cycle' ({ids}) when windows depend on each other in a circle. A window whose
 * resolved end falls before its start throws 'schedule-end-before-start'.
 */
export function resolveSchedule<W extends ScheduleWindow>(schedule: readonly W[]): W[] {
  const byId = new Map(schedule.filter((w) => w.id).map((w) => [w.id!, w]));
  const resolved = new Map<W, W>();
  const resolving: W[] = [];
  const dateOf = (ref: RelativeDate): string => {
    const anchor = byId.get(ref.anchor);
    if (!anchor) throw new DomainError('schedule-anchor-missing', { anchor: ref.anchor });
    const r = resolve(anchor);
    return addDays(ref.edge === 'start' ? r.start : r.end, ref.offsetDays);
  };
  const resolve = (w: W): W => {
    const done = resolved.get(w);
    if (done) return done;
    if (resolving.includes(w)) {
      const loop = resolving.slice(resolving.indexOf(w)).map((x) => x.id ?? '?');
      throw new DomainError('schedule-cycle', { ids: loop.join(' → ') });
    }
    resolving.push(w);
    const start = w.startFrom ? dateOf(w.startFrom) : w.start;
    const end = w.endFrom ? dateOf(w.endFrom) : w.end;
    resolving.pop();
    if (end < start) throw new DomainError('schedule-end-before-start', { start, end });
    const out = start === w.start && end === w.end ? w : { ...w, start, end };
    resolved.set(w, out);
    return out;
  };
  return schedule.map(resolve);
}

/** 收訖明細 confirmation windows are announced for at least this many days (SPEC §4.7). */
export const RECEIPT_WINDOW_MIN_DAYS = 3;

/**
 * What is wrong with one concrete window on its own, as a DomainError code and params, or
 * null: the end before the start, a receipt-confirmation window shorter than 3 days.
 */
export function windowProblem(w: Pick<ScheduleWindow, 'activity' | 'start' | 'end'>): { code: string; params: Record<string, string | number> } | null {
  if (w.end < w.start) return { code: 'schedule-end-before-start', params: { start: w.start, end: w.end } };
  const days = daysBetween(w.start, w.end) + 1;
  if (w.activity === 'receipt-confirmation' && days < RECEIPT_WINDOW_MIN_DAYS) return { code: 'receipt-window-too-short', params: { min: RECEIPT_WINDOW_MIN_DAYS, days } };
  return null;
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
  scope?: number | WindowScope,
): W {
  const window = findWindow(schedule, activity, term, scope);
  const state = windowState(window, now);
  if (!window || state === 'unscheduled') throw new DomainError('window-unscheduled', { activity });
  if (state === 'not-yet') throw new DomainError('window-not-open', { activity, start: window.start });
  if (state === 'closed') throw new DomainError('window-closed', { activity, end: window.end });
  return window;
}

/**
 * assertWindowOpen for work that covers many students at once (a roster, the pre-check): the
 * window must be open for every grade, class and record kind the work covers (`scopes`, one per
 * distinct audience), so a staggered window that has closed for one class refuses the whole
 * piece of work, naming that window. With no scope (nobody covered yet) the window for
 * everyone decides. Returns the windows that allowed it.
 */
export function assertWindowOpenForAll<W extends ScheduleWindow>(
  schedule: readonly W[],
  activity: Activity,
  term: AcademicTerm,
  now: Date,
  scopes: readonly WindowScope[],
): W[] {
  const list: Array<WindowScope | undefined> = scopes.length > 0 ? [...scopes] : [undefined];
  return list.map((scope) => assertWindowOpen(schedule, activity, term, now, scope));
}
