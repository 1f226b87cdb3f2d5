import { describe, expect, it } from 'vitest';
import { DomainError } from '@licheng/core';
import { decodeText } from '@licheng/server';
import { certificateNumberKey, certificateSummary, certificateTerm } from './certificate-fields.ts';
import { checkListRows } from './certificate-rows.ts';
import { readTable } from './table-file.ts';

const now = new Date('2025-10-01T04:00:00Z');

describe('checkListRows', () => {
  it('reads spreadsheet date cells, compact ROC numbers and header aliases in any order', () => {
    const { rows, issues, dataRows } = checkListRows(
      [
        ['證號', '職類名稱', '等級', '學號', '發證日'],
        ['X1', '園藝', '丙級', 1130001, new Date('2025-06-30T00:00:00Z')],
        ['X2', '園藝', '丙級', 1130002, 1140630],
      ],
      now,
    );
    expect(issues).toEqual([]);
    expect(dataRows).toBe(2);
    expect(rows.map((r) => [r.row, r.studentNo, r.fields.number, r.fields.date])).toEqual([
      [2, '1130001', 'X1', '2025-06-30'],
      [3, '1130002', 'X2', '2025-06-30'],
    ]);
  });

  it('accepts a certificate dated today in Taipei and refuses tomorrow', () => {
    const rows = [['學號', '證照名稱', '級別', '證照號碼', '發證日期'], ['S1', 'a', '丙級', '1', '2025-10-01'], ['S1', 'a', '丙級', '2', '2025-10-02']];
    expect(checkListRows(rows, now).issues.map((i) => [i.row, i.code])).toEqual([[3, 'certificate-date-future']]);
  });

  it('reads text cells by the free-text rule: control characters and line breaks refused, invisible-only is blank', () => {
    const rows = [
      ['學號', '證照名稱', '級別', '證照號碼', '發證日期', '發證單位'],
      ['S1', '園藝\u0085', '丙級', 'A1', '2025-06-30', ''],
      ['S1', '園藝', '\u200b\u200b', 'A2', '2025-06-30', ''],
      ['S1', '園藝', '丙級', 'A\u202e3', '2025-06-30', ''],
      ['S1', '園藝', '丙級', 'A4', '2025-06-30', '技能\n檢定中心'],
      ['S1', ' 園藝\u200b ', '丙級', 'A5', '2025-06-30', '\ufeff'],
    ];
    const checked = checkListRows(rows, now);
    expect(checked.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '證照名稱', 'import-text-control-character'],
      [3, '級別', 'import-value-required'],
      [4, '證照號碼', 'import-text-control-character'],
      [5, '發證單位', 'import-text-line-break'],
    ]);
    expect(checked.issues[0]!.message).toBe('「證照名稱」含有不允許的控制字元 U+0085（第 3 字）');
    expect(checked.rows.map((r) => [r.row, r.fields.name, r.fields.issuer])).toEqual([[6, '園藝', '勞動部勞動力發展署技能檢定中心']]);
  });

  it('refuses a list without data rows', () => {
    expect(() => checkListRows([['學號', '證照名稱', '級別', '證照號碼', '發證日期'], ['', '']], now)).toThrow(DomainError);
  });
});

describe('certificate fields', () => {
  it('compares numbers ignoring width, spaces and case; files by the term of the date', () => {
    expect(certificateNumberKey(' ａｂ １２ ')).toBe(certificateNumberKey('AB12'));
    expect(certificateTerm('2025-07-31')).toEqual({ academicYear: 113, semester: 2 });
    expect(certificateTerm('2026-01-31')).toEqual({ academicYear: 114, semester: 1 });
    expect(certificateSummary({ name: '工業電子', level: '丙級' })).toBe('工業電子 丙級');
  });
});

describe('table files', () => {
  it('decodes Big5 when the bytes are not UTF-8, and refuses binary content', async () => {
    expect(decodeText(new Uint8Array([0xa4, 0xa4, 0xa4, 0xe5])).text).toBe('中文');
    await expect(readTable(new Uint8Array([0x41, 0x00, 0x42]))).rejects.toMatchObject({ code: 'file-type-not-allowed' });
    await expect(readTable(new Uint8Array([]))).rejects.toMatchObject({ code: 'file-empty' });
    await expect(readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: 'import-file-unreadable' });
  });
});
