import { DomainError } from './errors.ts';

/**
 * Dates in the school's calendar. Taiwan keeps UTC+8 all year (no daylight saving), so the
 * Taipei date is computed with a fixed offset. Dates travel as ISO 'YYYY-MM-DD' strings.
 *
 * 民國紀年 ROC year = Gregorian year - 1911. 學年度 academic year N runs from 1 August of
 * N + 1911 to 31 July of N + 1912: semester 1 is August-January, semester 2 February-July.
 */

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
const ROC_OFFSET = 1911;
/** Years outside this range are refused as nonsense for a school's records. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export type Semester = 1 | 2;
export interface AcademicTerm {
  academicYear: number;
  semester: Semester;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function invalid(value: unknown): DomainError {
  return new DomainError('date-invalid', { value: String(value) });
}

/** True when year-month-day is a real calendar date within the supported range. */
function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function iso(year: number, month: number, day: number, original: unknown): string {
  if (!isRealDate(year, month, day)) throw invalid(original);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The calendar date in Asia/Taipei of an instant, as 'YYYY-MM-DD'. */
export function taipeiDate(now: Date): string {
  const time = now.getTime();
  if (Number.isNaN(time)) throw invalid(now);
  return new Date(time + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function splitIso(value: string): [number, number, number] {
  const m = ISO_DATE.exec(value);
  if (!m) throw invalid(value);
  const parts: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(...parts)) throw invalid(value);
  return parts;
}

/** The academic year and semester a date falls in. A Date is read in Taipei time. */
export function academicTermOf(date: string | Date): AcademicTerm {
  const [year, month] = splitIso(typeof date === 'string' ? date : taipeiDate(date));
  if (month >= 8) return { academicYear: year - ROC_OFFSET, semester: 1 };
  return { academicYear: year - ROC_OFFSET - 1, semester: month === 1 ? 1 : 2 };
}

/** First and last day (inclusive, ISO) of an academic year. */
export function academicYearRange(academicYear: number): { start: string; end: string } {
  if (!Number.isInteger(academicYear) || academicYear < 1) throw invalid(academicYear);
  const year = academicYear + ROC_OFFSET;
  return { start: iso(year, 8, 1, academicYear), end: iso(year + 1, 7, 31, academicYear) };
}

/** An ISO date in the ROC calendar: '2025-08-01' → '114/08/01'. */
export function toRocDate(isoDate: string, sep = '/'): string {
  const [year, month, day] = splitIso(isoDate);
  const roc = year - ROC_OFFSET;
  if (roc < 1) throw invalid(isoDate);
  return [pad(roc, 3), pad(month), pad(day)].join(sep);
}

/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was (serial 60). */
function fromExcelSerial(serial: number): string {
  const day = Math.floor(serial);
  if (day < 1 || day === 60) throw invalid(serial);
  const epoch = Date.UTC(1899, 11, day < 60 ? 31 : 30);
  const d = new Date(epoch + day * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), serial);
}

/** Compact digit dates: 8 digits Gregorian YYYYMMDD, 7 digits ROC yyyMMdd, 6 digits ROC yyMMdd. */
function fromDigits(digits: string, original: unknown): string {
  const month = Number(digits.slice(-4, -2));
  const day = Number(digits.slice(-2));
  const yearPart = Number(digits.slice(0, -4));
  if (digits.length === 8) return iso(yearPart, month, day, original);
  if (digits.length === 7 || digits.length === 6) {
    if (yearPart < 1) throw invalid(original);
    return iso(yearPart + ROC_OFFSET, month, day, original);
  }
  throw invalid(original);
}

const SEPARATED = /^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,2})$/;
const WITH_TIME = /^(.+?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/;

function fromText(input: string): string {
  // Full-width digits and punctuation (１１４／８／１) become ASCII.
  let text = input.normalize('NFKC').trim();
  if (text === '') throw invalid(input);
  // An instant with a zone names a moment: read its Taipei date.
  if (WITH_ZONE.test(text)) {
    const d = new Date(text);
    if (Number.isNaN(d.getTime())) throw invalid(input);
    return taipeiDate(d);
  }
  // Chinese forms: 民國114年8月1日, 2025年8月1日.
  text = text.replace(/^民國/, '').replace(/\s+/g, ' ');
  const chinese = /^(\d{1,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(text);
  if (chinese) text = `${chinese[1]}/${chinese[2]}/${chinese[3]}`;
  const timeless = WITH_TIME.exec(text);
  if (timeless?.[1] && SEPARATED.test(timeless[1])) text = timeless[1];

  const m = SEPARATED.exec(text);
  if (m) {
    const [yearText, month, day] = [m[1] ?? '', Number(m[2]), Number(m[3])];
    const year = Number(yearText);
    // A four-digit year is Gregorian; one to three digits is an ROC year.
    if (yearText.length === 4) return iso(year, month, day, input);
    if (year < 1) throw invalid(input);
    return iso(year + ROC_OFFSET, month, day, input);
  }
  if (/^\d{6,8}$/.test(text)) return fromDigits(text, input);
  throw invalid(input);
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
  if (input instanceof Date) return iso(...splitIso(taipeiDate(input)), input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input <= 0) throw invalid(input);
    if (input >= 100_000) {
      if (!Number.isInteger(input)) throw invalid(input);
      return fromDigits(String(input), input);
    }
    return fromExcelSerial(input);
  }
  if (typeof input === 'string') return fromText(input);
  throw invalid(input);
}
