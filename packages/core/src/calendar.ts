import { isoParts, isRealDate, readDate, ROC_OFFSET, rocDateOf, taipeiDay, termOfParts, type AcademicTerm } from './date-reading.ts';
import { DomainError } from './errors.ts';

/**
 * Dates in the school's calendar. Taiwan keeps UTC+8 all year (no daylight saving), so the
 * Taipei date is computed with a fixed offset. Dates travel as ISO 'YYYY-MM-DD' strings.
 *
 * 民國紀年 ROC year = Gregorian year - 1911. 學年度 academic year N runs from 1 August of
 * N + 1911 to 31 July of N + 1912: semester 1 is August-January, semester 2 February-July.
 */

export type { AcademicTerm, Semester } from './date-reading.ts';

function invalid(value: unknown): DomainError {
  return new DomainError('date-invalid', { value: String(value) });
}

/** The calendar date in Asia/Taipei of an instant, as 'YYYY-MM-DD'. */
export function taipeiDate(now: Date): string {
  const day = taipeiDay(now);
  if (day === null) throw invalid(now);
  return day;
}

/** Whether `value` is a real date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  return isoParts(value) !== null;
}

function splitIso(value: string): [number, number, number] {
  const parts = isoParts(value);
  if (!parts) throw invalid(value);
  return parts;
}

/** The academic year and semester a date falls in. A Date is read in Taipei time. */
export function academicTermOf(date: string | Date): AcademicTerm {
  return termOfParts(splitIso(typeof date === 'string' ? date : taipeiDate(date)));
}

/** First and last day (inclusive, ISO) of an academic year. */
export function academicYearRange(academicYear: number): { start: string; end: string } {
  if (!Number.isInteger(academicYear) || academicYear < 1 || !isRealDate(academicYear + ROC_OFFSET + 1, 7, 31)) throw invalid(academicYear);
  const year = academicYear + ROC_OFFSET;
  return { start: `${year}-08-01`, end: `${year + 1}-07-31` };
}

/** An ISO date in the ROC calendar: '2025-08-01' → '114/08/01'. */
export function toRocDate(isoDate: string, sep = '/'): string {
  const roc = rocDateOf(isoDate, sep);
  if (roc === null) throw invalid(isoDate);
  return roc;
}

/**
 * Reads a date as people and spreadsheets write it, returning ISO 'YYYY-MM-DD'.
 *
 * - ROC: '114/8/1', '114.08.01', '114-08-01', '1140801' (7 digits), '970512' (6 digits),
 *   '民國114年8月1日';
 * - Gregorian: '2025-08-01', '2025/8/1', '20250801', '2025年8月1日', with an ignored time;
 *   an ISO instant with a zone ('…T16:00:00Z') is read as its Taipei date;
 * - numbers: an Excel serial day (45870 = 2025-08-01), or, from 100000 up, the digits of a
 *   compact date as above (a spreadsheet cell holding 1140801);
 * - Date objects: their Taipei date (spreadsheet readers give date cells as UTC midnight,
 *   whose Taipei date is the same day).
 *
 * Throws DomainError('date-invalid', { value }) for anything else, impossible dates such as
 * 2025-02-30 included, and for years outside 1900-2199.
 */
export function parseFlexibleDate(input: string | number | Date): string {
  const reading = readDate(input);
  if ('problem' in reading) throw invalid(input);
  return reading.iso;
}
