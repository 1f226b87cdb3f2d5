import { describe, expect, it } from 'vitest';
import { formatMessage } from './errors.ts';
import { jsonNamesListed, readShaLines, receiptKindOf, receiptRosterOf, shaListedFor, termOfFileName } from './receipt-package.ts';

const A = 'a'.repeat(64);
const B = 'B'.repeat(64);

describe('SHA.txt', () => {
  it('finds a file by its name whatever the field order, separator, BOM or line ends', () => {
    const lines = readShaLines(`\uFEFF114_1_多元表現.json,${A},2025-10-01\r\n\r\n${B}\t"114_1_修課紀錄.json"\r\n${A}  *dir/114_0_課程學習成果.json\n`);
    expect(shaListedFor(lines, '114_1_多元表現.json')).toEqual({ sha256: A, line: 1 });
    expect(shaListedFor(lines, '114_1_修課紀錄.json')).toEqual({ sha256: B.toLowerCase(), line: 3 });
    expect(shaListedFor(lines, '114_0_課程學習成果.json')).toEqual({ sha256: A, line: 4 });
    expect(shaListedFor(lines, 'other.json')).toBeNull();
    expect(jsonNamesListed(lines)).toEqual(['114_1_多元表現.json', '114_1_修課紀錄.json', 'dir/114_0_課程學習成果.json']);
  });

  it('refuses a line naming the file without exactly one hash, or a file listed twice, by line', () => {
    expect(() => shaListedFor(readShaLines(`x.json,abc\n`), 'x.json')).toThrow(expect.objectContaining({ code: 'receipt-sha-line-invalid', params: { line: 1 } }));
    expect(() => shaListedFor(readShaLines(`x.json,${A},${B}\n`), 'x.json')).toThrow(expect.objectContaining({ code: 'receipt-sha-line-invalid' }));
    expect(() => shaListedFor(readShaLines(`x.json,${A}\ny.json,${B}\n${B},x.json\n`), 'x.json')).toThrow(expect.objectContaining({ params: { line: 3 } }));
    expect(formatMessage('receipt-sha-line-invalid', { line: 3 }, 'en')).toContain('line 3');
  });

  it('refuses a SHA.txt with no line', () => {
    expect(() => readShaLines('\uFEFF\r\n  \r\n')).toThrow(expect.objectContaining({ code: 'receipt-sha-empty' }));
  });
});

describe('receipt rosters from file names', () => {
  it('reads the roster from the name and refuses none or two', () => {
    expect(receiptRosterOf('114_1_123456_修課紀錄.json')).toBe('修課紀錄');
    expect(receiptRosterOf('a/114_0_進修部學生課程學習成果.json')).toBe('課程學習成果');
    expect(receiptRosterOf('校內幹部經歷.json')).toBe('校內幹部經歷');
    expect(receiptRosterOf('114_1_成績.json')).toBeNull();
    expect(receiptRosterOf('多元表現與校內幹部經歷.json')).toBeNull();
  });

  it('takes the stated 名冊別 when it is the same roster, else the regular kind', () => {
    expect(receiptKindOf('多元表現', 'x多元表現.json', null)).toBe(25);
    expect(receiptKindOf('多元表現', 'x多元表現.json', 35)).toBe(35);
    expect(receiptKindOf('多元表現', 'x多元表現.json', 26)).toBeNull();
    expect(receiptKindOf('課程學習成果', '進修部課程學習成果.json', null)).toBe(28);
    expect(receiptKindOf('課程學習成果', '課程學習成果.json', 38)).toBe(38);
    expect(receiptKindOf('修課紀錄', '修課紀錄.json', null)).toBe(0);
  });

  it('reads the term a file name starts with', () => {
    expect(termOfFileName('dir/114_0_多元表現.json')).toEqual({ academicYear: 114, semester: 0 });
    expect(termOfFileName('多元表現.json')).toBeNull();
  });
});
