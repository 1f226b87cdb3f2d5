import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@licheng/core';
import { readImportSheet } from './import-sheet.ts';
import { readLimited } from '@licheng/server';
import { HEADER_SEARCH_ROWS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, readTableFile, tableTooLarge } from './table-file.ts';
import { csvBytes, encodeBig5, teachersSheet } from './test-support.ts';

async function refusal(bytes: Uint8Array, name = 'x.csv'): Promise<DomainError> {
  const error = await readTableFile(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const rows = [
  ['學號', '姓名', '班級'],
  ['S001', '陳小明', '101'],
  ['S002', '林小華，"阿華"', '102'],
];

describe('readTableFile', () => {
  it('has a Big5 encoder that agrees with known bytes', () => {
    expect([...encodeBig5('中文')]).toEqual([0xa4, 0xa4, 0xa4, 0xe5]);
    expect([...encodeBig5('學號')]).toEqual([0xbe, 0xc7, 0xb8, 0xb9]);
    expect(new TextDecoder('big5').decode(encodeBig5('陳小明,日間部'))).toBe('陳小明,日間部');
  });

  it.each(['utf-8-bom', 'utf-8', 'big5'] as const)('reads CSV in %s', async (encoding) => {
    const table = await readTableFile(csvBytes(rows, encoding), 'roster.csv');
    expect(table).toEqual({ format: 'csv', encoding, rows });
  });

  it('reads hard-coded Big5 bytes (中文,A1) and UTF-16 text with tabs', async () => {
    const big5 = new Uint8Array([0xa4, 0xa4, 0xa4, 0xe5, 0x2c, 0x41, 0x31, 0x0d, 0x0a]);
    expect((await readTableFile(big5)).rows).toEqual([['中文', 'A1']]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('學號\t姓名\r\nS1\t王', (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat()]);
    expect(await readTableFile(utf16)).toEqual({ format: 'csv', encoding: 'utf-16le', rows: [['學號', '姓名'], ['S1', '王']] });
  });

  it('keeps blank lines so row numbers match the file, and accepts ragged rows', async () => {
    const text = new TextEncoder().encode('a,b,c\n\n1,2\n3,4,5,6\n');
    expect((await readTableFile(text)).rows).toEqual([['a', 'b', 'c'], [''], ['1', '2'], ['3', '4', '5', '6']]);
  });

  it('reads the first worksheet of an xlsx by content, whatever its name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名冊');
    sheet.addRow(['學號', '出生日期', '座號', '姓名', '合計']);
    sheet.addRow(['S001', new Date(Date.UTC(2009, 2, 1)), 7, { richText: [{ text: '陳' }, { font: { bold: true }, text: '小明' }] }, { formula: 'C2*2', result: 14 }]);
    sheet.addRow([]);
    sheet.addRow(['S002', null, { text: '連結', hyperlink: 'https://example.org' }]);
    workbook.addWorksheet('other').addRow(['ignored']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readTableFile(bytes, 'roster.csv');
    expect(table.format).toBe('xlsx');
    expect(table.rows).toEqual([
      ['學號', '出生日期', '座號', '姓名', '合計'],
      ['S001', new Date(Date.UTC(2009, 2, 1)), 7, '陳小明', 14],
      [],
      ['S002', null, '連結'],
    ]);
  });

  it('refuses what is not a spreadsheet, judged by content', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');
    expect((await refusal(pdf, 'students.csv')).code).toBe('file-type-not-allowed');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(xls, 'students.xlsx')).code).toBe('import-xls-unsupported');
    expect((await refusal(new Uint8Array(0))).code).toBe('file-empty');
    const binary = new Uint8Array([0x41, 0x42, 0x00, 0x01, 0x43]);
    expect((await refusal(binary)).code).toBe('file-type-not-allowed');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await refusal(png)).code).toBe('file-type-not-allowed');
    const docx = Uint8Array.from(atob('UEsDBBQAAAAAANMOeF0Ww3oZBAAAAAQAAAARAAAAd29yZC9kb2N1bWVudC54bWw8dy8+UEsBAhQDFAAAAAAA0w54XRbDehkEAAAABAAAABEAAAAAAAAAAAAAAIABAAAAAHdvcmQvZG9jdW1lbnQueG1sUEsFBgAAAAABAAEAPwAAADMAAAAAAA=='), (c) => c.charCodeAt(0));
    expect(['file-type-not-allowed', 'import-file-unreadable']).toContain((await refusal(docx, 'a.xlsx')).code);
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await refusal(brokenZip, 'a.xlsx')).code).toBe('import-file-unreadable');
  });

  it('refuses text in no known encoding and CSV with an unclosed quote', async () => {
    const neither = new Uint8Array([0x41, 0x2c, 0xa4, 0x20, 0x0a]);
    expect((await refusal(neither)).code).toBe('import-encoding-unknown');
    const error = await refusal(new TextEncoder().encode('a,b\n1,"open\n2,3\n'));
    expect(error.code).toBe('import-csv-invalid');
    expect(error.params.line).toBeGreaterThan(0);
  });

  it('stops reading a stream past the limit', async () => {
    const chunk = new Uint8Array(1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(chunk);
        if (sent === 100) controller.close();
      },
    });
    await expect(readLimited(stream, 10 * 1024, tableTooLarge)).rejects.toMatchObject({ code: 'file-too-large', params: { slot: 'spreadsheet' } });
    expect(sent).toBeLessThan(20);
    const small = new Blob([new Uint8Array(5000)]).stream();
    expect((await readLimited(small, 10 * 1024, tableTooLarge)).byteLength).toBe(5000);
  });

  describe('caps what one import reads', () => {
    const teacherLines = (n: number) => Array.from({ length: n }, (_, i) => `T${i},老師${i}`).join('\n');
    const header = teachersSheet[0]!.join(',');
    const csv = (text: string) => new TextEncoder().encode(text);

    it('documents the caps', () => {
      expect(MAX_IMPORT_ROWS).toBe(50_000);
      expect(MAX_IMPORT_COLUMNS).toBe(100);
    });

    it('refuses a CSV of 50,001 data rows before checking any row, and takes 50,000', async () => {
      const over = await readTableFile(csv(`${header}\n${teacherLines(MAX_IMPORT_ROWS + 1)}\n`));
      expect(() => readImportSheet('teachers', over.rows)).toThrow(expect.objectContaining({ code: 'import-too-many-rows', params: { max: 50_000 } }));
      const atCap = await readTableFile(csv(`${header}\n${teacherLines(MAX_IMPORT_ROWS)}\n`));
      expect(readImportSheet('teachers', atCap.rows).totalRows).toBe(MAX_IMPORT_ROWS);
    });

    it('stops parsing a CSV as soon as it passes the cap, never reading the rest', async () => {
      const refused = await refusal(csv(`${header}\n${teacherLines(MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS)}\n`));
      expect(refused).toMatchObject({ code: 'import-too-many-rows', params: { max: 50_000 } });
      // A broken quote far past the cap is never reached: the parser stopped before it.
      const brokenTail = await refusal(csv(`${header}\n${teacherLines(60_000)}\nT1,"open\n`));
      expect(brokenTail.code).toBe('import-too-many-rows');
      // Title lines above the header fit.
      expect((await readTableFile(csv(`${header}\n${teacherLines(MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS - 1)}\n`))).rows).toHaveLength(MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS);
    });

    it('refuses a CSV row wider than 100 columns', async () => {
      const wide = (n: number) => csv(`${header}\nT1,${Array.from({ length: n - 1 }, (_, i) => `c${i}`).join(',')}\n`);
      expect(await refusal(wide(MAX_IMPORT_COLUMNS + 1))).toMatchObject({ code: 'import-too-many-columns', params: { max: 100 } });
      expect((await readTableFile(wide(MAX_IMPORT_COLUMNS))).rows[1]).toHaveLength(MAX_IMPORT_COLUMNS);
    });

    it('refuses a workbook by its sheet size before reading its rows: a lone cell at row 60,000 or column 101', async () => {
      const workbook = async (row: number, column: number) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('名冊');
        sheet.addRow(['教師代號', '姓名']);
        sheet.getCell(row, column).value = 'x';
        return new Uint8Array(await book.xlsx.writeBuffer());
      };
      expect(await refusal(await workbook(60_000, 1), 'big.xlsx')).toMatchObject({ code: 'import-too-many-rows', params: { max: 50_000 } });
      expect(await refusal(await workbook(2, MAX_IMPORT_COLUMNS + 1), 'wide.xlsx')).toMatchObject({ code: 'import-too-many-columns', params: { max: 100 } });
      const fits = await readTableFile(await workbook(MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS, MAX_IMPORT_COLUMNS));
      expect(fits.rows).toHaveLength(MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS);
    });
  });
});
