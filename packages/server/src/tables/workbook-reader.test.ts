import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTableFile, readTableFileHere, MAX_WORKBOOK_INFLATED_BYTES, type TableLimits } from './table-file.ts';
import { buildZip, deflatePieces, SHEET_HEAD, SHEET_TAIL, workbookParts, type FixturePart } from './workbook-fixtures.ts';
import type { WorkbookReadStats } from './workbook-reader.ts';

const LIMITS: TableLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 50_000, headerRows: 10, maxColumns: 100 };
const GIB = 1024 * 1024 * 1024;
const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>學號</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row>';

function workbook(sheet: Uint8Array, extra: FixturePart[] = [], options: Parameters<typeof workbookParts>[0] = {}, declaredSize = 1000): Uint8Array {
  return buildZip([...workbookParts(options), ...extra, { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize }]);
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string }> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: { code: string }) => error,
  );
}

/** The highest resident set size of the process while `work` runs (the worker thread's memory included). */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage.rss()) - before;
}

describe('reading a workbook never trusts the sizes it declares', () => {
  // 1 GiB of blank text inside the sheet, in about a megabyte, declaring 1,000 bytes.
  const whitespaceBomb = () => workbook(deflatePieces([SHEET_HEAD, HEADER_ROW, { repeat: ' '.repeat(1024 * 1024), times: 1024 }, SHEET_TAIL]));

  it('refuses a sheet that declares 1,000 bytes and inflates to 1 GiB at the limit, counting real bytes', async () => {
    const bomb = whitespaceBomb();
    expect(bomb.byteLength).toBeLessThan(LIMITS.maxBytes);
    const stats: WorkbookReadStats = { inflatedBytes: 0, rowsRead: 0 };
    expect(await refusal(readTableFileHere(bomb, LIMITS, 'bomb.xlsx', stats))).toMatchObject({ code: 'import-too-many-rows' });
    // Reading stopped within one 64 KiB chunk past the limit, a quarter of the way through the bomb.
    expect(stats.inflatedBytes).toBeGreaterThan(MAX_WORKBOOK_INFLATED_BYTES);
    expect(stats.inflatedBytes).toBeLessThanOrEqual(MAX_WORKBOOK_INFLATED_BYTES + 64 * 1024);
    expect(stats.inflatedBytes).toBeLessThan(GIB / 2);
  });

  it('keeps the memory of refusing it bounded: well under 100 MB of growth for the 1 GiB bomb', async () => {
    await readTableFile(workbook(deflatePieces([SHEET_HEAD, HEADER_ROW, SHEET_TAIL])), LIMITS); // the worker is up
    const bomb = whitespaceBomb();
    let code = '';
    const growth = await peakRssGrowth(async () => {
      code = (await refusal(readTableFile(bomb, LIMITS, 'bomb.xlsx'))).code;
    });
    expect(code).toBe('import-too-many-rows');
    expect(growth).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a single shared string of a gigabyte as unreadable after reading a few kilobytes of it', async () => {
    const strings = deflatePieces(['<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', { repeat: 'a'.repeat(1024 * 1024), times: 1024 }, '</t></si></sst>']);
    const bomb = workbook(deflatePieces([SHEET_HEAD, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', SHEET_TAIL]), [{ name: 'xl/sharedStrings.xml', data: strings, declaredSize: 100 }], { sharedStrings: true });
    const stats: WorkbookReadStats = { inflatedBytes: 0, rowsRead: 0 };
    expect(await refusal(readTableFileHere(bomb, LIMITS, 'bomb.xlsx', stats))).toMatchObject({ code: 'import-file-unreadable' });
    expect(stats.inflatedBytes).toBeLessThan(1024 * 1024);
  });

  it('still refuses, unopened, a workbook declaring more than the limit', async () => {
    const sheet = deflatePieces([SHEET_HEAD, HEADER_ROW, SHEET_TAIL]);
    const stats: WorkbookReadStats = { inflatedBytes: 0, rowsRead: 0 };
    expect(await refusal(readTableFileHere(workbook(sheet, [], {}, MAX_WORKBOOK_INFLATED_BYTES + 1), LIMITS, '', stats))).toMatchObject({ code: 'import-too-many-rows' });
    expect(stats.inflatedBytes).toBe(0);
  });

  it('refuses a part whose compressed bytes are cut short or not deflate data', async () => {
    const sheet = deflatePieces([SHEET_HEAD, HEADER_ROW, SHEET_TAIL]);
    expect(await refusal(readTableFileHere(workbook(sheet.subarray(0, sheet.byteLength - 10)), LIMITS))).toMatchObject({ code: 'import-file-unreadable' });
    expect(await refusal(readTableFileHere(workbook(new Uint8Array([0xff, 0xff, 0xff, 0xff])), LIMITS))).toMatchObject({ code: 'import-file-unreadable' });
  });
});

describe('the row limit while reading', () => {
  it('stops a 1,000,000-row sheet at the first row past the limit, reading no further', async () => {
    const pieces: string[] = [SHEET_HEAD];
    for (let start = 1; start <= 1_000_000; start += 10_000) {
      let rows = '';
      for (let r = start; r < start + 10_000; r++) rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>S${r}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
      pieces.push(rows);
    }
    pieces.push(SHEET_TAIL);
    const file = workbook(deflatePieces(pieces), [], {}, 0);
    expect(file.byteLength).toBeLessThan(LIMITS.maxBytes);
    const stats: WorkbookReadStats = { inflatedBytes: 0, rowsRead: 0 };
    expect(await refusal(readTableFileHere(file, LIMITS, 'million.xlsx', stats))).toMatchObject({ code: 'import-too-many-rows', params: { max: 50_000 } });
    expect(stats.rowsRead).toBe(LIMITS.maxRows + LIMITS.headerRows + 1);
    const sheetBytes = pieces.reduce((sum, p) => sum + Buffer.byteLength(p), 0);
    expect(stats.inflatedBytes).toBeLessThan(sheetBytes / 10);
  });

  it('refuses a row numbered past the limit when it comes, and a cell past the last column', async () => {
    const far = workbook(deflatePieces([SHEET_HEAD, HEADER_ROW, '<row r="50011"><c r="A50011"><v>1</v></c></row>', SHEET_TAIL]));
    expect(await refusal(readTableFileHere(far, LIMITS))).toMatchObject({ code: 'import-too-many-rows' });
    const wide = workbook(deflatePieces([SHEET_HEAD, '<row r="1"><c r="CW1"><v>1</v></c></row>', SHEET_TAIL]));
    expect(await refusal(readTableFileHere(wide, LIMITS))).toMatchObject({ code: 'import-too-many-columns', params: { max: 100 } });
  });
});

describe('what a workbook holds', () => {
  it('reads shared and inline strings, rich text without phonetic runs, numbers, booleans, errors, dates by style, and merged areas', async () => {
    const strings = deflatePieces([
      '<?xml version="1.0"?><x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      '<x:si><x:t>學號</x:t></x:si>',
      '<x:si><x:r><x:t>陳</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">小明 </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ㄔㄣˊ</x:t></x:rPh></x:si>',
      '<x:si><x:t>A&amp;B &lt;1&gt; &#x5B78;_x000D_</x:t></x:si>',
      '</x:sst>',
    ]);
    const styles = deflatePieces([
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></numFmts>',
      '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>',
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>',
    ]);
    const sheet = deflatePieces([
      SHEET_HEAD,
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>姓名</t></is></c></row>',
      '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>39873</v></c><c r="C2" s="2"><v>39873.5</v></c><c r="D2" s="3"><v>1.5</v></c></row>',
      '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4" t="str"><f>A1&amp;"x"</f><v>學號x</v></c><c r="D4" t="s"><v>2</v></c><c r="E4" s="1"/></row>',
      '<row r="5"><c r="A5" t="inlineStr"><is><t>合併</t></is></c></row>',
      '</sheetData><mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells></worksheet>',
    ]);
    const file = workbook(sheet, [{ name: 'xl/sharedStrings.xml', data: strings }, { name: 'xl/styles.xml', data: styles }], { sharedStrings: true, styles: true });
    const table = await readTableFile(file, LIMITS);
    expect(table.format).toBe('xlsx');
    expect(table.rows).toEqual([
      ['學號', null, '姓名'],
      ['陳小明 ', new Date(Date.UTC(2009, 2, 1)), new Date(Date.UTC(2009, 2, 1, 12)), 1.5],
      [],
      [true, '#N/A', '學號x', 'A&B <1> 學\r', null],
      ['合併', '合併'],
      ['合併', '合併'],
    ]);
  });

  it('counts days from 1904 when the workbook says so', async () => {
    const styles = deflatePieces(['<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>']);
    const file = workbook(deflatePieces([SHEET_HEAD, '<row r="1"><c r="A1" s="1"><v>38411</v></c></row>', SHEET_TAIL]), [{ name: 'xl/styles.xml', data: styles }], { styles: true, date1904: true });
    expect((await readTableFile(file, LIMITS)).rows).toEqual([[new Date(Date.UTC(2009, 2, 1))]]);
  });

  it('reads parts stored without compression', async () => {
    const parts = workbookParts().map((p) => ({ name: p.name, data: new Uint8Array(zlib.inflateRawSync(p.data)), method: 0 as const }));
    const sheet = new TextEncoder().encode(`${SHEET_HEAD}${HEADER_ROW}${SHEET_TAIL}`);
    const file = buildZip([...parts, { name: 'xl/worksheets/sheet1.xml', data: sheet, method: 0 }]);
    expect((await readTableFile(file, LIMITS)).rows).toEqual([['學號', '姓名']]);
  });

  it('refuses a document type declaration and malformed markup as unreadable', async () => {
    const doctype = workbook(deflatePieces(['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>', SHEET_HEAD.replace(/^<\?xml[^>]*>\n/, ''), HEADER_ROW, SHEET_TAIL]));
    expect(await refusal(readTableFileHere(doctype, LIMITS))).toMatchObject({ code: 'import-file-unreadable' });
    const entity = workbook(deflatePieces([SHEET_HEAD, '<row r="1"><c r="A1" t="inlineStr"><is><t>&bomb;</t></is></c></row>', SHEET_TAIL]));
    expect(await refusal(readTableFileHere(entity, LIMITS))).toMatchObject({ code: 'import-file-unreadable' });
    const endless = workbook(deflatePieces([SHEET_HEAD, '<row r="1"', { repeat: ' a="1"'.repeat(1000), times: 100 }]));
    expect(await refusal(readTableFileHere(endless, LIMITS))).toMatchObject({ code: 'import-file-unreadable' });
  });
});
