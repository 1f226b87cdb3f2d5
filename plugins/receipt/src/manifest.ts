import { defineManifest } from '@licheng/server/manifest';

/** 收訖確認 — Receipt confirmation. Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`receipt.*`), the migration table and the web app. */
  id: 'receipt',
  office: { 'zh-TW': '收訖確認', en: 'Receipt confirmation' },
  /** The roles this office's screens are for. */
  roles: ['student'],
  /** Whether the office exists at a school of this profile, e.g. `(school) => school.type === 'vocational'`. */
  appliesTo: () => true,
});
