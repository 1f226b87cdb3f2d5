import { z } from 'zod';
import type { LocalizedText } from './errors.ts';
import { freeText } from './free-text.ts';

/**
 * 自傳與學習計畫 — the texts a student writes for university applications (SPEC §3.5; seed 001:
 * 學生自傳/學習計畫, checked by 輔導組 or 各班導師). Pure rules shared by the office's procedures
 * and screens.
 */

/** The two documents: 自傳 autobiography and 學習計畫 study plan (record kinds of the same ids). */
export const ESSAY_KINDS = ['autobiography', 'study-plan'] as const;
export type EssayKind = (typeof ESSAY_KINDS)[number];

/** 中文 / 英文: vocational and comprehensive schools also keep an English autobiography (中/英文自傳). */
export const ESSAY_LANGUAGES = ['zh', 'en'] as const;
export type EssayLanguage = (typeof ESSAY_LANGUAGES)[number];

/** Who checks (檢核), as the school names it: the student's homeroom teacher (導師) or counseling (輔導組). */
export const ESSAY_CHECKERS = ['homeroom-teacher', 'counseling-staff'] as const;
export type EssayChecker = (typeof ESSAY_CHECKERS)[number];

/** The highest `rules.autobiography.maxChars` a school may set; the default is 3000. */
export const ESSAY_MAX_CHARS_LIMIT = 20000;

export const essayKindLabels: Record<EssayKind, LocalizedText> = {
  autobiography: { 'zh-TW': '自傳', en: 'Autobiography' },
  'study-plan': { 'zh-TW': '學習計畫', en: 'Study plan' },
};

export const essayLanguageLabels: Record<EssayLanguage, LocalizedText> = {
  zh: { 'zh-TW': '中文', en: 'Chinese' },
  en: { 'zh-TW': '英文', en: 'English' },
};

/** The languages a school keeps when its config does not say: Chinese, and English too where vocational subjects are taught. */
export function defaultEssayLanguages(schoolType: string): EssayLanguage[] {
  return schoolType === 'vocational' || schoolType === 'comprehensive' ? ['zh', 'en'] : ['zh'];
}

/** The headed sections of a study plan (seed 001: 含生涯規劃、自我期許、專長、興趣等欄位), in the order they are written. */
export const STUDY_PLAN_SECTIONS = ['self', 'career', 'goals', 'strengths', 'interests'] as const;
export type StudyPlanSection = (typeof STUDY_PLAN_SECTIONS)[number];

export const studyPlanSectionLabels: Record<StudyPlanSection, LocalizedText> = {
  self: { 'zh-TW': '自我介紹', en: 'About me' },
  career: { 'zh-TW': '生涯規劃', en: 'Career plan' },
  goals: { 'zh-TW': '自我期許', en: 'Goals' },
  strengths: { 'zh-TW': '專長', en: 'Strengths' },
  interests: { 'zh-TW': '興趣', en: 'Interests' },
};

export type StudyPlanSections = Record<StudyPlanSection, string>;

/** A study plan's sections as a procedure takes them: each may be left blank in a draft. */
export function studyPlanSectionsSchema(maxEach: number) {
  const section = freeText({ max: maxEach, multiline: true, allowBlank: true }).default('');
  return z.strictObject(Object.fromEntries(STUDY_PLAN_SECTIONS.map((s) => [s, section])) as Record<StudyPlanSection, typeof section>);
}

/** Characters as people count them (code points), the same count as the free-text rule's limit. */
export function essayCharCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** A study plan's length: the characters the student wrote in its sections (not the headings). */
export function studyPlanCharCount(sections: StudyPlanSections): number {
  return STUDY_PLAN_SECTIONS.reduce((sum, s) => sum + essayCharCount(sections[s]), 0);
}

/** The sections still blank: a study plan is submitted for checking only with every section written. */
export function blankStudyPlanSections(sections: StudyPlanSections): StudyPlanSection[] {
  return STUDY_PLAN_SECTIONS.filter((s) => sections[s].trim() === '');
}

/** A study plan as one text (for reading and for the line diff): each section under its zh-TW heading 【生涯規劃】. */
export function studyPlanText(sections: StudyPlanSections): string {
  return STUDY_PLAN_SECTIONS.map((s) => `【${studyPlanSectionLabels[s]['zh-TW']}】\n${sections[s]}`).join('\n\n');
}
