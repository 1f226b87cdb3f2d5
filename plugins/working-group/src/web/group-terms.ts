import { isoParts, termOfParts, type Locale } from '@licheng/core';
import { g } from './group-messages.ts';

/** The 學年度 an ISO date falls in (August starts one), or null for no date (core's rule, without its error catalogue). */
export function academicYearOfDate(iso: string): number | null {
  const parts = isoParts(iso);
  return parts ? termOfParts(parts).academicYear : null;
}

/** 「115 學年度第 1 學期」, or 「115 學年度」 for semester 0 (a whole year). */
export function termText(academicYear: number, semester: number, locale: Locale): string {
  return semester === 0 ? g('term.year', { year: academicYear }, locale) : g('term', { year: academicYear, semester }, locale);
}
