import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { HomeroomRouter } from '../server/router.ts';

/** What the homeroom office's procedures return, as the screens see them (types only). */
type Outputs = inferRouterOutputs<HomeroomRouter>;
type Inputs = inferRouterInputs<HomeroomRouter>;

export type ClassList = Outputs['progress']['classes'];
export type ClassSummary = ClassList['classes'][number];
export type Progress = Outputs['progress']['class'];
export type ProgressInput = Inputs['progress']['class'];
export type StudentRow = Progress['students'][number];
export type ProgressWindow = Progress['windows'][number];
export type Totals = Progress['totals'];

export type CheckReason = StudentRow['check'][number];
export type RemindersSent = Outputs['reminders']['send'];
export type MyReminders = Outputs['reminders']['mine'];

export const paths = {
  classes: 'homeroom.progress.classes',
  progress: 'homeroom.progress.class',
  send: 'homeroom.reminders.send',
  mine: 'homeroom.reminders.mine',
  dismiss: 'homeroom.reminders.dismiss',
} as const;

/** The longest note a teacher may add to a reminder (homeroom.reminders.send). */
export const NOTE_MAX = 200;

/** The Excel download of a class's progress (a route below the Licheng API, behind the token). */
export function progressXlsxPath(className: string, term: { academicYear: number; semester: number }): string {
  const query = new URLSearchParams({ className, academicYear: String(term.academicYear), semester: String(term.semester) });
  return `/api/homeroom/progress.xlsx?${query}`;
}
