import { defineManifest } from '@licheng/server/manifest';

/**
 * 學務處 — Student affairs: its sections keep their records of students through the generic
 * record procedures — 訓育組 cadres, service hours, extracurricular courses and trips; 生輔組
 * attendance and rewards/punishments; 社團活動組 clubs; 體育組 physical fitness.
 * Pure data: safe to import in the browser.
 */
export default defineManifest({
  /** kebab-case and never renamed: it names the router (`student-affairs.*`) and the web app. */
  id: 'student-affairs',
  office: { 'zh-TW': '學務處', en: 'Student affairs' },
  /** The whole office and each section (訓育組, 生輔組, 社團活動組, 體育組). */
  roles: ['student-affairs-staff', 'activities-staff', 'discipline-staff', 'clubs-staff', 'pe-staff'],
  /** Every senior high school has a 學務處. */
  appliesTo: () => true,
});
