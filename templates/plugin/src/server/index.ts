import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { __CAMEL__Migrations } from './migrations.ts';
import { __CAMEL__Router } from './router.ts';

export { __CAMEL__Router, type __PASCAL__Router } from './router.ts';
export type { NoticeView } from './procedures/notice-view.ts';

/**
 * __OFFICE_ZH__ (__OFFICE_EN__) as the server sees it. Add it to apps/server/src/plugins.ts and
 * enable '__ID__' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  migrations: __CAMEL__Migrations,
  router: __CAMEL__Router,
  // Plain HTTP routes (downloads, …) would go here, mounted under /api/__ID__:
  // routes: (app, { context }) => { app.get('/something', async (c) => …) },
});
