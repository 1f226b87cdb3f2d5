import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { homeroomMigrations } from './migrations.ts';
import { homeroomRouter } from './router.ts';
import { homeroomRoutes } from './routes.ts';
import { homeroomRetention } from './retention.ts';

export { homeroomRouter, type HomeroomRouter } from './router.ts';
export type { ClassProgress, StudentProgress } from './class-progress.ts';
export type { HomeroomClass } from './class-access.ts';
export type { CheckReason, OtherCounts, ProgressWindow, ProgressTotals, ReminderReason } from './progress-rules.ts';

/**
 * 導師 (Homeroom): a homeroom teacher follows their class's course learning outcomes —
 * uploads, certification and selection — and, across every other record kind, the year's
 * performances and office records; runs the completeness check before submission; downloads it
 * as Excel; and reminds chosen students (homeroom_reminders, shown to them by
 * <licheng-homeroom-reminder>). The classes and their
 * homeroom teachers are the platform's `classes` table (imported as 班級名冊). Add it to
 * apps/server/src/plugins.ts and enable 'homeroom' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  migrations: homeroomMigrations,
  retention: homeroomRetention,
  router: homeroomRouter,
  routes: homeroomRoutes,
});
