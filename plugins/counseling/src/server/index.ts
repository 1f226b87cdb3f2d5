import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { counselingRouter } from './router.ts';
import { counselingRoutes } from './routes.ts';

export { counselingRouter, COUNSELING_KINDS, type CounselingRouter } from './router.ts';
export type { AdviseeLink, AdviseeList } from './procedures/advisees-list.ts';
export type { AdviseeImportReport } from './advisee-import.ts';

/**
 * 輔導室 (Counseling) as the server sees it: its kinds in the platform's `records` table through
 * the generic record procedures, group consultations, and the advisee links (table `advisees`)
 * counseling keeps between course consultants and students. No tables of its own.
 */
export default definePlugin({
  ...manifest,
  router: counselingRouter,
  routes: counselingRoutes,
});
