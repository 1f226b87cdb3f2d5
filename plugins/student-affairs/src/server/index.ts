import { definePlugin, recordKindRoutes } from '@licheng/server';
import manifest from '../manifest.ts';
import { STUDENT_AFFAIRS_KINDS, studentAffairsRouter } from './router.ts';

export { STUDENT_AFFAIRS_KINDS, studentAffairsRouter, type StudentAffairsRouter } from './router.ts';

/**
 * 學務處 (Student affairs) as the server sees it. Its records live in the platform's `records`
 * table; it has no tables of its own. Plain HTTP downloads under /api/student-affairs/records:
 * each kind's import template and the export.
 */
export default definePlugin({
  ...manifest,
  router: studentAffairsRouter,
  routes: (app, deps) => recordKindRoutes(app, deps, STUDENT_AFFAIRS_KINDS),
});
