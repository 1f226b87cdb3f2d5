import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { autobiographyMigrations } from './migrations.ts';
import { autobiographyRouter } from './router.ts';
import { autobiographyRetention } from './retention.ts';

export { autobiographyRouter, type AutobiographyRouter } from './router.ts';
export type { CheckView, DocumentView, VersionTextView, VersionView } from './views.ts';

/**
 * 自傳與學習計畫 (Autobiography and study plan): students write and submit, the school's checker
 * (導師 or 輔導組, `rules.autobiography.checker`) checks. Enabled by 'autobiography' in a school
 * config's `plugins.enabled`.
 */
export default definePlugin({
  ...manifest,
  migrations: autobiographyMigrations,
  retention: autobiographyRetention,
  router: autobiographyRouter,
});
