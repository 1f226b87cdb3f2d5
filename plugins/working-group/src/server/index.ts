import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { workingGroupMigrations } from './migrations.ts';
import { workingGroupRouter } from './router.ts';
import { workingGroupRoutes } from './routes.ts';

export { workingGroupRouter, type WorkingGroupRouter } from './router.ts';
export { scheduleOfYear, currentAcademicYear, type ScheduleEntry, type ScheduleYear } from './schedule.ts';
export { scheduleWorkbook } from './schedule-workbook.ts';
export { SCHEDULE_XLSX_PATH } from './routes.ts';
export type * from './views.ts';

/**
 * 學習歷程工作小組 (Working group): publishes the school's 作業期程 (schedule) to everyone of
 * the school, on screen and as an Excel file (the school config's `schedule`), and keeps the
 * group's own records: its members per academic year, its meetings (agenda, minutes,
 * decisions, attendance) and its trainings (研習與宣導), with the semesters that lack either.
 */
export default definePlugin({ ...manifest, migrations: workingGroupMigrations, router: workingGroupRouter, routes: workingGroupRoutes });
