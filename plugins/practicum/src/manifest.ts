import { defineManifest } from '@licheng/server/manifest';

/**
 * 實習處 — Practicum (就業組): skill certificates (技能證照) and internships (校外實習).
 * Pure data: safe to import in the browser.
 */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`practicum.*`), the migration table and the web app. */
  id: 'practicum',
  office: { 'zh-TW': '實習處', en: 'Practicum' },
  /** The roles this office's screens are for: the office, and students (their own records, the certificates they enter). */
  roles: ['practicum-staff', 'student'],
  /**
   * Vocational (虎尾農工) and comprehensive schools have a practicum office (實習處), a
   * special-education school its 實習輔導處; a general senior high school (羅東) has none.
   */
  appliesTo: (school) => school.type !== 'general',
});
