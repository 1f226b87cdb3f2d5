import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  gradeRow,
  placeGrade,
  placePrecheck,
  rosterCreditCounted,
  rosterMethod,
  rosterPassFlag,
  rosterRepeatMark,
  rosterScoreCell,
  rosterTransferIdentity,
  type GradeRosterRowInput,
  type GradeRosterId,
} from './grade-placement.ts';
import { layoutSheet, rosterLayout } from './lookup.ts';
import type { RosterLayout } from './types.ts';

// Characters 17 (課程類別) and 19 (科目屬性) vary; the rest is a valid day-school code.
const code = (category: string, attribute: string) => `108123456E22L010${category}0${attribute}0005`;
const chinese = code('1', '1');
const layout = (roster: GradeRosterId, version?: string) => rosterLayout(roster, version) as RosterLayout & { roster: GradeRosterId };

const base: GradeRosterRowInput = {
  nationalId: 'A123456789',
  birthDate: '2009-03-01',
  semester: 1,
  take: 'term',
  code: chinese,
  score: '82',
  passed: 1,
  makeUpScore: '-1',
  makeUpPassed: -1,
  creditCounted: 1,
  description: '',
  context: {},
  course: { subjectName: '國語文', gradeLevel: 1, credits: 4 },
};

function placed(roster: GradeRosterId, input: Partial<GradeRosterRowInput>, version?: string) {
  const out = placeGrade(layout(roster, version), { ...base, ...input });
  if (out.kind !== 'placed') throw new Error(`not placed: ${out.kind}`);
  return out.placements;
}

describe('grade roster codes as cells (ROSTERS §1, §4)', () => {
  it('writes scores as numbers, -1 for none, and refuses what is not a roster score', () => {
    expect(['78', '59.5', '-1', '', undefined, 100].map(rosterScoreCell)).toEqual([78, 59.5, -1, -1, -1, 100]);
    expect(['abc', '101', '-2'].map(rosterScoreCell)).toEqual([null, null, null]);
  });

  it('writes pass flags 1 / 0 / -1, blank as -1', () => {
    expect([1, 0, -1, '', '1'].map(rosterPassFlag)).toEqual([1, 0, -1, -1, 1]);
    expect([2, 'x'].map(rosterPassFlag)).toEqual([null, null]);
  });

  it('writes 是否採計學分 1 / 2 / 3, and 3 for every 課程類別 9 with 科目屬性 D', () => {
    expect([1, 2, 3].map((n) => rosterCreditCounted(chinese, n))).toEqual([1, 2, 3]);
    expect(rosterCreditCounted(chinese, 4)).toBeNull();
    expect([1, 2, 3].map((n) => rosterCreditCounted(code('9', 'D'), n))).toEqual([3, 3, 3]);
    expect(rosterCreditCounted(code('8', 'D'), 1)).toBe(1);
  });

  it('knows only 補修方式 / 重修方式 3 and 重讀註記 1 / 2', () => {
    expect(['3', 3, '３'].map(rosterMethod)).toEqual([3, 3, 3]);
    expect(['', '1', '2', undefined].map(rosterMethod)).toEqual([null, null, null, null]);
    expect([1, 2, '2', 0, 3].map(rosterRepeatMark)).toEqual([1, 2, 2, null, null]);
  });

  it('derives 身分別 from the 學籍異動代碼', () => {
    expect(['111', '144', '211', '301', '221', '223', '116', ''].map(rosterTransferIdentity)).toEqual([1, 1, 2, 2, 3, 3, null, null]);
  });
});

