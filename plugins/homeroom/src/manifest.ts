import { defineManifest } from '@licheng/server/manifest';

/** 導師 — Homeroom. Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`homeroom.*`), the migration table and the web app. */
  id: 'homeroom',
  office: { 'zh-TW': '導師', en: 'Homeroom' },
  /** The roles this office's screens are for. */
  roles: ['homeroom-teacher'],
  /** Whether the office exists at a school of this profile, e.g. `(school) => school.type === 'vocational'`. */
  appliesTo: () => true,
  /** The reminders a homeroom teacher sends, shown to the student above every screen (ADR 0008). */
  reminders: [{ tag: 'licheng-homeroom-reminder', roles: ['student'] }],
});
