import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { parseSchoolConfig } from './school.ts';
import { addDays, assertWindowOpen, findWindow, resolveSchedule, windowProblem, windowsCollide, type ScheduleWindow } from './windows.ts';

const term1 = { academicYear: 115, semester: 1 as const };
const every: ScheduleWindow = { activity: 'outcome-upload', academicYear: 115, semester: 1, start: '2026-09-01', end: '2026-10-31' };
const grade1: ScheduleWindow = { ...every, grades: [1], end: '2026-10-15' };
const class101: ScheduleWindow = { ...every, classes: ['101'], end: '2026-10-08' };
const videoKind: ScheduleWindow = { ...every, recordKinds: ['video'], end: '2026-10-20' };
const wholeYearClass: ScheduleWindow = { ...every, semester: 0, classes: ['101'], end: '2026-09-10' };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, params: e.params };
    throw e;
  }
  return null;
};

describe('findWindow with classes and record kinds', () => {
  const schedule = [every, grade1, class101, videoKind, wholeYearClass];
  it('prefers the class over the grade over everyone, within the same semester level', () => {
    expect(findWindow(schedule, 'outcome-upload', term1, { grade: 1, className: '101' })).toBe(class101);
    expect(findWindow(schedule, 'outcome-upload', term1, { grade: 1, className: '102' })).toBe(grade1);
    expect(findWindow(schedule, 'outcome-upload', term1, { grade: 2, className: '201' })).toBe(every);
  });
  it('lets a semester window beat a whole-year window however narrow', () => {
    expect(findWindow([every, wholeYearClass], 'outcome-upload', term1, { grade: 1, className: '101' })).toBe(every);
    expect(findWindow([wholeYearClass], 'outcome-upload', { academicYear: 115, semester: 2 }, { className: '101' })).toBe(wholeYearClass);
  });
  it('applies a class or kind window only to those, and prefers the kind among equals', () => {
    expect(findWindow([class101], 'outcome-upload', term1, { grade: 1 })).toBeUndefined();
    expect(findWindow([videoKind], 'outcome-upload', term1, 2)).toBeUndefined();
    expect(findWindow([every, videoKind], 'outcome-upload', term1, { grade: 2, recordKind: 'video' })).toBe(videoKind);
    expect(findWindow([every, videoKind], 'outcome-upload', term1, { grade: 2, recordKind: 'text' })).toBe(every);
  });
  it('enforces the staggered end per class on Taipei days', () => {
    const onThe9th = new Date('2026-10-09T01:00:00+08:00');
    expect(codeOf(() => assertWindowOpen(schedule, 'outcome-upload', term1, onThe9th, { grade: 1, className: '101' }))).toEqual({
      code: 'window-closed',
      params: { activity: 'outcome-upload', end: '2026-10-08' },
    });
    expect(assertWindowOpen(schedule, 'outcome-upload', term1, onThe9th, { grade: 1, className: '102' })).toBe(grade1);
  });
});

describe('resolveSchedule', () => {
  const national: ScheduleWindow = { id: 'n', activity: 'outcome-upload', academicYear: 115, semester: 1, start: '2026-09-01', end: '2026-11-15' };
  const school: ScheduleWindow = { id: 's', ...every, start: '2026-09-01', end: '2000-01-01', endFrom: { anchor: 'n', edge: 'end', offsetDays: -14 } };
  it('moves a relative end from its anchor (two weeks before the national deadline)', () => {
    const [, resolved] = resolveSchedule([national, school]);
    expect(resolved).toMatchObject({ start: '2026-09-01', end: '2026-11-01' });
  });
  it('follows chains of anchors and keeps concrete windows as they are', () => {
    const certification: ScheduleWindow = { id: 'c', activity: 'outcome-certification', academicYear: 115, semester: 1, start: '', end: '', startFrom: { anchor: 's', edge: 'end', offsetDays: 1 }, endFrom: { anchor: 's', edge: 'end', offsetDays: 10 } };
    const out = resolveSchedule([certification, school, national]);
    expect(out[0]).toMatchObject({ start: '2026-11-02', end: '2026-11-11' });
    expect(out[2]).toBe(national);
  });
  it('refuses a circle, a missing anchor and an end that lands before the start', () => {
    const a: ScheduleWindow = { ...every, id: 'a', endFrom: { anchor: 'b', edge: 'end', offsetDays: 0 } };
    const b: ScheduleWindow = { ...every, id: 'b', endFrom: { anchor: 'a', edge: 'end', offsetDays: 0 } };
    expect(codeOf(() => resolveSchedule([a, b]))?.code).toBe('schedule-cycle');
    const self: ScheduleWindow = { ...every, id: 'x', startFrom: { anchor: 'x', edge: 'end', offsetDays: -1 } };
    expect(codeOf(() => resolveSchedule([self]))).toEqual({ code: 'schedule-cycle', params: { ids: 'x' } });
    expect(codeOf(() => resolveSchedule([{ ...every, endFrom: { anchor: 'gone', edge: 'end', offsetDays: 0 } }]))).toEqual({ code: 'schedule-anchor-missing', params: { anchor: 'gone' } });
    expect(codeOf(() => resolveSchedule([national, { ...every, id: 'e', endFrom: { anchor: 'n', edge: 'start', offsetDays: -10 } }]))?.code).toBe('schedule-end-before-start');
  });
  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('windowProblem and windowsCollide', () => {
  it('wants a receipt confirmation window of at least 3 days', () => {
    expect(windowProblem({ activity: 'receipt-confirmation', start: '2026-07-01', end: '2026-07-02' })).toEqual({ code: 'receipt-window-too-short', params: { min: 3, days: 2 } });
    expect(windowProblem({ activity: 'receipt-confirmation', start: '2026-07-01', end: '2026-07-03' })).toBeNull();
    expect(windowProblem({ activity: 'outcome-upload', start: '2026-07-02', end: '2026-07-01' })?.code).toBe('schedule-end-before-start');
  });
  it('sees windows for different classes, kinds or batches as separate, and overlapping ones as colliding', () => {
    expect(windowsCollide(class101, { ...every, classes: ['102'] })).toBe(false);
    expect(windowsCollide(class101, { ...every, classes: ['102', '101'] })).toBe(true);
    expect(windowsCollide(every, grade1)).toBe(false);
    expect(windowsCollide(every, { ...every, end: '2026-12-01' })).toBe(true);
    const roster: ScheduleWindow = { activity: 'roster-submission', academicYear: 115, semester: 1, start: '2026-10-01', end: '2026-10-10', qualifier: '第 1 梯次' };
    expect(windowsCollide(roster, { ...roster, qualifier: '第 2 梯次' })).toBe(false);
    expect(windowsCollide(roster, { ...roster })).toBe(true);
  });
  it('takes the new fields in a school config, and refuses a repeated audience there', () => {
    const config = parseSchoolConfig({
      code: '120401',
      name: 'x',
      type: 'general',
      schedule: [
        { id: 'n', ...every, selfCheck: '2026-11-05' },
        { ...every, classes: ['101'], endFrom: { anchor: 'n', edge: 'end', offsetDays: -14 } },
        { activity: 'pre-check', academicYear: 115, semester: 1, start: '2026-09-01', end: '2026-09-28' },
      ],
    });
    expect(config.schedule[0]?.selfCheck).toBe('2026-11-05');
    expect(config.schedule[1]?.endFrom).toEqual({ anchor: 'n', edge: 'end', offsetDays: -14 });
    expect(() => parseSchoolConfig({ code: '120401', name: 'x', type: 'general', schedule: [every, { ...every }] })).toThrow(/repeats the window/);
  });
});
