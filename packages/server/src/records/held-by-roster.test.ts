import { describe, expect, it } from 'vitest';
import { heldByRosterExport, type RosterExport } from './reopen.ts';

const exported = (at: string, after: object | null): RosterExport => ({ at, after: after === null ? null : JSON.stringify(after) });
const outcome = { kind: 'outcome', academic_year: 114, semester: 1 };
const competition = { kind: 'performance-competition', academic_year: 114, semester: 2 };
const SELECTED = '2025-10-01T00:00:00.000Z';
const LATER = '2025-11-01T00:00:00.000Z';

describe('whether a produced roster holds a selected record', () => {
  it('holds an outcome in 26 of its academic year, whichever semester the export named (a year roster)', () => {
    expect(heldByRosterExport([exported(LATER, { roster: 'outcomes', academicYear: 114, semester: 2 })], SELECTED, outcome)).toBe(true);
    expect(heldByRosterExport([exported(LATER, { roster: 'night-outcomes', academicYear: 114, semester: 1 })], SELECTED, outcome)).toBe(true);
    expect(heldByRosterExport([exported(LATER, { roster: 'outcomes', academicYear: 113, semester: 1 })], SELECTED, outcome)).toBe(false);
  });

  it('does not hold an outcome in a roster that carries none: 24, 25, grades, 學生資料', () => {
    for (const roster of ['cadres', 'performances', 'grades', 'student-data', 'precheck-day']) {
      expect(heldByRosterExport([exported(LATER, { roster, academicYear: 114, semester: 1 })], SELECTED, outcome), roster).toBe(false);
    }
  });

  it('holds a performance in 25 only', () => {
    expect(heldByRosterExport([exported(LATER, { roster: 'performances', academicYear: 114, semester: 1 })], SELECTED, competition)).toBe(true);
    expect(heldByRosterExport([exported(LATER, { roster: 'outcomes', academicYear: 114, semester: 2 })], SELECTED, competition)).toBe(false);
  });

  it('holds nothing exported before the selection or never selected; an export without its roster counts for its term', () => {
    expect(heldByRosterExport([exported('2025-09-01T00:00:00.000Z', { roster: 'outcomes', academicYear: 114, semester: 1 })], SELECTED, outcome)).toBe(false);
    expect(heldByRosterExport([exported(LATER, { roster: 'outcomes', academicYear: 114, semester: 1 })], null, outcome)).toBe(false);
    expect(heldByRosterExport([exported(LATER, { academicYear: 114, semester: 1, kind: '24' })], SELECTED, outcome)).toBe(true);
    expect(heldByRosterExport([exported(LATER, { academicYear: 114, semester: 2, kind: '24' })], SELECTED, outcome)).toBe(false);
  });
});
