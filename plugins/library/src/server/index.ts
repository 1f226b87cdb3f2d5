import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { libraryRouter } from './router.ts';
import { libraryRoutes } from './routes.ts';

export { libraryRouter, LIBRARY_KINDS, type LibraryRouter } from './router.ts';

/**
 * 圖書館 (Library) as the server sees it: reading records (kind 'reading') in the platform's
 * `records` table through the generic record procedures, and the library's certification. It
 * has no tables of its own. Enable 'library' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  router: libraryRouter,
  routes: libraryRoutes,
});
