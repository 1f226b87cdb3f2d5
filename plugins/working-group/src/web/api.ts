import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { WorkingGroupRouter } from '../server/router.ts';

/** What the working group's procedures take and return, as the screens see them (types only). */
type Outputs = inferRouterOutputs<WorkingGroupRouter>;
type Inputs = inferRouterInputs<WorkingGroupRouter>;

export type Schedule = Outputs['schedule']['list'];
export type ScheduleWindowView = Schedule['windows'][number];
export type ScheduleListInput = Inputs['schedule']['list'];
export type PublicSchedule = Outputs['schedule']['public'];

export type ProxiesOverview = Outputs['proxies']['list'];
export type ProxyList = ProxiesOverview['lists'][number];
export type ProxySaveInput = Inputs['proxies']['save'];
export type AbsenceRecordInput = Inputs['absences']['record'];
export type DepartureRecordInput = Inputs['departures']['record'];

export const paths = {
  list: 'working-group.schedule.list',
  public: 'working-group.schedule.public',
  proxies: 'working-group.proxies.list',
  proxiesSave: 'working-group.proxies.save',
  absencesRecord: 'working-group.absences.record',
  absencesEnd: 'working-group.absences.end',
  departuresRecord: 'working-group.departures.record',
  departuresWithdraw: 'working-group.departures.withdraw',
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
