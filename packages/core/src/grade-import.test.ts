import { describe, expect, it } from 'vitest';
import { resolveColumns, validateImportRows } from './imports.ts';

const header = ['學號', '學年度', '學期', '成績類別', '課程代碼', '學期學業成績', '成績及格', '是否採計學分', '應修課學年度', '應修課學期', '原修課學年度', '原修課學期', '重讀註記', '再次修習成績', '學籍異動代碼', '對應學年度', '對應學期', '原修課學校代碼', '借讀學校代碼', '修課節數'];
const courseCode = (category: string, attribute: string) => `108011302H111010${category}0${attribute}0101`;
const CODE = courseCode('1', '1');
const NINE_D = courseCode('9', 'D');

function check(rows: unknown[][]) {
  const { columns, errors } = resolveColumns('grades', header);
  expect(errors).toEqual([]);
  return validateImportRows('grades', rows, columns);
}
const row = (over: Partial<Record<string, unknown>>) => header.map((h) => over[h] ?? ({ 學號: 'S1', 學年度: 114, 學期: 1, 課程代碼: CODE, 學期學業成績: 80, 成績及格: 1, 是否採計學分: 1 } as Record<string, unknown>)[h] ?? '');

describe('grade rows', () => {
  it('reads a term row and each kind of taking with its context', () => {
    const { rows, issues } = check([
      row({}),
      row({ 學號: 'S2', 成績類別: '補修成績', 應修課學年度: 113, 應修課學期: 2 }),
      row({ 學號: 'S3', 成績類別: '重修', 原修課學年度: 113, 原修課學期: 1 }),
      row({ 學號: 'S4', 成績類別: '重讀成績', 重讀註記: 2, 再次修習成績: 71 }),
      row({ 學號: 'S5', 成績類別: '轉學轉科成績', 學籍異動代碼: '221', 對應學年度: 113, 對應學期: 1, 原修課學校代碼: '011301' }),
      row({ 學號: 'S6', 成績類別: '借讀', 借讀學校代碼: '013402' }),
      row({ 學號: 'S7', 成績類別: '進修部學期成績', 修課節數: 3 }),
      row({ 學號: 'S8', 課程代碼: NINE_D, 是否採計學分: 3 }),
    ]);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.value.take)).toEqual(['term', 'make-up', 'retake', 'repeat-year', 'transfer', 'borrowed', 'night', 'term']);
    expect(rows[4]?.value.transferIdentity).toBe(3);
    expect(rows[0]?.value.makeUpScore).toBe(-1);
  });

  it('reports the code rules, bad codes and missing context by row and column', () => {
    const { rows, issues } = check([
      row({ 成績及格: 2 }),
      row({ 學號: 'S2', 是否採計學分: 4 }),
      row({ 學號: 'S3', 課程代碼: NINE_D, 是否採計學分: 1 }),
      row({ 學號: 'S4', 課程代碼: courseCode('8', '1') }),
      row({ 學號: 'S5', 成績類別: '補修' }),
      row({ 學號: 'S6', 成績類別: '轉學轉科', 學籍異動代碼: '999', 對應學年度: 113, 對應學期: 1, 原修課學校代碼: '011301' }),
      row({ 學號: 'S7', 成績類別: '重讀', 重讀註記: 2 }),
      row({ 學號: 'S8', 學期學業成績: 120 }),
    ]);
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '成績及格', 'import-code-invalid'],
      [3, '是否採計學分', 'import-code-invalid'],
      [4, '是否採計學分', 'grade-credit-9d'],
      [5, '課程代碼', 'grade-kept-out'],
      [6, '應修課學年度', 'grade-context-required'],
      [6, '應修課學期', 'grade-context-required'],
      [7, '學籍異動代碼', 'grade-status-code-unknown'],
      [8, '再次修習成績', 'grade-context-required'],
      [9, '學期學業成績', 'import-decimal-invalid'],
    ]);
    expect(issues[4]?.message).toBe('補修成績須填「應修課學年度」');
  });
});
