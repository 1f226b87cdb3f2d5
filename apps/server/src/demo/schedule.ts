import { academicTermOf, academicYearRange, addDays, taipeiDate, type SchoolConfig } from '@licheng/core';

/**
 * The demo school's windows: the current term's upload, certification, pre-check and roster
 * submission windows and the year's selection window are open today, so every screen has
 * something to do; each has a self-check date (自我檢核日期) a week before it ends. Given to a demo
 * whose config has no `schedule`, they seed the database on the demo folder's first start (ADR
 * 0021); from then on the working group changes them on screen.
 */
export function demoSchedule(now: Date): SchoolConfig['schedule'] {
  const today = taipeiDate(now);
  const { academicYear, semester } = academicTermOf(today);
  const year = academicYearRange(academicYear);
  const termStart = semester === 1 ? year.start : `${Number(year.start.slice(0, 4)) + 1}-02-01`;
  const termEnd = semester === 1 ? `${Number(year.start.slice(0, 4)) + 1}-02-14` : year.end;
  const windows: SchoolConfig['schedule'] = [
    { activity: 'outcome-upload', academicYear, semester, start: termStart, end: termEnd },
    { activity: 'outcome-certification', academicYear, semester, start: termStart, end: termEnd },
    { activity: 'outcome-selection', academicYear, semester: 0, start: year.start, end: year.end },
    { activity: 'performance-upload', academicYear, semester: 0, start: year.start, end: year.end },
    { activity: 'performance-selection', academicYear, semester: 0, start: year.start, end: year.end },
    { activity: 'autobiography', academicYear, semester: 0, start: year.start, end: year.end },
    { activity: 'grade-check', academicYear, semester, start: termStart, end: termEnd },
    { activity: 'pre-check', academicYear, semester, start: termStart, end: termEnd },
    { activity: 'roster-submission', academicYear, semester, start: termStart, end: termEnd },
  ];
  return windows.map((w) => ({ ...w, selfCheck: addDays(w.end, -7) }));
}
