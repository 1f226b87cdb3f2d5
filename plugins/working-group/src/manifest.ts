import { defineManifest } from '@licheng/server/manifest';

/** 學習歷程工作小組 — Working group. Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`working-group.*`), the migration table and the web app. */
  id: 'working-group',
  office: { 'zh-TW': '學習歷程工作小組', en: 'Working group' },
  /** The roles this office's screens are for. */
  roles: ['working-group'],
  /** Whether the office exists at a school of this profile, e.g. `(school) => school.type === 'vocational'`. */
  appliesTo: () => true,
});
