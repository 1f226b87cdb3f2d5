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
 * 學習歷程工作小組 (Working group): sets the school's 作業期程 (schedule) on screen and publishes it
 * to everyone of the school, on screen and as an Excel file. The windows live in the platform's
 * `schedule_windows` table (seeded once from the school config, ADR 0021), which every office
 * reads with `scheduleOf(ctx)`. The group's own records are its members per academic year, its
 * meetings (agenda, minutes, decisions, attendance) and its trainings (研習與宣導), with the
 * semesters that lack either; and the proxies (代理人), absences and departures (platform tables,
 * ADR 0023).
 */
export default definePlugin({ ...manifest, migrations: workingGroupMigrations, router: workingGroupRouter, routes: workingGroupRoutes });
