import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { practicumMigrations } from './migrations.ts';
import { practicumRouter } from './router.ts';

export { practicumRouter, type PracticumRouter } from './router.ts';
export type { NoticeView } from './procedures/notice-view.ts';

/**
 * 實習處 (Practicum) as the server sees it. Add it to apps/server/src/plugins.ts and
 * enable 'practicum' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  migrations: practicumMigrations,
  router: practicumRouter,
  // Plain HTTP routes (downloads, …) would go here, mounted under /api/practicum:
  // routes: (app, { context }) => { app.get('/something', async (c) => …) },
});
