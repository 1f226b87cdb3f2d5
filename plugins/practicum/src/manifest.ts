import { defineManifest } from '@licheng/server/manifest';

/** 實習處 — Practicum. Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`practicum.*`), the migration table and the web app. */
  id: 'practicum',
  office: { 'zh-TW': '實習處', en: 'Practicum' },
  /** The roles this office's screens are for. */
  roles: ['practicum-staff'],
  /** Whether the office exists at a school of this profile, e.g. `(school) => school.type === 'vocational'`. */
  appliesTo: () => true,
});
