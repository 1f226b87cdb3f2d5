import { z } from 'zod';

/**
 * After school (SPEC §6): a graduate's portfolio is sealed (封存, read-only) and, after the
 * school's retention period, purged (刪除). Pure rules: the caller loads the dates.
 */

/** What the retention period is counted from *(school rule)*: 羅東 from graduation (畢業), 啟明 from the university application (申請入學). */
export const RETENTION_FROM = ['graduation', 'application'] as const;
export type RetentionFrom = (typeof RETENTION_FROM)[number];

export const retentionSchema = z
  .strictObject({
    /** Whole years the sealed portfolio is kept (SPEC: 5). */
    years: z
      .number({ error: 'must be a whole number of years from 1 to 50' })
      .int('must be a whole number of years from 1 to 50')
      .min(1, 'must be at least 1 year')
      .max(50, 'may not exceed 50 years')
      .default(5),
    from: z.enum(RETENTION_FROM, { error: `must be one of: ${RETENTION_FROM.join(', ')}` }).default('graduation'),
    /**
     * With `from: application`: the month and day (MM-DD) the university application year is
     * counted from. *(unconfirmed: no official text names the day; 申請入學 takes place in the
     * spring of the year the student graduates, so the default is 03-01 of that year.)*
     */
    applicationMonthDay: z
      .string({ error: 'must be a month and day written MM-DD' })
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a month and day written MM-DD')
      .default('03-01'),
  })
  .prefault({});

export type RetentionSettings = z.infer<typeof retentionSchema>;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `date` (YYYY-MM-DD) plus whole `years`; 29 February in a year without one becomes 1 March (never earlier). */
export function addYearsIso(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5, 10);
  if (monthDay === '02-29' && !isLeap(year)) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** The date (YYYY-MM-DD) the retention period is counted from, for a student who graduated on `graduationDate`. */
export function retentionStart(graduationDate: string, settings: RetentionSettings): string {
  const graduated = graduationDate.slice(0, 10);
  if (settings.from === 'graduation') return graduated;
  // The university application year is the calendar year of graduation (申請入學 in its spring).
  const start = `${graduated.slice(0, 4)}-${settings.applicationMonthDay}`;
  return start === `${graduated.slice(0, 4)}-02-29` && !isLeap(Number(graduated.slice(0, 4))) ? `${graduated.slice(0, 4)}-03-01` : start;
}

/** The first day (YYYY-MM-DD, Taipei) the sealed portfolio may be purged: the start plus the retention years. */
export function purgeDate(graduationDate: string, settings: RetentionSettings): string {
  return addYearsIso(retentionStart(graduationDate, settings), settings.years);
}

/** Whether a graduate's portfolio may be purged on `today` (YYYY-MM-DD, Taipei): on or after the purge date, never before. */
export function isPurgeDue(graduationDate: string, settings: RetentionSettings, today: string): boolean {
  return today.slice(0, 10) >= purgeDate(graduationDate, settings);
}

/** 封存: a graduate's records are read-only. `rosterStatus` is students.status (enrolled | left | graduated). */
export function isSealedStatus(rosterStatus: string): boolean {
  return rosterStatus === 'graduated';
}
