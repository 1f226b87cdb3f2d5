import { parseCourseCode } from './course-code.ts';
import type { CourseCode } from './course-code.ts';
import { DomainError } from './errors.ts';

/**
 * Credits of one semester from a six-character credits string (one character per
 * semester, grade 1 semester 1 first). `null` means the course is not offered that
 * semester ('0'); 'Z' means offered with 0 credits; A–I are 1–9 credits offered split
 * (對開: the course runs in only one of the parallel semesters); R/S/T are 10/11/12.
 */
export type SemesterCredits = { credits: number; split: boolean } | null;

const BIG: Record<string, number> = { R: 10, S: 11, T: 12 };

function creditsOf(ch: string): SemesterCredits | undefined {
  if (ch === '0') return null;
  if (ch === 'Z') return { credits: 0, split: false };
  if (/^[1-9]$/.test(ch)) return { credits: Number(ch), split: false };
  if (/^[A-I]$/.test(ch)) return { credits: ch.charCodeAt(0) - 64, split: true };
  const big = BIG[ch];
  return big === undefined ? undefined : { credits: big, split: false };
}

/** Reads a six-semester credits string; throws DomainError('credits-pattern-invalid'). */
export function parseSemesterCredits(six: string): SemesterCredits[] {
  const value = six.normalize('NFKC').trim().toUpperCase();
  const chars = Array.from(value);
  if (chars.length !== 6) throw new DomainError('credits-pattern-invalid', { value: six });
  return chars.map((ch) => {
    const credits = creditsOf(ch);
    if (credits === undefined) throw new DomainError('credits-pattern-invalid', { value: six });
    return credits;
  });
}

/** One line of the course plan platform's code export. */
export interface CoursePlanLine {
  code: CourseCode;
  subjectName: string;
  credits: SemesterCredits[];
  /** Set when this line modifies or deletes an earlier code. */
  originalCode: CourseCode | null;
  originalName: string | null;
}

/** Splits one CSV line; fields may be double-quoted with "" for a quote. */
function splitCsv(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

function lineError(reason: string): DomainError {
  return new DomainError('course-plan-line-invalid', { reason });
}

/**
 * Parses `code,subject name,six-semester credits,original code,original name`. The last
 * two fields may be empty or absent. Codes are upper-cased; a bad code throws
 * 'course-code-invalid', bad credits 'credits-pattern-invalid', anything else
 * 'course-plan-line-invalid' with reason 'empty' | 'fields' | 'subject-name'.
 */
export function parseCoursePlanLine(line: string): CoursePlanLine {
  const text = line.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  if (text.trim() === '') throw lineError('empty');
  const [code = '', subjectName = '', credits = '', originalCode = '', originalName = ''] = splitCsv(text);
  if (credits === '') throw lineError('fields');
  if (subjectName === '') throw lineError('subject-name');
  return {
    code: parseCourseCode(code.normalize('NFKC').toUpperCase()),
    subjectName,
    credits: parseSemesterCredits(credits),
    originalCode: originalCode === '' ? null : parseCourseCode(originalCode.normalize('NFKC').toUpperCase()),
    originalName: originalName === '' ? null : originalName,
  };
}
