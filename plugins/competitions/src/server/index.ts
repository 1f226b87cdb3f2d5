import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { competitionsRouter } from './router.ts';
import { competitionsRoutes } from './routes.ts';

export { competitionsRouter, type CompetitionsRouter } from './router.ts';

/**
 * 校內競賽 (Competitions) as the server sees it: results live in the platform's `records` table
 * (kind 'competition-in'); no tables of its own. Enable 'competitions' in a school config.
 */
export default definePlugin({
  ...manifest,
  router: competitionsRouter,
  routes: competitionsRoutes,
});
