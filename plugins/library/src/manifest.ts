import { defineManifest } from '@licheng/server/manifest';

/**
 * 圖書館 — Library: reading records (閱讀紀錄) students enter and the library certifies.
 * Pure data: safe to import in the browser.
 */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`library.*`), the migration table and the web app. */
  id: 'library',
  office: { 'zh-TW': '圖書館', en: 'Library' },
  /** Library staff certify and import; a student enters their own reading records here. */
  roles: ['library-staff', 'student'],
  /** Every school has a library. */
  appliesTo: () => true,
});
