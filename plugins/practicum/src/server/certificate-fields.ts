import { academicTermOf, DomainError, freeText, isIsoDate, taipeiDate, type AcademicTerm } from '@licheng/core';
import { z } from 'zod';

/**
 * 檢定證照 — a skill certificate as the national format records it (SPEC §3.4): code,
 * category, domestic/foreign, issuer, name, level/score, date and certificate number. Stored
 * in a 'skill-certificate' record's `data`.
 */

export const CERTIFICATE_KIND = 'skill-certificate';

/** 證照類別: 1 English, 2 other language, 3 skills (技術士), 4 other. */
export const CERTIFICATE_CATEGORIES = [1, 2, 3, 4] as const;
export type CertificateCategory = (typeof CERTIFICATE_CATEGORIES)[number];
/** 國內/國外 */
export const CERTIFICATE_ORIGINS = ['domestic', 'foreign'] as const;
export type CertificateOrigin = (typeof CERTIFICATE_ORIGINS)[number];

/** The skill-test centre that issues the 技術士 certificates most students earn. */
export const DEFAULT_ISSUER = '勞動部勞動力發展署技能檢定中心';
/** Level (級別): the usual 技術士 levels are 甲級, 乙級, 丙級 and 單一級; any other level or score up to LIMITS.level characters is accepted too. */

export const LIMITS = { name: 100, number: 50, level: 20, issuer: 100, code: 20 } as const;

const text = (max: number) => freeText({ max });

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected a date written YYYY-MM-DD' });

/** The certificate fields of register and import, validated. */
export const certificateFieldsSchema = z.object({
  code: z.string().trim().max(LIMITS.code).regex(/^[0-9A-Za-z-]*$/, 'letters, digits and - only').default(''),
  category: z.coerce.number().pipe(z.union(CERTIFICATE_CATEGORIES.map((c) => z.literal(c)))).default(3),
  origin: z.enum(CERTIFICATE_ORIGINS).default('domestic'),
  issuer: freeText({ max: LIMITS.issuer, allowBlank: true }).default('').transform((v) => v || DEFAULT_ISSUER),
  name: text(LIMITS.name),
  level: text(LIMITS.level),
  number: text(LIMITS.number),
  date: isoDateSchema,
});
export type CertificateFields = z.output<typeof certificateFieldsSchema>;

/** What a certificate record keeps in `data`: its fields and who registered it. */
export interface CertificateData extends CertificateFields {
  registeredByName: string;
}

/** A certificate's date may not be later than today (Taipei); throws 'certificate-date-future'. */
export function assertIssuedByToday(date: string, now: Date): void {
  if (date > taipeiDate(now)) throw new DomainError('certificate-date-future', { date });
}

/** A certificate is recorded in the academic year and semester of its date of issue. */
export function certificateTerm(date: string): AcademicTerm {
  return academicTermOf(date);
}

/** The record's 簡述: name and level, e.g. 「工業電子 丙級」. */
export function certificateSummary(fields: Pick<CertificateFields, 'name' | 'level'>): string {
  return `${fields.name} ${fields.level}`.slice(0, 100);
}

/** Certificate numbers compared as people write them: full-width folded, spaces and case ignored. */
export function certificateNumberKey(number: string): string {
  return number.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
