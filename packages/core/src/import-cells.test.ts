import { describe, expect, it } from 'vitest';
import { cellText, integerField, isBlankCell, listField, unwrapCell } from './import-cells.ts';

describe('cells', () => {
  it('unwraps spreadsheet-reader objects', () => {
    expect(unwrapCell({ richText: [{ text: '王' }, { text: '小明' }] })).toBe('王小明');
    expect(unwrapCell({ formula: 'A1+1', result: 3 })).toBe(3);
    expect(unwrapCell({ text: 'a@b.tw', hyperlink: 'mailto:a@b.tw' })).toBe('a@b.tw');
    expect(unwrapCell(undefined)).toBeNull();
  });
  it('reads cells as trimmed text', () => {
    expect(cellText('  101 \u3000')).toBe('101');
    expect(cellText(101)).toBe('101');
    expect(cellText(null)).toBe('');
    expect(isBlankCell('   ')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });
});

describe('integerField', () => {
  const grade = integerField('年級', { min: 1, max: 3, strip: /^高|年級?$/g, words: { 一: 1 } });
  it('reads numbers, numeric text, words and stripped text', () => {
    expect(grade.parse(2)).toBe(2);
    expect(grade.parse('３')).toBe(3);
    expect(grade.parse('2.0')).toBe(2);
    expect(grade.parse('高一')).toBe(1);
    expect(grade.parse('3年級')).toBe(3);
  });
  it('refuses out-of-range, fractional and blank values with the column named', () => {
    for (const bad of [0, 4, 2.5, 'x']) {
      const issue = grade.safeParse(bad).error?.issues[0] as { message: string; params?: Record<string, unknown> };
      expect(issue.params).toMatchObject({ code: 'import-number-invalid', column: '年級', min: 1, max: 3 });
      expect(issue.message).toContain('「年級」應為 1 到 3 的整數');
    }
    expect((grade.safeParse('').error?.issues[0] as { params?: unknown }).params).toEqual({ code: 'import-value-required', column: '年級' });
  });
});

describe('listField', () => {
  it('splits on 、 , ; / and spaces, dropping duplicates', () => {
    expect(listField('教師').parse('T1、T2，T3; T4/T5 T1')).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(listField('教師').safeParse(' 、 ').success).toBe(false);
  });
});
