import { ACTIVITIES, academicTermOf, RECORD_KINDS, taipeiDate, windowDays, windowState, type Activity, type LocalizedText, type ScheduleWindow } from '@licheng/core';

/** Every record kind's name, for screens that say which kinds a window is for. */
export function recordKindNames(): Record<string, LocalizedText> {
  return Object.fromEntries(Object.values(RECORD_KINDS).map((k) => [k.id, k.label]));
}

/**
 * 作業期程 as the working group publishes it: one academic year's windows in date order, where
 * each stands today, and which activities have no window yet (另行公告). Pure: the school's
 * schedule and the clock come in, nothing is read or written.
 */

/** One window of the published schedule, as of `today`. */
export interface ScheduleEntry {
  activity: Activity;
  /** 0 = the whole academic year. */
  semester: 0 | 1 | 2;
  /** The grades the window is for; null = every grade. */
  grades: number[] | null;
  /** Inclusive Taipei dates, ISO 'YYYY-MM-DD'. */
  start: string;
  end: string;
  state: 'open' | 'not-yet' | 'closed';
  /** Days from today until the window opens (1 = tomorrow) while it is not yet open; else null. */
  daysUntilOpen: number | null;
  /** Days left counting today (1 = it closes today) while it is open; else null. */
  daysLeft: number | null;
  /** The classes the window is for (staggered by class); absent = every class. */
  classes?: string[];
  /** The record kinds the window is for; absent = every kind. */
  recordKinds?: string[];
  /** 自我檢核日期, ISO; absent when none is set. */
  selfCheck?: string;
  /** Which submission of several (名冊別, 梯次); absent when none. */
  qualifier?: string;
}

export interface ScheduleYear {
  academicYear: number;
  /** Today's Taipei date, ISO. */
  today: string;
  /** Every academic year the school's schedule has windows for, ascending. */
  years: number[];
  /** This year's windows by start date, then activity (in ACTIVITIES order), semester, grades. */
  windows: ScheduleEntry[];
  /** Activities with no window in this year, in ACTIVITIES order: 另行公告 (by notice). */
  unscheduled: Activity[];
  /** Record kinds by id: their names, for windows limited to some kinds. */
  kindNames: Record<string, LocalizedText>;
}

/** The academic year (學年度) `now` falls in, in Taipei time. */
export function currentAcademicYear(now: Date): number {
  return academicTermOf(now).academicYear;
}

/** Where one window stands at `now`, with the days until it opens or the days it has left. */
export function scheduleEntry(window: ScheduleWindow, now: Date): ScheduleEntry {
  const today = taipeiDate(now);
  const state = windowState(window, now) as ScheduleEntry['state'];
  return {
    activity: window.activity,
    semester: window.semester,
    grades: window.grades ? [...window.grades].sort((a, b) => a - b) : null,
    start: window.start,
    end: window.end,
    state,
    ...windowDays(window, today),
    ...(window.classes ? { classes: [...window.classes] } : {}),
    ...(window.recordKinds ? { recordKinds: [...window.recordKinds] } : {}),
    ...(window.selfCheck ? { selfCheck: window.selfCheck } : {}),
    ...(window.qualifier ? { qualifier: window.qualifier } : {}),
  };
}

function gradesKey(grades: number[] | null): string {
  return grades ? grades.join(',') : '';
}

function compareEntries(a: ScheduleEntry, b: ScheduleEntry): number {
  return (
    a.start.localeCompare(b.start) ||
    ACTIVITIES.indexOf(a.activity) - ACTIVITIES.indexOf(b.activity) ||
    a.semester - b.semester ||
    gradesKey(a.grades).localeCompare(gradesKey(b.grades)) ||
    a.end.localeCompare(b.end)
  );
}

/** The schedule of `academicYear` as of `now`. */
export function scheduleOfYear(schedule: readonly ScheduleWindow[], academicYear: number, now: Date): ScheduleYear {
  const windows = schedule.filter((w) => w.academicYear === academicYear).map((w) => scheduleEntry(w, now));
  windows.sort(compareEntries);
  const scheduled = new Set(windows.map((w) => w.activity));
  return {
    academicYear,
    today: taipeiDate(now),
    years: [...new Set(schedule.map((w) => w.academicYear))].sort((a, b) => a - b),
    windows,
    unscheduled: ACTIVITIES.filter((a) => !scheduled.has(a)),
    kindNames: recordKindNames(),
  };
}
