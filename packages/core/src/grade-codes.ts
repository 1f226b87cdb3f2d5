import type { CourseCode } from './course-code.ts';

/**
 * Codes of the grade rosters (ROSTERS §4), as pure rules. Each function answers with the
 * catalogue code of the broken rule, or null when the row keeps it.
 */

/** 成績及格 / 補考及格 …: 1 pass, 0 fail, -1 none. */
export const PASS_FLAGS = [1, 0, -1] as const;
export type PassFlag = (typeof PASS_FLAGS)[number];

/** 是否採計學分 (進修部 是否採計學時): 1 counted, 2 not counted, 3 scored but not graded. */
export const CREDIT_COUNTED = [1, 2, 3] as const;
export type CreditCounted = (typeof CREDIT_COUNTED)[number];

/** 重讀註記: 1 列抵 (earlier grade carried), 2 再次修習 (taken again). */
export const REPEAT_MARKS = [1, 2] as const;
export type RepeatMark = (typeof REPEAT_MARKS)[number];

/**
 * How a grade was earned, one per sheet of the grade rosters (ROSTERS §3):
 * 學期成績 term, 補修成績 make-up, 重修成績 retake, 重讀成績 repeat-year,
 * 轉學轉科成績 transfer, 借讀 borrowed study, 進修部學期成績 night.
 */
export const GRADE_TAKES = ['term', 'make-up', 'retake', 'repeat-year', 'transfer', 'borrowed', 'night'] as const;
export type GradeTake = (typeof GRADE_TAKES)[number];

/** The code's 課程類別 (char 17) is 8 團體活動時間 or 9 彈性學習時間. */
export function isActivityTimeCategory(code: Pick<CourseCode, 'category'>): boolean {
  return code.category === '8' || code.category === '9';
}

/**
 * Rows of 團體活動時間 / 彈性學習時間 (課程類別 8 or 9) never go to a grade roster unless the
 * 科目屬性 (char 19) is D (充實/補強性教學 that grants credit).
 */
export function isKeptOutOfGrades(code: Pick<CourseCode, 'category' | 'attribute'>): boolean {
  return isActivityTimeCategory(code) && code.attribute !== 'D';
}

/**
 * The 是否採計學分 a course code requires, when it requires one: 課程類別 9 with 科目屬性 D
 * is always 3 (scored but not graded).
 */
export function requiredCreditCounted(code: Pick<CourseCode, 'category' | 'attribute'>): CreditCounted | null {
  return code.category === '9' && code.attribute === 'D' ? 3 : null;
}

/** The course-code rules of one grade row: kept out, or 9 + D not 3. */
export function gradeCodeProblem(code: Pick<CourseCode, 'category' | 'attribute'>, creditCounted: CreditCounted): 'grade-kept-out' | 'grade-credit-9d' | null {
  if (isKeptOutOfGrades(code)) return 'grade-kept-out';
  const required = requiredCreditCounted(code);
  return required !== null && creditCounted !== required ? 'grade-credit-9d' : null;
}

/** 身分別 of a 轉學轉科 grade: 1 transfer student, 2 department change, 3 re-enrolled across curricula. */
export type TransferIdentity = 1 | 2 | 3;

const IDENTITY_RANGES: Array<[from: number, to: number, identity: TransferIdentity]> = [
  [111, 115, 1],
  [121, 124, 1],
  [131, 131, 1],
  [141, 144, 1],
  [211, 211, 2],
  [222, 222, 2],
  [224, 224, 2],
  [231, 241, 2],
  [301, 301, 2],
  [221, 221, 3],
  [223, 223, 3],
];

/**
 * 身分別 derived from the 學籍異動代碼 (ROSTERS §4); null for a code outside the listed
 * ranges (the caller reports it as unknown).
 */
export function transferIdentityOf(statusCode: string): TransferIdentity | null {
  if (!/^\d{3}$/.test(statusCode)) return null;
  const n = Number(statusCode);
  return IDENTITY_RANGES.find(([from, to]) => n >= from && n <= to)?.[2] ?? null;
}

/** A score as the rosters carry it: 0–100 with at most two decimals, or -1 for none. */
export function isRosterScore(value: number): boolean {
  if (value === -1) return true;
  return Number.isFinite(value) && value >= 0 && value <= 100 && Math.round(value * 100) === value * 100;
}