describe('placeGrade', () => {
  it('writes a 學期成績 row in the layout order with the ROC birth date', () => {
    const [p] = placed('grades', { makeUpScore: '', description: '表現良好' });
    expect(p!.review).toBeNull();
    expect(gradeRow(layoutSheet(layout('grades'), '學期成績'), p!)).toEqual(['A123456789', '0980301', chinese, '國語文', 1, 4, 82, 1, -1, -1, 1, '表現良好']);
  });

  it('excludes 課程類別 8 / 9 without 科目屬性 D, and keeps 9 + D with 是否採計學分 3', () => {
    expect(placeGrade(layout('grades'), { ...base, code: code('8', '1') })).toEqual({ kind: 'excluded' });
    expect(placeGrade(layout('night-grades'), { ...base, take: 'night', code: code('9', 'A') })).toEqual({ kind: 'excluded' });
    const [p] = placed('grades', { code: code('9', 'D'), creditCounted: 1 });
    expect(p!.values['是否採計學分']).toBe(3);
  });

  it('leaves another roster’s takes alone', () => {
    expect(placeGrade(layout('grades'), { ...base, take: 'retake' })).toEqual({ kind: 'other-roster' });
    expect(placeGrade(layout('retake-repeat'), base)).toEqual({ kind: 'other-roster' });
  });

  it('places 補修 with 補修方式 3 and keeps an unknown or missing 補修方式 for the office', () => {
    const ctx = { dueYear: 113, dueSemester: 2, method: '3' };
    const [ok] = placed('grades', { take: 'make-up', context: ctx });
    expect(gradeRow(layoutSheet(layout('grades'), '補修成績'), ok!)).toEqual(['A123456789', '0980301', 113, 2, chinese, '國語文', 1, 4, 82, 1, -1, -1, 3, 1, '']);
    for (const method of ['1', '']) {
      const [p] = placed('grades', { take: 'make-up', context: { ...ctx, method } });
      expect(p).toMatchObject({ sheet: '補修成績', review: 'method-unknown' });
      expect(gradeRow(layoutSheet(layout('grades'), '補修成績'), p!, true)[12]).toBe('');
    }
  });

  it('writes 轉學轉科 身分別 from the 學籍異動代碼; an unknown one waits', () => {
    const ctx = { statusCode: '222', mappedYear: 113, mappedSemester: 2, originalSchool: '011301' };
    const [p] = placed('grades', { take: 'transfer', context: ctx, score: '75' });
    expect(gradeRow(layoutSheet(layout('grades'), '轉學轉科成績'), p!)).toEqual(['A123456789', '0980301', 113, 2, chinese, '國語文', 1, 4, 2, 75, 1, 1, '']);
    expect(placed('grades', { take: 'transfer', context: { ...ctx, statusCode: '999' } })[0]).toMatchObject({ review: 'identity-unknown' });
  });

  it('keeps rows with a value outside its code list, no offering, or no sheet', () => {
    expect(placed('grades', { passed: 5 })[0]).toMatchObject({ review: 'code-invalid', missing: ['成績及格'] });
    expect(placed('grades', { creditCounted: 7 })[0]).toMatchObject({ review: 'code-invalid', missing: ['是否採計學分'] });
    expect(placed('grades', { course: null })[0]).toMatchObject({ review: 'no-offering' });
    expect(placed('grades', { take: 'borrowed' })[0]).toMatchObject({ sheet: '學期成績', review: 'no-sheet' });
    expect(placed('grades', { code: 'X' })[0]).toMatchObject({ review: 'no-course-code' });
  });

  it('writes 重讀成績 with or without 再次修習 by layout version; 重讀註記 must be 1 or 2', () => {
    const ctx = { repeatMark: 2, retakeScore: 66, retakePassed: 1 };
    const [v2025] = placed('retake-repeat', { take: 'repeat-year', context: ctx, score: '70' });
    expect(gradeRow(layoutSheet(layout('retake-repeat'), '重讀成績'), v2025!)).toEqual(['A123456789', '0980301', chinese, '國語文', 1, 4, 66, 1, -1, -1, 70, 1, 2, 1, '']);
    const [d108] = placed('retake-repeat', { take: 'repeat-year', context: ctx, score: '70' }, 'd-108');
    expect(gradeRow(layoutSheet(layout('retake-repeat', 'd-108'), '重讀成績'), d108!)).toEqual(['A123456789', '0980301', chinese, '國語文', 1, 4, -1, -1, 70, 1, 2, 1, '']);
    expect(placed('retake-repeat', { take: 'repeat-year', context: { repeatMark: 0 } })[0]).toMatchObject({ review: 'code-invalid', missing: ['重讀註記'] });
  });

  it('writes 重修 on the original course with 重修方式', () => {
    const [p] = placed('retake-repeat', { take: 'retake', context: { originalYear: 113, originalSemester: 1, method: '3' }, score: '64' });
    expect(gradeRow(layoutSheet(layout('retake-repeat'), '重修成績'), p!)).toEqual(['A123456789', '0980301', 113, 1, chinese, '國語文', 1, 4, 3, 64, 1, '']);
  });

  it('writes 進修部 學期成績 with 修課節數 and a 補考成績 row when a make-up exam was sat', () => {
    const ctx = { periods: 4, yearScore: 76, yearPassed: 1, firstMakeUpScore: 62, firstMakeUpPassed: 1, secondMakeUpScore: -1, secondMakeUpPassed: -1 };
    const [term, makeUp] = placed('night-grades', { take: 'night', context: ctx, semester: 2, otherSemesterPeriods: 3, score: '77' });
    const night = layout('night-grades');
    expect(gradeRow(layoutSheet(night, '學期成績'), term!)).toEqual(['A123456789', '0980301', chinese, '國語文', 1, 4, 77, 1, 76, 1, 1, '']);
    expect(gradeRow(layoutSheet(night, '補考成績'), makeUp!)).toEqual(['A123456789', '0980301', chinese, '國語文', 1, 3, 4, 62, 1, -1, -1]);
    expect(placed('night-grades', { take: 'night', context: { periods: 4 } })).toHaveLength(1);
    expect(placed('night-grades', { take: 'night', context: {} })[0]).toMatchObject({ review: 'no-periods' });
    expect(placed('night-grades', { take: 'make-up', context: {} })[0]).toMatchObject({ sheet: '學期成績', review: 'no-sheet' });
  });

  it('refuses to write a submitted row with a column nothing fills', () => {
    expect(() => gradeRow(layoutSheet(layout('grades'), '學期成績'), { values: {} })).toThrow(DomainError);
  });
});

describe('placePrecheck', () => {
  const input = { nationalId: 'A123456789', birthDate: '2009-03-01', code: chinese, planSubjectName: '國語文', gradeLevel: 1, credits: 4 };
  it('fills the six columns with the plan’s 報部科目名稱', () => {
    const p = placePrecheck(input);
    expect(p).toMatchObject({ kind: 'placed', review: null });
    expect(gradeRow(layoutSheet(rosterLayout('precheck-day'), '學期成績'), p as { values: Record<string, string | number> })).toEqual(['A123456789', '0980301', chinese, '國語文', 1, 4]);
  });
  it('excludes 8 / 9 without D and keeps a code the plan lacks for the office', () => {
    expect(placePrecheck({ ...input, code: code('8', '1') })).toEqual({ kind: 'excluded' });
    expect(placePrecheck({ ...input, planSubjectName: null })).toMatchObject({ kind: 'placed', review: 'not-in-plan' });
    expect(placePrecheck({ ...input, code: 'bad' })).toMatchObject({ kind: 'placed', review: 'no-course-code' });
  });
});
