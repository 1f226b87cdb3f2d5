import type { Locale } from '@licheng/core';
import { g } from './group-messages.ts';

/** The 學年度 an ISO date falls in (August starts one), or null for no date. */
export function academicYearOfDate(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso);
  if (!match) return null;
  const year = Number(match[1]) - 1911;
  return Number(match[2]) >= 8 ? year : year - 1;
}

/** 「115 學年度第 1 學期」, or 「115 學年度」 for semester 0 (a whole year). */
export function termText(academicYear: number, semester: number, locale: Locale): string {
  return semester === 0 ? g('term.year', { year: academicYear }, locale) : g('term', { year: academicYear, semester }, locale);
}
