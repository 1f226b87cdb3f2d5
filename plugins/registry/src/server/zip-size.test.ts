import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_WORKBOOK_INFLATED_BYTES, readTableFile } from './table-file.ts';
import { zipUncompressedSize } from '@licheng/core';

async function workbookBytes(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('學生');
  for (let i = 0; i < rows; i++) sheet.addRow([`S${i}`, '學生姓名', 'A123456789']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Sets every central-directory entry's declared uncompressed size, as a zip bomb would declare it. */
function declareSizes(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 46 <= copy.byteLength; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true);
  return copy;
}

describe('zipUncompressedSize', () => {
  it('adds up what a workbook inflates to, more than its compressed size', async () => {
    const bytes = await workbookBytes(2000);
    const size = zipUncompressedSize(bytes)!;
    expect(size).toBeGreaterThan(bytes.byteLength);
    expect(size).toBeLessThan(bytes.byteLength * 50);
  });

  it('answers null for bytes that are not a complete zip', async () => {
    const bytes = await workbookBytes(10);
    expect(zipUncompressedSize(bytes.subarray(0, bytes.byteLength - 30))).toBeNull();
    expect(zipUncompressedSize(new TextEncoder().encode('學號,姓名\n'))).toBeNull();
  });

  it('lets readTableFile refuse a workbook that declares more than the limit, before inflating it', async () => {
    const bomb = declareSizes(await workbookBytes(10), Math.ceil(MAX_WORKBOOK_INFLATED_BYTES / 4));
    await expect(readTableFile(bomb, 'bomb.xlsx')).rejects.toMatchObject({ code: 'import-too-many-rows' });
    const fine = await readTableFile(await workbookBytes(10), 'ok.xlsx');
    expect(fine.rows).toHaveLength(10);
  });
});
