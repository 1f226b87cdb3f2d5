import type { PlatformMe } from '@licheng/server';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { StudentRouter } from '../server/router.ts';

/** What the student office's procedures return, as the screens see them (types only; no server code reaches the browser). */
type Outputs = inferRouterOutputs<StudentRouter>;
type Inputs = inferRouterInputs<StudentRouter>;

export type Outcome = Outputs['outcomes']['list'][number];
export type CourseList = Outputs['courses']['list'];
export type Course = CourseList['courses'][number];
export type Selection = Outputs['selections']['get'];
export type SelectionSaved = Outputs['selections']['save'];
export type SelectionSaveInput = Inputs['selections']['save'];
export type PerformanceKinds = Outputs['performances']['kinds'];
export type PerformanceKind = PerformanceKinds['kinds'][number];
export type PerformanceList = Outputs['performances']['list'];
export type Performance = PerformanceList['rows'][number];
export type PerformanceChange = Outputs['performances']['upload'];
export type PerformanceSelection = Outputs['performances']['selection']['get'];
export type PerformanceSelectionItem = PerformanceSelection['items'][number];
export type PerformanceSelectionSaved = Outputs['performances']['selection']['save'];

/** What `platform.me` returns. */
export type Me = PlatformMe;

/** Procedure paths of the student office. */
export const paths = {
  coursesList: 'student.courses.list',
  outcomesList: 'student.outcomes.list',
  outcomesUpload: 'student.outcomes.upload',
  outcomesResubmit: 'student.outcomes.resubmit',
  selectionsGet: 'student.selections.get',
  selectionsSave: 'student.selections.save',
  performancesKinds: 'student.performances.kinds',
  performancesList: 'student.performances.list',
  performancesUpload: 'student.performances.upload',
  performancesCorrect: 'student.performances.correct',
  performancesWithdraw: 'student.performances.withdraw',
  performanceSelectionGet: 'student.performances.selection.get',
  performanceSelectionSave: 'student.performances.selection.save',
  me: 'platform.me',
} as const;

/** Client-side hints of the national file limits (the server is authoritative). */
export const LIMITS = {
  document: { accept: '.pdf,.jpg,.jpeg,.png', maxBytes: 4 * 1024 * 1024 },
  media: { accept: '.mp3,.mp4', maxBytes: 10 * 1024 * 1024 },
  summaryMax: 100,
} as const;
