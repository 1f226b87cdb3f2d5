import { describe, expect, it } from 'vitest';
import { isRosterBirthDate, recordProblems, ROSTER_CHECK_CODES, ROW_BLOCKING_CHECKS, rowIdentityProblems } from './roster-checks.ts';

describe('roster checks', () => {
  it('reads 出生日期 as a real 7-digit ROC date', () => {
    expect(isRosterBirthDate('0980301')).toBe(true);
    expect(isRosterBirthDate(980301)).toBe(true);
    expect(isRosterBirthDate('0980230')).toBe(false);
    expect(isRosterBirthDate('980301')).toBe(false);
    expect(isRosterBirthDate('2009-03-01')).toBe(false);
    expect(isRosterBirthDate('')).toBe(false);
  });

  it('finds a missing or wrong 身分證號 and a wrong 出生日期', () => {
    expect(rowIdentityProblems('A123456789', '0980301')).toEqual([]);
    expect(rowIdentityProblems('', '0980301')).toEqual(['missing-national-id']);
    expect(rowIdentityProblems('A123456788', '0981301')).toEqual(['invalid-national-id', 'invalid-birth-date']);
  });

  it('finds an uncertified record, selections over the cap, a file over its limit and a code the plan lacks', () => {
    const ok = { status: 'passed', selected: 6, cap: 6, files: { document: 4 * 1024 * 1024, media: null }, inPlan: true };
    expect(recordProblems(ok)).toEqual([]);
    expect(recordProblems({ ...ok, inPlan: null })).toEqual([]);
    expect(recordProblems({ status: 'pending', selected: 7, cap: 6, files: { media: 10 * 1024 * 1024 + 1 }, inPlan: false })).toEqual(['not-certified', 'over-selection-cap', 'file-too-large', 'course-not-in-plan']);
  });

  it('keeps back the rows the central database rejects as rows; reports the cap and file sizes without keeping rows back', () => {
    expect(ROSTER_CHECK_CODES.filter((c) => !ROW_BLOCKING_CHECKS.has(c))).toEqual(['over-selection-cap', 'file-too-large']);
  });
});
