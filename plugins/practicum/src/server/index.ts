import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { practicumRouter } from './router.ts';
import { practicumRoutes } from './routes.ts';

export { practicumRouter, type PracticumRouter } from './router.ts';
export type { CertificateView, InternshipView } from './procedures/record-views.ts';
export type { ImportReport } from './certificate-import.ts';

/**
 * 實習處 (Practicum) as the server sees it. Its records live in the platform's `records`
 * table (kinds 'skill-certificate' and 'internship'); it has no tables of its own. Add it to
 * apps/server/src/plugins.ts and enable 'practicum' in a school config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  router: practicumRouter,
  routes: practicumRoutes,
});
