import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { assertWindowOpen, assertWindowOpenForAll, daysBetween, findWindow, windowDays, windowState } from './windows.ts';
import type { ScheduleWindow } from './windows.ts';

const term1 = { academicYear: 114, semester: 1 as const };
const term2 = { academicYear: 114, semester: 2 as const };

const yearly: ScheduleWindow = { activity: 'outcome-selection', academicYear: 114, semester: 0, start: '2026-07-01', end: '2026-07-20' };
const sem1: ScheduleWindow = { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-08-01', end: '2026-02-14' };
const yearUpload: ScheduleWindow = { activity: 'outcome-upload', academicYear: 114, semester: 0, start: '2025-08-01', end: '2026-07-31' };
const grade3: ScheduleWindow = { ...sem1, end: '2026-01-10', grades: [3] };
const schedule = [yearly, yearUpload, sem1, grade3];

describe('findWindow', () => {
  it('prefers the semester window over the year window', () => {
    expect(findWindow(schedule, 'outcome-upload', term1)).toBe(sem1);
    expect(findWindow(schedule, 'outcome-upload', term2)).toBe(yearUpload);
  });
  it('uses a year window for either semester', () => {
    expect(findWindow(schedule, 'outcome-selection', term1)).toBe(yearly);
    expect(findWindow(schedule, 'outcome-selection', term2)).toBe(yearly);
  });
  it('applies a grade-specific window only to its grades, and prefers it for them', () => {
    expect(findWindow(schedule, 'outcome-upload', term1, 3)).toBe(grade3);
    expect(findWindow(schedule, 'outcome-upload', term1, 2)).toBe(sem1);
    expect(findWindow([grade3], 'outcome-upload', term1)).toBeUndefined();
    expect(findWindow([grade3], 'outcome-upload', term1, 1)).toBeUndefined();
  });
  it('ignores other activities and years', () => {
    expect(findWindow(schedule, 'performance-upload', term1)).toBeUndefined();
    expect(findWindow(schedule, 'outcome-upload', { academicYear: 115, semester: 1 })).toBeUndefined();
  });
});

describe('windowState', () => {
  it('compares Taipei dates, start and end included', () => {
    expect(windowState(undefined, new Date())).toBe('unscheduled');
    expect(windowState(sem1, new Date('2025-07-31T15:59:59Z'))).toBe('not-yet');
    expect(windowState(sem1, new Date('2025-07-31T16:00:00Z'))).toBe('open');
    expect(windowState(sem1, new Date('2026-02-14T15:59:59Z'))).toBe('open');
    expect(windowState(sem1, new Date('2026-02-14T16:00:00Z'))).toBe('closed');
  });
});

describe('windowDays', () => {
  const w = { start: '2026-02-11', end: '2026-02-20' };
  it('counts the days left including today while open, so the last day has 1 left', () => {
    expect(windowDays(w, '2026-02-11')).toEqual({ daysLeft: 10, daysUntilOpen: null });
    expect(windowDays(w, '2026-02-20')).toEqual({ daysLeft: 1, daysUntilOpen: null });
  });
  it('counts the days until it opens before, and nothing after or without a window', () => {
    expect(windowDays(w, '2026-02-10')).toEqual({ daysLeft: null, daysUntilOpen: 1 });
    expect(windowDays(w, '2026-01-31')).toEqual({ daysLeft: null, daysUntilOpen: 11 });
    expect(windowDays(w, '2026-02-21')).toEqual({ daysLeft: null, daysUntilOpen: null });
    expect(windowDays(undefined, '2026-02-15')).toEqual({ daysLeft: null, daysUntilOpen: null });
  });
  it('crosses months and years by calendar days', () => {
    expect(daysBetween('2025-12-31', '2026-03-01')).toBe(60);
    expect(daysBetween('2026-03-01', '2025-12-31')).toBe(-60);
  });
});

describe('assertWindowOpen', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return { code: (error as DomainError).code, params: (error as DomainError).params };
    }
  };

  it('returns the open window', () => {
    expect(assertWindowOpen(schedule, 'outcome-upload', term1, new Date('2025-10-01T00:00:00Z'))).toBe(sem1);
  });
  it('throws window-closed after the end', () => {
    expect(codeOf(() => assertWindowOpen(schedule, 'outcome-upload', term1, new Date('2026-01-12T00:00:00Z'), 3))).toEqual({
      code: 'window-closed',
      params: { activity: 'outcome-upload', end: '2026-01-10' },
    });
  });
  it('throws window-not-open before the start', () => {
    expect(codeOf(() => assertWindowOpen(schedule, 'outcome-selection', term2, new Date('2026-06-30T00:00:00Z')))).toEqual({
      code: 'window-not-open',
      params: { activity: 'outcome-selection', start: '2026-07-01' },
    });
  });
  it('throws window-unscheduled without a window', () => {
    expect(codeOf(() => assertWindowOpen(schedule, 'receipt-confirmation', term1, new Date()))?.code).toBe('window-unscheduled');
  });
});

describe('assertWindowOpenForAll', () => {
  const w = (over: Partial<ScheduleWindow>): ScheduleWindow => ({ activity: 'roster-submission', academicYear: 114, semester: 1, start: '2026-01-20', end: '2026-01-31', ...over });
  const staggered = [w({}), w({ grades: [3], end: '2026-01-25' })];
  const at = (iso: string) => new Date(iso);

  it('allows the work while the window of every grade it covers is open', () => {
    expect(assertWindowOpenForAll(staggered, 'roster-submission', term1, at('2026-01-25T15:59:00Z'), [{ grade: 1 }, { grade: 3 }])).toHaveLength(2);
  });
  it('refuses the whole work when one covered grade’s window has closed (Taipei midnight)', () => {
    expect(() => assertWindowOpenForAll(staggered, 'roster-submission', term1, at('2026-01-25T16:00:00Z'), [{ grade: 1 }, { grade: 3 }])).toThrow(
      expect.objectContaining({ code: 'window-closed', params: { activity: 'roster-submission', end: '2026-01-25' } }),
    );
    expect(assertWindowOpenForAll(staggered, 'roster-submission', term1, at('2026-01-25T16:00:00Z'), [{ grade: 1 }, { grade: 2 }])).toHaveLength(2);
  });
  it('lets the window for everyone decide when the work covers nobody', () => {
    expect(assertWindowOpenForAll(staggered, 'roster-submission', term1, at('2026-01-20T00:00:00Z'), [])).toEqual([staggered[0]]);
    expect(() => assertWindowOpenForAll(staggered, 'pre-check', term1, at('2026-01-20T00:00:00Z'), [])).toThrow(expect.objectContaining({ code: 'window-unscheduled' }));
  });
});

describe('with a parsed school configuration', () => {
  it('takes the configured schedule as it is', async () => {
    const { parseSchoolConfig } = await import('./school.ts');
    const config = parseSchoolConfig({ code: '120401', name: 'x', type: 'general', schedule: [sem1] });
    expect(findWindow(config.schedule, 'outcome-upload', term1)).toEqual(sem1);
  });
});
