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
