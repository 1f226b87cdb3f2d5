import { defineManifest } from '@licheng/server/manifest';

/** __OFFICE_ZH__ — __OFFICE_EN__. Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`__ID__.*`), the migration table and the web app. */
  id: '__ID__',
  office: { 'zh-TW': '__OFFICE_ZH__', en: '__OFFICE_EN__' },
  /** The roles this office's screens are for. */
  roles: ['__ROLE__'],
  /** Whether the office exists at a school of this profile, e.g. `(school) => school.type === 'vocational'`. */
  appliesTo: () => true,
});
