import { describe, expect, it } from 'vitest';
import { parseCoursePlanLine, parseSemesterCredits } from './course-plan.ts';
import { DomainError } from './errors.ts';

const CODE = '108120401E22L0107020005';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  return undefined;
}

describe('parseSemesterCredits', () => {
  it('reads plain, split, large, zero-credit and not-offered semesters', () => {
    expect(parseSemesterCredits('40B0ZT')).toEqual([
      { credits: 4, split: false },
      null,
      { credits: 2, split: true },
      null,
      { credits: 0, split: false },
      { credits: 12, split: false },
    ]);
  });

  it('maps A-I to 1-9 split and R/S/T to 10/11/12', () => {
    expect(parseSemesterCredits('AEIRS9').map((c) => c?.credits)).toEqual([1, 5, 9, 10, 11, 9]);
    expect(parseSemesterCredits('AEIRS9').map((c) => c?.split)).toEqual([true, true, true, false, false, false]);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(parseSemesterCredits(' 22a000 ')[2]).toEqual({ credits: 1, split: true });
  });

  it.each(['22220', '2222222', '22J222', '22-222', ''])('refuses %j', (six) => {
    expect(codeOf(() => parseSemesterCredits(six))).toBe('credits-pattern-invalid');
  });
});

describe('parseCoursePlanLine', () => {
  it('reads a new code line', () => {
    const line = parseCoursePlanLine(`${CODE},國語文,440000,,\r\n`);
    expect(line.code.raw).toBe(CODE);
    expect(line.subjectName).toBe('國語文');
    expect(line.credits[0]).toEqual({ credits: 4, split: false });
    expect(line.credits[2]).toBeNull();
    expect(line.originalCode).toBeNull();
    expect(line.originalName).toBeNull();
  });

  it('reads a line changing an earlier code, with quoted fields', () => {
    const original = '108120401E22L0107020004';
    const line = parseCoursePlanLine(`${CODE},"專題實作,進階",00ZZ00,${original},專題實作`);
    expect(line.subjectName).toBe('專題實作,進階');
    expect(line.originalCode?.raw).toBe(original);
    expect(line.originalName).toBe('專題實作');
  });

  it('reads a line of three fields', () => {
    expect(parseCoursePlanLine(`\uFEFF${CODE},數學,440000`).originalCode).toBeNull();
  });

  it('reports what is wrong', () => {
    expect(codeOf(() => parseCoursePlanLine('   '))).toBe('course-plan-line-invalid');
    expect(codeOf(() => parseCoursePlanLine(`${CODE},數學`))).toBe('course-plan-line-invalid');
    expect(codeOf(() => parseCoursePlanLine(`${CODE},,440000`))).toBe('course-plan-line-invalid');
    expect(codeOf(() => parseCoursePlanLine('ABC,數學,440000'))).toBe('course-code-invalid');
    expect(codeOf(() => parseCoursePlanLine(`${CODE},數學,44`))).toBe('credits-pattern-invalid');
    expect(codeOf(() => parseCoursePlanLine(`${CODE},數學,440000,BAD,舊`))).toBe('course-code-invalid');
  });
});
