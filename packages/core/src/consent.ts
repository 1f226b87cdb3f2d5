import { z } from 'zod';

/**
 * 同意 — a student's consent to release their portfolio to university admission committees
 * (大學招生委員會, SPEC §1 and §6: only with the student's consent and selection). SPEC names no
 * finer scope, so the scope is what the central database shares with the committees — the
 * parts below — and which academic years (學年度) of the student's.
 */
export const CONSENT_PARTS = ['course-records', 'outcomes', 'performances'] as const;
export type ConsentPart = (typeof CONSENT_PARTS)[number];

export const consentPartLabels: Record<ConsentPart, { 'zh-TW': string; en: string }> = {
  'course-records': { 'zh-TW': '修課紀錄', en: 'Course records' },
  outcomes: { 'zh-TW': '課程學習成果', en: 'Course learning outcomes' },
  performances: { 'zh-TW': '多元表現', en: 'Diverse performances' },
};

// Pure (built in a call marked so): a screen that needs only the labels does not bundle zod.
export const consentScopeSchema = /* @__PURE__ */ (() =>
  z.strictObject({
  parts: z
    .array(z.enum(CONSENT_PARTS))
    .min(1, 'choose at least one part')
    .refine((p) => new Set(p).size === p.length, 'lists a part twice'),
  academicYears: z
    .array(z.number().int().min(100).max(200))
    .min(1, 'choose at least one academic year')
    .max(6)
    .refine((y) => new Set(y).size === y.length, 'lists a year twice'),
}))();
export type ConsentScope = z.infer<typeof consentScopeSchema>;

/** The same scope written one way (parts in catalogue order, years ascending), for storage and comparison. */
export function normalizeConsentScope(scope: ConsentScope): ConsentScope {
  return {
    parts: CONSENT_PARTS.filter((p) => scope.parts.includes(p)),
    academicYears: [...scope.academicYears].sort((a, b) => a - b),
  };
}

/** The academic years a student may choose: from the year they entered (入學) up to `current`, at most six. */
export function consentYearsFor(entryYear: number, current: number): number[] {
  const years: number[] = [];
  for (let y = Math.max(entryYear, current - 5); y <= current; y++) years.push(y);
  return years;
}
