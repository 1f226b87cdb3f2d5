export { deepText } from '@licheng/client/testing';
import type { Schedule, ScheduleWindowView } from '../api.ts';

function window(over: Partial<ScheduleWindowView> & Pick<ScheduleWindowView, 'activity' | 'start' | 'end' | 'state'>): ScheduleWindowView {
  return { semester: 1, grades: null, daysUntilOpen: null, daysLeft: null, ...over };
}

/** What `working-group.schedule.list` answers for 114 on 2025-10-01 (see the server tests for the rules). */
export const schedule114: Schedule = {
  academicYear: 114,
  today: '2025-10-01',
  kindNames: { outcome: { 'zh-TW': '課程學習成果', en: 'course learning outcome' } },
  years: [114, 115],
  windows: [
    window({ activity: 'performance-upload', semester: 0, start: '2025-08-01', end: '2026-07-31', state: 'open', daysLeft: 304 }),
    window({ activity: 'performance-upload', semester: 0, grades: [3], start: '2025-08-01', end: '2025-09-30', state: 'closed' }),
    window({ activity: 'outcome-upload', start: '2025-09-01', end: '2025-10-15', state: 'open', daysLeft: 15 }),
    window({ activity: 'outcome-certification', start: '2025-10-16', end: '2025-10-31', state: 'not-yet', daysUntilOpen: 15 }),
    window({ activity: 'outcome-upload', semester: 2, start: '2026-02-16', end: '2026-03-31', state: 'not-yet', daysUntilOpen: 138 }),
  ],
  unscheduled: ['outcome-selection', 'performance-selection', 'receipt-confirmation'],
  download: '/api/working-group/schedule.xlsx?academicYear=114',
};

/** Year 115 as seen from 114: one window, the rest to be announced. */
export const schedule115: Schedule = {
  academicYear: 115,
  today: '2025-10-01',
  kindNames: {},
  years: [114, 115],
  windows: [window({ activity: 'outcome-upload', start: '2026-09-01', end: '2026-10-15', state: 'not-yet', daysUntilOpen: 335 })],
  unscheduled: ['outcome-certification', 'outcome-selection', 'performance-upload', 'performance-selection', 'receipt-confirmation'],
  download: '/api/working-group/schedule.xlsx?academicYear=115',
};

/** The schedule of the year asked for (114 when none). */
export function scheduleFor(input: unknown): Schedule {
  return (input as { academicYear?: number } | undefined)?.academicYear === 115 ? schedule115 : schedule114;
}
