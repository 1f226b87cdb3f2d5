import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { WorkingGroupRouter } from '../server/router.ts';

/** What the working group's procedures take and return, as the screens see them (types only). */
type Outputs = inferRouterOutputs<WorkingGroupRouter>;
type Inputs = inferRouterInputs<WorkingGroupRouter>;

export type Schedule = Outputs['schedule']['list'];
export type ScheduleWindowView = Schedule['windows'][number];
export type ScheduleListInput = Inputs['schedule']['list'];

export const paths = {
  list: 'working-group.schedule.list',
} as const;

export type EditorSchedule = Outputs['schedule']['windows'];
export type StoredWindowView = EditorSchedule['windows'][number];
export type ScheduleLoad = Outputs['schedule']['load'];
export type WindowSaveInput = Inputs['schedule']['save'];

export const editorPaths = {
  windows: 'working-group.schedule.windows',
  save: 'working-group.schedule.save',
  remove: 'working-group.schedule.remove',
  restore: 'working-group.schedule.restore',
  load: 'working-group.schedule.load',
} as const;
