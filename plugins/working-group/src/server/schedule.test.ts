import { describe, expect, it } from 'vitest';
import { ACTIVITIES, daysBetween, type ScheduleWindow } from '@licheng/core';
import { academicYearFromQuery, academicYearProblem, academicYearSchema } from './academic-year.ts';
import { currentAcademicYear, scheduleEntry, scheduleOfYear } from './schedule.ts';
import { taipei, testSchedule } from './test-schedule.ts';

const schedule = testSchedule as ScheduleWindow[];
const upload: ScheduleWindow = { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-09-01', end: '2025-10-15' };

describe('daysBetween', () => {
  it('counts calendar days, across months and leap days', () => {
    expect(daysBetween('2025-10-01', '2025-10-01')).toBe(0);
    expect(daysBetween('2025-10-01', '2025-10-15')).toBe(14);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2025-10-15', '2025-10-01')).toBe(-14);
  });
});

describe('scheduleEntry', () => {
  it('counts the days until a window opens, and the days left counting today while it is open', () => {
    expect(scheduleEntry(upload, taipei('2025-08-31'))).toMatchObject({ state: 'not-yet', daysUntilOpen: 1, daysLeft: null });
    expect(scheduleEntry(upload, taipei('2025-09-01', '00:00:00'))).toMatchObject({ state: 'open', daysUntilOpen: null, daysLeft: 45 });
    expect(scheduleEntry(upload, taipei('2025-10-15', '23:59:59'))).toMatchObject({ state: 'open', daysLeft: 1 });
    expect(scheduleEntry(upload, taipei('2025-10-16', '00:00:00'))).toMatchObject({ state: 'closed', daysUntilOpen: null, daysLeft: null });
  });

  it('reads the clock in Taipei time: 16:00 UTC is already the next day', () => {
    expect(scheduleEntry(upload, new Date('2025-10-15T15:59:59Z')).state).toBe('open');
    expect(scheduleEntry(upload, new Date('2025-10-15T16:00:00Z')).state).toBe('closed');
  });

  it('gives null grades for every grade and sorted grades otherwise', () => {
    expect(scheduleEntry(upload, taipei('2025-10-01')).grades).toBeNull();
    expect(scheduleEntry({ ...upload, grades: [3, 1] }, taipei('2025-10-01')).grades).toEqual([1, 3]);
  });
});

describe('scheduleOfYear', () => {
  it('lists one year by start date, then activity, semester and grades, and what is still to be announced', () => {
    const year = scheduleOfYear(schedule, 114, taipei('2025-10-01'));
    expect(year.academicYear).toBe(114);
    expect(year.today).toBe('2025-10-01');
    expect(year.years).toEqual([114, 115]);
    expect(year.windows.map((w) => [w.activity, w.semester, w.grades, w.start])).toEqual([
      ['performance-upload', 0, null, '2025-08-01'],
      ['performance-upload', 0, [3], '2025-08-01'],
      ['outcome-upload', 1, null, '2025-09-01'],
      ['outcome-certification', 1, null, '2025-10-16'],
      ['outcome-upload', 2, null, '2026-02-16'],
      ['outcome-selection', 0, null, '2026-06-01'],
    ]);
    const scheduled = new Set(['outcome-upload', 'outcome-certification', 'outcome-selection', 'performance-upload']);
    expect(year.unscheduled).toEqual(ACTIVITIES.filter((a) => !scheduled.has(a)));
  });

  it('lists every activity as unscheduled in a year with no windows, and keeps the years it has', () => {
    const year = scheduleOfYear(schedule, 120, taipei('2025-10-01'));
    expect(year.windows).toEqual([]);
    expect(year.unscheduled).toHaveLength(ACTIVITIES.length);
    expect(year.years).toEqual([114, 115]);
    expect(scheduleOfYear([], 114, taipei('2025-10-01')).years).toEqual([]);
  });

  it('finds the current academic year: August starts a new one', () => {
    expect(currentAcademicYear(taipei('2026-07-31', '23:59:59'))).toBe(114);
    expect(currentAcademicYear(taipei('2026-08-01', '00:00:00'))).toBe(115);
  });
});

describe('academic year input', () => {
  it('accepts ROC academic years 100 to 999 and refuses anything else with the catalogue code', () => {
    expect(academicYearProblem(114)).toBeNull();
    expect(academicYearProblem(100)).toBeNull();
    expect(academicYearProblem(999)).toBeNull();
    for (const bad of [99, 1000, 114.5, '114', null, -114, Number.NaN]) {
      expect(academicYearProblem(bad)).toMatchObject({ code: 'import-number-invalid', params: { column: '學年度', min: 100, max: 999 } });
    }
    expect(academicYearProblem(2025)?.params.value).toBe('2025');
  });

  it('reports one issue whose message is the catalogue code', () => {
    const result = academicYearSchema.safeParse(2025);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ message: 'import-number-invalid', params: expect.objectContaining({ value: '2025' }) })]);
    expect(academicYearSchema.parse(115)).toBe(115);
  });

  it('reads a query-string year: digits as a number, text kept to show it, empty as absent', () => {
    expect(academicYearFromQuery('115')).toBe(115);
    expect(academicYearFromQuery(' 115 ')).toBe(115);
    expect(academicYearFromQuery('一一五')).toBe('一一五');
    expect(academicYearFromQuery('')).toBeUndefined();
    expect(academicYearFromQuery(undefined)).toBeUndefined();
  });
});
