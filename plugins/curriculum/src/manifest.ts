import { defineManifest } from '@licheng/server/manifest';

/** 教學組 — Curriculum office. Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`curriculum.*`), the migration table and the web app. */
  id: 'curriculum',
  office: { 'zh-TW': '教學組', en: 'Curriculum office' },
  /** The roles this office's screens are for. */
  roles: ['curriculum-staff'],
  /** Whether the office exists at a school of this profile, e.g. `(school) => school.type === 'vocational'`. */
  appliesTo: () => true,
});
