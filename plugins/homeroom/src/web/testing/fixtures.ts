import type { ClassList, Progress, StudentRow } from '../api.ts';
// Test data shaped by the same pure rules the server applies (no I/O in them).
import { checkReasons, noOtherCounts, progressTotals, remindable, type OtherCounts } from '../../server/progress-rules.ts';

export { deepText } from '@licheng/client/testing';

export function student(over: Partial<StudentRow> & { seatNo: number; name: string; performance?: Partial<OtherCounts['performance']> }): StudentRow {
  const { performance, ...rest } = over;
  const counts = { uploaded: 0, pending: 0, passed: 0, failed: 0, selected: 0, ...rest };
  const other = noOtherCounts();
  Object.assign(other.performance, performance);
  const check = checkReasons(counts, other, 10);
  return { id: `s-${over.seatNo}`, studentNo: `1140${String(over.seatNo).padStart(2, '0')}`, reminders: remindable(check), check, other, kinds: [], lastReminder: null, ...counts } as StudentRow;
}

/** A class's progress as the server shapes it, totals computed from the rows. */
export function progress(className: string, students: StudentRow[]): Progress {
  return {
    class: { id: `c-${className}`, className, grade: 1, academicYear: 114, homeroomTeacherName: '王美玲' },
    term: { academicYear: 114, semester: 1 },
    selectionCap: 6,
    performanceCap: 10,
    today: '2025-10-01',
    windows: [
      { activity: 'outcome-upload', start: '2025-08-01', end: '2025-10-15', state: 'open', daysLeft: 15, daysUntilOpen: null },
      { activity: 'outcome-certification', start: '2025-10-01', end: '2025-10-01', state: 'open', daysLeft: 1, daysUntilOpen: null },
      { activity: 'outcome-selection', start: '2025-11-01', end: '2026-01-31', state: 'not-yet', daysLeft: null, daysUntilOpen: 31 },
    ],
    students,
    totals: progressTotals(students),
  } as Progress;
}

export const class101 = progress('101', [
  student({ seatNo: 1, name: '陳怡君', uploaded: 3, pending: 1, passed: 2, selected: 2, performance: { counting: 3, passed: 3, selected: 3, exempt: 1 } }),
  student({ seatNo: 2, name: '林家豪', uploaded: 1, failed: 1, performance: { counting: 2, passed: 2 } }),
  student({ seatNo: 3, name: '黃雅婷' }),
]);

export const class102 = progress('102', [student({ seatNo: 1, name: '張冠宇', uploaded: 2, passed: 2 })]);

export function classList(...names: string[]): ClassList {
  return { academicYear: 114, classes: names.map((className) => ({ id: `c-${className}`, className, grade: 1, academicYear: 114, homeroomTeacherName: '王美玲' })) } as ClassList;
}
