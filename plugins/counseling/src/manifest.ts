import { defineManifest } from '@licheng/server/manifest';

/**
 * 輔導室 — Counseling, with the course consultants (課程諮詢教師): 學群(類群)探索與就業規劃,
 * course consultation records (課程諮詢紀錄, kept in the school), counseling data (輔導資料,
 * only counseling sees it) and who advises whom. Pure data: safe to import in the browser.
 */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`counseling.*`), the migration table and the web app. */
  id: 'counseling',
  office: { 'zh-TW': '輔導室', en: 'Counseling' },
  /** Counseling staff, and the course consultants who record their advisees' consultations. */
  roles: ['counseling-staff', 'course-consultant'],
  /** Every senior high school has counseling and course consultants. */
  appliesTo: () => true,
});
