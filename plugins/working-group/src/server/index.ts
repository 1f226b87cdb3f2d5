import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { workingGroupMigrations } from './migrations.ts';
import { workingGroupRouter } from './router.ts';

export { workingGroupRouter, type WorkingGroupRouter } from './router.ts';
export type { NoticeView } from './procedures/notice-view.ts';

/**
 * 學習歷程工作小組 (Working group) as the server sees it. Add it to apps/server/src/plugins.ts and
 * enable 'working-group' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  migrations: workingGroupMigrations,
  router: workingGroupRouter,
  // Plain HTTP routes (downloads, …) would go here, mounted under /api/working-group:
  // routes: (app, { context }) => { app.get('/something', async (c) => …) },
});
