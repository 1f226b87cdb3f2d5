import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { homeroomMigrations } from './migrations.ts';
import { homeroomRouter } from './router.ts';

export { homeroomRouter, type HomeroomRouter } from './router.ts';
export type { NoticeView } from './procedures/notice-view.ts';

/**
 * 導師 (Homeroom) as the server sees it. Add it to apps/server/src/plugins.ts and
 * enable 'homeroom' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  migrations: homeroomMigrations,
  router: homeroomRouter,
  // Plain HTTP routes (downloads, …) would go here, mounted under /api/homeroom:
  // routes: (app, { context }) => { app.get('/something', async (c) => …) },
});
