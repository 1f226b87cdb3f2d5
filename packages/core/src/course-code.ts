import { z } from 'zod';
import { DomainError } from './errors.ts';

/**
 * 課程代碼 — the 23-character course code of the 108 curriculum (SPEC §5).
 *
 * | chars | field        |
 * |-------|--------------|
 * | 1–3   | entryYear    | curriculum entry year, 108 or later
 * | 4–9   | schoolCode   | 6 digits
 * | 10    | courseType   | day / night / practical-skills programme …
 * | 11–12 | group        | 群別
 * | 13–15 | department   | 科別
 * | 16    | classGroup   | 0 none, 1–4 建教合作 kinds
 * | 17    | category     | 1 部定必修, 2 校訂必修, others 校訂選修
 * | 18    | offeringMode |
 * | 19    | attribute    | 1 general, 2 professional, 3 practical, …
 * | 20–21 | domain       | 01 語文 … 09 全民國防 (00 outside the domains)
 * | 22–23 | subject      |
 */
export interface CourseCode {
  raw: string;
  entryYear: number;
  schoolCode: string;
  courseType: string;
  group: string;
  department: string;
  classGroup: string;
  category: string;
  offeringMode: string;
  attribute: string;
  domain: string;
  subject: string;
}

export const COURSE_CODE_LENGTH = 23;
/** The 23-character code came with the 108 curriculum: no earlier entry year exists. */
export const FIRST_ENTRY_YEAR = 108;

function fail(reason: string, extra: Record<string, string | number> = {}): never {
  throw new DomainError('course-code-invalid', { reason, ...extra });
}

/**
 * Parses a course code exactly as written: 23 characters, A-Z and 0-9 only (no trimming,
 * no lowercase; `courseCodeSchema` normalises user input first). Throws
 * DomainError('course-code-invalid', { reason, … }) where reason is one of 'length',
 * 'characters', 'entry-year', 'school-code', 'class-group'.
 */
export function parseCourseCode(raw: string): CourseCode {
  const chars = Array.from(raw);
  if (chars.length !== COURSE_CODE_LENGTH) fail('length', { length: chars.length });
  const bad = chars.findIndex((c) => !/^[A-Z0-9]$/.test(c));
  if (bad >= 0) fail('characters', { position: bad + 1, char: chars[bad] ?? '' });

  const part = (from: number, to: number) => raw.slice(from - 1, to);
  const entryYear = part(1, 3);
  if (!/^\d{3}$/.test(entryYear) || Number(entryYear) < FIRST_ENTRY_YEAR) fail('entry-year', { value: entryYear });
  const schoolCode = part(4, 9);
  if (!/^\d{6}$/.test(schoolCode)) fail('school-code', { value: schoolCode });
  const classGroup = part(16, 16);
  if (!/^[0-4]$/.test(classGroup)) fail('class-group', { value: classGroup });

  return {
    raw,
    entryYear: Number(entryYear),
    schoolCode,
    courseType: part(10, 10),
    group: part(11, 12),
    department: part(13, 15),
    classGroup,
    category: part(17, 17),
    offeringMode: part(18, 18),
    attribute: part(19, 19),
    domain: part(20, 21),
    subject: part(22, 23),
  };
}

export function isCourseCode(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  try {
    parseCourseCode(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * A course code from user input: trimmed, upper-cased (full-width letters and digits made
 * ASCII), then checked. The zod issue's message is the English reason; its params carry
 * `code: 'course-code-invalid'` and the DomainError's params for localised display.
 */
export const courseCodeSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').trim().toUpperCase())
  .superRefine((value, ctx) => {
    try {
      parseCourseCode(value);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, params: { code: error.code, ...error.params } });
    }
  });

/** Kinds of course by the category and attribute characters (SPEC §5). */
export type CourseCategoryKind = 'national-required' | 'school-required' | 'school-elective' | 'activity-time';

/** 1 部定必修, 2 校訂必修, 9 with attribute D 團體活動/彈性學習時間, anything else 校訂選修. */
export function courseCategoryKind(code: Pick<CourseCode, 'category' | 'attribute'>): CourseCategoryKind {
  if (code.category === '1') return 'national-required';
  if (code.category === '2') return 'school-required';
  if (code.category === '9' && code.attribute === 'D') return 'activity-time';
  return 'school-elective';
}
