/**
 * Reading and writing dates without throwing, so a screen can check a typed date without
 * bundling the message catalogue (calendar.ts wraps these in DomainError for the server).
 *
 * 民國紀年 ROC year = Gregorian year - 1911. Taiwan keeps UTC+8 all year.
 */

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const ROC_OFFSET = 1911;
/** Years outside this range are refused as nonsense for a school's records. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export type Semester = 1 | 2;
export interface AcademicTerm {
  academicYear: number;
  semester: Semester;
}

/** The 學年度 and semester of a real date's parts: semester 1 is August-January, semester 2 February-July. */
export function termOfParts([year, month]: readonly [number, number, number]): AcademicTerm {
  if (month >= 8) return { academicYear: year - ROC_OFFSET, semester: 1 };
  return { academicYear: year - ROC_OFFSET - 1, semester: month === 1 ? 1 : 2 };
}

/** The term an instant falls in, read in Taipei time (a screen's 'this term'); null for an invalid Date. */
export function termOfInstant(now: Date): AcademicTerm | null {
  const parts = isoParts(taipeiDay(now) ?? '');
  return parts ? termOfParts(parts) : null;
}

/** Why a date could not be read: not a date at all, or a date that does not exist (115/02/30). */
export type DateProblem = 'unreadable' | 'no-such-date';
export type DateReading = { iso: string } | { problem: DateProblem };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** True when year-month-day is a real calendar date within the supported range. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dated(year: number, month: number, day: number): DateReading {
  if (!isRealDate(year, month, day)) return { problem: 'no-such-date' };
  return { iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

const UNREADABLE: DateReading = { problem: 'unreadable' };

/** The calendar date in Asia/Taipei of an instant, as 'YYYY-MM-DD', or null for an invalid Date. */
export function taipeiDay(now: Date): string | null {
  const time = now.getTime();
  if (Number.isNaN(time)) return null;
  return new Date(time + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a real 'YYYY-MM-DD' date, or null. */
export function isoParts(value: string): [number, number, number] | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const parts: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(...parts) ? parts : null;
}

/** An ISO date in the ROC calendar ('2025-08-01' → '114/08/01'), or null when it is not one. */
export function rocDateOf(isoDate: string, sep = '/'): string | null {
  const parts = isoParts(isoDate);
  if (!parts || parts[0] - ROC_OFFSET < 1) return null;
  return [pad(parts[0] - ROC_OFFSET, 3), pad(parts[1]), pad(parts[2])].join(sep);
}

/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was (serial 60). */
function fromExcelSerial(serial: number): DateReading {
  const day = Math.floor(serial);
  if (day < 1 || day === 60) return UNREADABLE;
  const d = new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86_400_000);
  return dated(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Compact digit dates: 8 digits Gregorian YYYYMMDD, 7 digits ROC yyyMMdd, 6 digits ROC yyMMdd. */
function fromDigits(digits: string): DateReading {
  const month = Number(digits.slice(-4, -2));
  const day = Number(digits.slice(-2));
  const yearPart = Number(digits.slice(0, -4));
  if (digits.length === 8) return dated(yearPart, month, day);
  if (digits.length === 7 || digits.length === 6) return yearPart < 1 ? UNREADABLE : dated(yearPart + ROC_OFFSET, month, day);
  return UNREADABLE;
}

const SEPARATED = /^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,2})$/;
const WITH_TIME = /^(.+?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/;

function fromText(input: string): DateReading {
  // Full-width digits and punctuation (１１４／８／１) become ASCII.
  let text = input.normalize('NFKC').trim();
  if (text === '') return UNREADABLE;
  // An instant with a zone names a moment: read its Taipei date.
  if (WITH_ZONE.test(text)) {
    const day = taipeiDay(new Date(text));
    return day === null ? UNREADABLE : { iso: day };
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
    if (yearText.length === 4) return dated(year, month, day);
    return year < 1 ? UNREADABLE : dated(year + ROC_OFFSET, month, day);
  }
  if (/^\d{6,8}$/.test(text)) return fromDigits(text);
  return UNREADABLE;
}

/**
 * Reads a date as people and spreadsheets write it (the forms parseFlexibleDate documents):
 * `{ iso: 'YYYY-MM-DD' }`, or `{ problem }` — 'no-such-date' for a well-formed date that does
 * not exist (115/02/30) or lies outside 1900-2199, 'unreadable' for anything else.
 */
export function readDate(input: string | number | Date): DateReading {
  if (input instanceof Date) {
    const day = taipeiDay(input);
    if (day === null) return UNREADABLE;
    return isoParts(day) ? { iso: day } : { problem: 'no-such-date' };
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input <= 0) return UNREADABLE;
    if (input >= 100_000) return Number.isInteger(input) ? fromDigits(String(input)) : UNREADABLE;
    return fromExcelSerial(input);
  }
  if (typeof input === 'string') return fromText(input);
  return UNREADABLE;
}
