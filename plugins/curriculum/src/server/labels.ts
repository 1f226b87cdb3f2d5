import type { Locale, PrecheckFixer, PrecheckKind } from '@licheng/core';

/** The kinds of 「不同」 in words (the export and the screens say the same). */
export const PRECHECK_KIND_LABELS: Record<PrecheckKind, { 'zh-TW': string; en: string }> = {
  'plan-missing': { 'zh-TW': '尚無課程計畫', en: 'No course plan' },
  'unknown-code': { 'zh-TW': '課程代碼不在課程計畫', en: 'Code not in the plan' },
  credits: { 'zh-TW': '該學期學分不同', en: 'Credits of the semester differ' },
  'subject-name': { 'zh-TW': '科目名稱與報部名稱不同', en: 'Subject name differs from the approved name' },
  'class-group': { 'zh-TW': '班群不符', en: 'Class group does not match' },
  'required-missing': { 'zh-TW': '必修課程未修', en: 'Required course not taken' },
};

export const FIXER_LABELS: Record<PrecheckFixer, { 'zh-TW': string; en: string }> = {
  curriculum: { 'zh-TW': '教學組', en: 'Curriculum office' },
  registry: { 'zh-TW': '註冊組', en: 'Registry office' },
};

export const precheckKindLabel = (kind: PrecheckKind, locale: Locale) => PRECHECK_KIND_LABELS[kind][locale];
export const fixerLabel = (fixer: PrecheckFixer, locale: Locale) => FIXER_LABELS[fixer][locale];
