import { describe, expect, it } from 'vitest';
import type { ScheduleWindow } from '@licheng/core';
import { checkReasons, noOtherCounts, progressTotals, progressWindows, reminderReasons, remindable } from './progress-rules.ts';
import { resolveTerm } from './term.ts';

const none = { uploaded: 0, pending: 0, passed: 0, failed: 0, selected: 0 };

describe('reminderReasons', () => {
  it('flags nothing uploaded, a failed outcome, and certified outcomes none of which is selected', () => {
    expect(reminderReasons(none)).toEqual(['no-upload']);
    expect(reminderReasons({ ...none, uploaded: 2, pending: 2 })).toEqual([]);
    expect(reminderReasons({ ...none, uploaded: 2, failed: 1, passed: 1 })).toEqual(['failed', 'not-selected']);
    expect(reminderReasons({ ...none, uploaded: 1, passed: 1, selected: 1 })).toEqual([]);
    // Selected last term (the same academic year): nothing to remind about selection.
    expect(reminderReasons({ ...none, selected: 2 })).toEqual(['no-upload']);
  });
});

describe('checkReasons', () => {
  const other = () => noOtherCounts();
  it('adds performances failed, passed but none selected, or over the cap, and anything pending, to the outcome reminders', () => {
    const done = { ...none, uploaded: 1, passed: 1, selected: 1 };
    expect(checkReasons(done, other(), 10)).toEqual([]);
    const p = other();
    p.performance = { counting: 4, passed: 3, pending: 0, failed: 1, selected: 1, exempt: 2 };
    // Fewer selected than the cap is the student's choice (SPEC §3.7): only none at all is flagged.
    expect(checkReasons(done, p, 10)).toEqual(['performance-failed']);
    p.performance = { counting: 3, passed: 3, pending: 0, failed: 0, selected: 0, exempt: 0 };
    expect(checkReasons(done, p, 10)).toEqual(['performance-unselected']);
    p.performance = { counting: 12, passed: 12, pending: 0, failed: 0, selected: 10, exempt: 0 };
    expect(checkReasons(done, p, 10)).toEqual([]);
    p.performance.selected = 11;
    expect(checkReasons(done, p, 10)).toEqual(['performance-over-cap']);
    const office = other();
    office.office = { records: 2, pending: 1, failed: 0 };
    const reasons = checkReasons(none, office, 10);
    expect(reasons).toEqual(['no-upload', 'pending']);
    expect(remindable(reasons)).toEqual(['no-upload']);
  });
});

describe('progressWindows', () => {
  const term = { academicYear: 114, semester: 1 as const };
  const schedule: ScheduleWindow[] = [
    { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-09-01', end: '2025-10-31' },
    { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-09-01', end: '2025-11-15', grades: [3] },
    { activity: 'outcome-certification', academicYear: 114, semester: 1, start: '2025-11-01', end: '2025-11-30' },
  ];
  // 2025-10-31T16:30Z is already 2025-11-01 in Taipei.
  const at = (iso: string) => new Date(iso);

  it('counts the days left while open (0 on the last day) and the days until a window opens, on Taipei dates', () => {
    const [upload, certification, selection] = progressWindows(schedule, term, 1, at('2025-10-01T04:00:00Z'));
    expect(upload).toEqual({ activity: 'outcome-upload', start: '2025-09-01', end: '2025-10-31', state: 'open', daysLeft: 31, daysUntilOpen: null });
    expect(certification).toEqual({ activity: 'outcome-certification', start: '2025-11-01', end: '2025-11-30', state: 'not-yet', daysLeft: null, daysUntilOpen: 31 });
    expect(selection).toEqual({ activity: 'outcome-selection', start: null, end: null, state: 'unscheduled', daysLeft: null, daysUntilOpen: null });
    expect(progressWindows(schedule, term, 1, at('2025-10-31T15:00:00Z'))[0]).toMatchObject({ state: 'open', daysLeft: 1 });
    expect(progressWindows(schedule, term, 1, at('2025-10-31T16:30:00Z'))[0]).toMatchObject({ state: 'closed', daysLeft: null });
  });

  it("follows the class's grade to a grade-limited window", () => {
    expect(progressWindows(schedule, term, 3, at('2025-11-05T04:00:00Z'))[0]).toMatchObject({ end: '2025-11-15', state: 'open', daysLeft: 11 });
  });
});

describe('progressTotals', () => {
  it('sums the counts and counts students without uploads and needing a reminder', () => {
    const totals = progressTotals([
      { ...none, uploaded: 2, pending: 1, passed: 1, selected: 1, reminders: [], check: ['pending'] },
      { ...none, reminders: ['no-upload'], check: ['no-upload'] },
      { ...none, uploaded: 1, failed: 1, reminders: ['failed'], check: ['failed'] },
    ]);
    expect(totals).toEqual({
      students: 3,
      studentsUploaded: 2,
      studentsWithoutUploads: 1,
      studentsNeedingReminder: 2,
      studentsIncomplete: 3,
      check: { 'no-upload': 1, failed: 1, 'not-selected': 0, 'performance-failed': 0, 'performance-unselected': 0, 'performance-over-cap': 0, 'receipt-unconfirmed': 0, pending: 1 },
      uploaded: 3,
      pending: 1,
      passed: 1,
      failed: 1,
      selected: 1,
    });
    expect(progressTotals([])).toMatchObject({ students: 0, uploaded: 0 });
  });
});

describe('resolveTerm', () => {
  it('defaults each part to the current term on the Taipei calendar', () => {
    expect(resolveTerm(new Date('2026-01-31T17:00:00Z'), {})).toEqual({ academicYear: 114, semester: 2 });
    expect(resolveTerm(new Date('2025-10-01T04:00:00Z'), { semester: 2 })).toEqual({ academicYear: 114, semester: 2 });
    expect(resolveTerm(new Date('2025-10-01T04:00:00Z'), { academicYear: 113 })).toEqual({ academicYear: 113, semester: 1 });
  });
});
