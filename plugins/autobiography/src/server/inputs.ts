import { ESSAY_KINDS, ESSAY_LANGUAGES } from '@licheng/core';
import { z } from 'zod';

/** 自傳 autobiography or 學習計畫 study plan. */
export const kindInput = z.enum(ESSAY_KINDS);
/** 中文 zh or 英文 en; the school's `rules.autobiography.languages` says which it keeps. */
export const languageInput = z.enum(ESSAY_LANGUAGES);
/** A version number (1, 2, 3 …); 0 as a base means "no version yet". */
export const versionNumber = z.number().int().min(1).max(100000);
export const baseVersionInput = z.number().int().min(0).max(100000);
export const documentIdInput = z.string().min(1).max(36);
