import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { layoutSheet, rosterLayout } from './lookup.ts';
import { outcomeRow, outcomeTake, placeOutcome, type OutcomeRowInput } from './outcome-placement.ts';

const CODE = '114123456H11101A1010101';
const base: OutcomeRowInput = {
  nationalId: 'A123456789',
  birthDate: '2009-03-01',
  academicYear: 114,
  semester: 2,
  summary: '實驗報告',
  course: { code: CODE, subjectName: '物理', gradeLevel: 1, credits: 2 },
  grades: [],
};
const z = rosterLayout('outcomes');
const d = rosterLayout('outcomes', 'd-108');
const night = rosterLayout('night-outcomes');
const rowOf = (layout: typeof z, input: OutcomeRowInput) => {
  const p = placeOutcome(layout, input);
  return { ...p, row: p.review ? null : outcomeRow(layoutSheet(layout, p.sheet), p) };
};

describe('placeOutcome', () => {
  it('puts an outcome with no special grade on 學期課程學習成果, the ROC birth date as 7 digits', () => {
    expect(rowOf(z, base)).toMatchObject({ sheet: '學期課程學習成果', take: 'term', review: null, row: ['A123456789', '0980301', CODE, '物理', 1, 2, 114, 2, '實驗報告'] });
    expect(rowOf(d, base).row).toEqual(['A123456789', '0980301', CODE, '物理', 1, 2, 2, '實驗報告']);
  });

  it('puts a 補修 course on 補修課程學習成果 with 應修課學年度/學期 (and 補修方式 in the 108 version)', () => {
    const input: OutcomeRowInput = { ...base, grades: [{ take: 'term', context: {} }, { take: 'make-up', context: { dueYear: 113, dueSemester: 1, method: '3' } }] };
    expect(rowOf(z, input)).toMatchObject({ sheet: '補修課程學習成果', take: 'make-up', row: ['A123456789', '0980301', 113, 1, CODE, '物理', 1, 2, 114, 2, '實驗報告'] });
    expect(rowOf(d, input).row).toEqual(['A123456789', '0980301', 113, 1, CODE, '物理', 1, 2, '3', 2, '實驗報告']);
  });

  it('fills 重修, 重讀, 轉學轉科 and 借讀 from their grade context', () => {
    expect(rowOf(z, { ...base, grades: [{ take: 'retake', context: { originalYear: 113, originalSemester: 2, method: '' } }] }).row).toEqual(['A123456789', '0980301', 113, 2, CODE, '物理', 1, 2, 114, 2, '實驗報告']);
    expect(rowOf(z, { ...base, grades: [{ take: 'repeat-year', context: { repeatMark: 2 } }] })).toMatchObject({ sheet: '重讀課程學習成果', row: ['A123456789', '0980301', CODE, '物理', 1, 2, 114, 2, '實驗報告'] });
    expect(rowOf(z, { ...base, grades: [{ take: 'transfer', context: { originalSchool: '654321', mappedYear: 114, mappedSemester: 1 } }] })).toMatchObject({ sheet: '轉學轉科課程學習成果', row: ['A123456789', '0980301', '654321', 114, 2, CODE, '物理', 1, 2, '實驗報告'] });
    expect(rowOf(z, { ...base, grades: [{ take: 'borrowed', context: { borrowSchool: '111111', borrowCode: '' } }] })).toMatchObject({ sheet: '借讀課程學習成果', row: ['A123456789', '0980301', '111111', 114, 2, CODE, '物理', 1, 2, '實驗報告'] });
    expect(outcomeTake([{ take: 'retake', context: {} }, { take: 'transfer', context: {} }])).toBe('transfer');
  });

  it('keeps for the office an outcome with no course code, a sheet roster 28 lacks, or a 進修部 row without 修課節數', () => {
    expect(placeOutcome(z, { ...base, course: null })).toMatchObject({ sheet: '學期課程學習成果', review: 'no-course-code' });
    expect(placeOutcome(z, { ...base, course: { ...base.course!, code: 'X1' } }).review).toBe('no-course-code');
    expect(placeOutcome(night, { ...base, grades: [{ take: 'make-up', context: { dueYear: 113, dueSemester: 1 } }] })).toMatchObject({ sheet: '補修課程學習成果', review: 'no-sheet' });
    expect(placeOutcome(night, base)).toMatchObject({ review: 'no-periods', missing: ['修課節數'] });
    expect(placeOutcome(z, { ...base, enrolmentTake: 'retake' })).toMatchObject({ sheet: '重修課程學習成果', take: 'retake', review: 'take-without-grade' });
    expect(placeOutcome(z, { ...base, enrolmentTake: 'make-up', grades: [{ take: 'make-up', context: { dueYear: 113, dueSemester: 1 } }] }).review).toBeNull();
    expect(rowOf(night, { ...base, grades: [{ take: 'night', context: { periods: 3 } }] })).toMatchObject({ review: null, row: ['A123456789', '0980301', CODE, '物理', 1, 3, 114, 2, '實驗報告'] });
  });

  it('sends a row whose grade lacks a column of its sheet to review, and outcomeRow refuses to blank it', () => {
    const p = placeOutcome(z, { ...base, grades: [{ take: 'make-up', context: { dueYear: 0, dueSemester: 1 } }] });
    expect(p).toMatchObject({ review: 'column-unfilled', missing: ['應修課學年度'] });
    const sheet = layoutSheet(z, '補修課程學習成果');
    expect(() => outcomeRow(sheet, p)).toThrow(DomainError);
    expect(outcomeRow(sheet, p, true)[2]).toBe('');
  });
});
