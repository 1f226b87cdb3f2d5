import { academicTermOf, DomainError, freeText, type AcademicTerm } from '@licheng/core';
import { z } from 'zod';
import { isoDateSchema } from './certificate-fields.ts';

/**
 * 職場學習 — an internship (校外實習) as the national format records it (SPEC §3.4): kind,
 * organisation, title, start, end and hours. Stored in an 'internship' record's `data`.
 */

export const INTERNSHIP_KIND = 'internship';
/** 1 參訪 visit, 2 實習 internship, 3 工作 work, 4 其他 other. */
export const INTERNSHIP_KINDS = [1, 2, 3, 4] as const;
export const HOURS_MAX = 2000;

export const internshipFieldsSchema = z.object({
  kind: z.union(INTERNSHIP_KINDS.map((k) => z.literal(k))),
  organisation: freeText({ max: 100 }),
  title: freeText({ max: 100 }),
  start: isoDateSchema,
  end: isoDateSchema,
  hours: z.number().int().min(1).max(HOURS_MAX),
});
export type InternshipFields = z.output<typeof internshipFieldsSchema>;

export interface InternshipData extends InternshipFields {
  registeredByName: string;
}

/** The end may not be before the start: 'internship-dates-reversed'. */
export function assertDateOrder(start: string, end: string): void {
  if (end < start) throw new DomainError('internship-dates-reversed', { start, end });
}

/** An internship is recorded in the academic year and semester it starts in. */
export function internshipTerm(start: string): AcademicTerm {
  return academicTermOf(start);
}

export function internshipSummary(fields: Pick<InternshipFields, 'organisation' | 'title'>): string {
  return `${fields.organisation} ${fields.title}`.slice(0, 100);
}
