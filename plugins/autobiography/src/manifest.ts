import { defineManifest } from '@licheng/server/manifest';

/** 自傳與學習計畫 — Autobiography and study plan. Pure data: safe to import in the browser. */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`autobiography.*`), the migration table and the web app. */
  id: 'autobiography',
  office: { 'zh-TW': '自傳與學習計畫', en: 'Autobiography and study plan' },
  /** Students write; the checker the school names (導師 or 輔導組) checks. */
  roles: ['student', 'homeroom-teacher', 'counseling-staff'],
  /** Every school: general schools write in Chinese, vocational and comprehensive ones in English too. */
  appliesTo: () => true,
});
