import type { TestUser } from '@licheng/server/testing';

/**
 * A school's 作業期程 for the tests: academic year 114 (five activities, one of them twice over
 * for grade 3 only), 115 (one activity). Performance selection and receipt confirmation are
 * not scheduled in 114 (另行公告).
 */
export const testSchedule = [
  { activity: 'outcome-upload', academicYear: 114, semester: 1, start: '2025-09-01', end: '2025-10-15' },
  { activity: 'outcome-certification', academicYear: 114, semester: 1, start: '2025-10-16', end: '2025-10-31' },
  { activity: 'outcome-selection', academicYear: 114, semester: 0, start: '2026-06-01', end: '2026-07-15' },
  { activity: 'outcome-upload', academicYear: 114, semester: 2, start: '2026-02-16', end: '2026-03-31' },
  { activity: 'performance-upload', academicYear: 114, semester: 0, grades: [3], start: '2025-08-01', end: '2025-09-30' },
  { activity: 'performance-upload', academicYear: 114, semester: 0, start: '2025-08-01', end: '2026-07-31' },
  { activity: 'outcome-upload', academicYear: 115, semester: 1, start: '2026-09-01', end: '2026-10-15' },
];

/** An instant whose Taipei date is `date`, at `time` Taipei time. */
export function taipei(date: string, time = '12:00:00'): Date {
  return new Date(`${date}T${time}+08:00`);
}

export const staff: TestUser = { userId: 'wg-1', name: '教務主任', roles: ['working-group'] };
