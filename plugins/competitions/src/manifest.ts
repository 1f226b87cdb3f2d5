import { defineManifest } from '@licheng/server/manifest';

/**
 * 校內競賽登錄 — Competitions: any office or department registers the in-school competitions it
 * ran (競賽名稱, 項目, 等級, 日期, 主辦單位) with their results (student, 獎項), one by one or from
 * Excel, as kind 'competition-in'. Registered by the school, they appear among the student's
 * records and do not count toward the student's 10 (core's countsTowardPerformanceCap).
 * Pure data: safe to import in the browser.
 */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`competitions.*`) and the web app. */
  id: 'competitions',
  office: { 'zh-TW': '校內競賽', en: 'Competitions' },
  /** 各處室: every office role may register the competitions it ran (seed 000's table). */
  roles: ['registry-staff', 'curriculum-staff', 'student-affairs-staff', 'activities-staff', 'discipline-staff', 'clubs-staff', 'pe-staff', 'counseling-staff', 'practicum-staff', 'library-staff'],
  /** Each office's staff land on their own desk; this one follows it in the navigation. */
  sharedDesk: true,
  /** Every school runs competitions. */
  appliesTo: () => true,
});
