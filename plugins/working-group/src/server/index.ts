import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { workingGroupRouter } from './router.ts';
import { workingGroupRoutes } from './routes.ts';

export { workingGroupRouter, type WorkingGroupRouter } from './router.ts';
export { scheduleOfYear, currentAcademicYear, type ScheduleEntry, type ScheduleYear } from './schedule.ts';
export { scheduleWorkbook } from './schedule-workbook.ts';
export { SCHEDULE_XLSX_PATH } from './routes.ts';

/**
 * 學習歷程工作小組 (Working group): publishes the school's 作業期程 (schedule) to everyone of
 * the school, on screen and as an Excel file. The schedule is the school config's `schedule`,
 * so the office has no tables and no migrations.
 */
export default definePlugin({ ...manifest, router: workingGroupRouter, routes: workingGroupRoutes });
