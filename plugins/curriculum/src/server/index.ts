import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { curriculumMigrations } from './migrations.ts';
import { curriculumRouter } from './router.ts';
import { curriculumRoutes } from './routes.ts';
import { curriculumRetention } from './retention.ts';

export { curriculumRouter, type CurriculumRouter } from './router.ts';
export type * from './views.ts';
export { PRECHECK_KIND_LABELS, FIXER_LABELS } from './labels.ts';
export { currentPlanLines } from './plan-read.ts';

/** 教學組 (Curriculum office): the approved course plan in versions, class groups, and the pre-check (開課預檢及比對). */
export default definePlugin({
  ...manifest,
  migrations: curriculumMigrations,
  retention: curriculumRetention,
  router: curriculumRouter,
  routes: curriculumRoutes,
});
