import type { LocalizedText } from './errors.ts';

/**
 * The kinds of work the school schedules (作業期程). Each window in a school's schedule
 * opens one of these for an academic year or one semester of it.
 */
export const ACTIVITIES = [
  'outcome-upload',
  'outcome-certification',
  'outcome-selection',
  'performance-upload',
  'performance-selection',
  'receipt-confirmation',
  'autobiography',
  'grade-check',
  'pre-check',
  'roster-submission',
] as const;

export type Activity = (typeof ACTIVITIES)[number];

export const activityLabels: Record<Activity, LocalizedText> = {
  'outcome-upload': { 'zh-TW': '課程學習成果上傳', en: 'outcome upload' },
  'outcome-certification': { 'zh-TW': '課程學習成果認證', en: 'outcome certification' },
  'outcome-selection': { 'zh-TW': '課程學習成果勾選', en: 'outcome selection' },
  'performance-upload': { 'zh-TW': '多元表現上傳', en: 'performance upload' },
  'performance-selection': { 'zh-TW': '多元表現勾選', en: 'performance selection' },
  'receipt-confirmation': { 'zh-TW': '收訖明細確認', en: 'receipt confirmation' },
  /** 自傳與學習計畫 撰寫 — the students write and submit their autobiography and study plan. */
  autobiography: { 'zh-TW': '自傳與學習計畫撰寫', en: 'autobiography and study plan writing' },
  /** 成績複查 — students check their grades and credits and raise appeals before the course-record roster. */
  'grade-check': { 'zh-TW': '成績複查', en: 'grade check and appeal' },
  /** 開課預檢及比對 — offerings and enrolments compared with the approved plan, within 4 weeks of semester start. */
  'pre-check': { 'zh-TW': '開課預檢', en: 'course pre-check' },
  /** 名冊提交 — the offices submit their rosters to the central database (per roster and batch: a window's qualifier). */
  'roster-submission': { 'zh-TW': '名冊提交', en: 'roster submission' },
};
