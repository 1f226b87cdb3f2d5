import { describe, expect, it } from 'vitest';
import { parseCourseCode } from './course-code.ts';
import { gradeCodeProblem, isKeptOutOfGrades, isRosterScore, requiredCreditCounted, transferIdentityOf } from './grade-codes.ts';

// Characters 17 (課程類別) and 19 (科目屬性) vary; the rest is a valid day-school code.
const code = (category: string, attribute: string) => parseCourseCode(`108011302H111010${category}0${attribute}0101`);

describe('grade roster codes (ROSTERS §4)', () => {
  it('keeps 團體活動時間 and 彈性學習時間 rows out unless 科目屬性 is D', () => {
    expect(isKeptOutOfGrades(code('8', '1'))).toBe(true);
    expect(isKeptOutOfGrades(code('9', 'A'))).toBe(true);
    expect(isKeptOutOfGrades(code('9', 'D'))).toBe(false);
    expect(isKeptOutOfGrades(code('8', 'D'))).toBe(false);
    expect(isKeptOutOfGrades(code('1', '1'))).toBe(false);
  });

  it('requires 是否採計學分 3 for 課程類別 9 with 科目屬性 D only', () => {
    expect(requiredCreditCounted(code('9', 'D'))).toBe(3);
    expect(requiredCreditCounted(code('8', 'D'))).toBeNull();
    expect(gradeCodeProblem(code('9', 'D'), 1)).toBe('grade-credit-9d');
    expect(gradeCodeProblem(code('9', 'D'), 3)).toBeNull();
    expect(gradeCodeProblem(code('9', '1'), 3)).toBe('grade-kept-out');
    expect(gradeCodeProblem(code('2', '1'), 2)).toBeNull();
  });

  it('derives 身分別 from the 學籍異動代碼 ranges and refuses others', () => {
    expect(['111', '115', '121', '124', '131', '141', '144'].map(transferIdentityOf)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(['211', '222', '224', '231', '241', '301'].map(transferIdentityOf)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(['221', '223'].map(transferIdentityOf)).toEqual([3, 3]);
    expect(['116', '125', '132', '212', '225', '242', '300', '11', 'abc', ''].map(transferIdentityOf)).toEqual(Array(10).fill(null));
  });

  it('reads scores 0–100 with two decimals, -1 for none', () => {
    expect([0, 60, 59.5, 100, -1, 72.25].every(isRosterScore)).toBe(true);
    expect([-2, 100.5, 101, 60.125, Number.NaN].some(isRosterScore)).toBe(false);
  });
});
