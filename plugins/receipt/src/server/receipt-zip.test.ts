import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MAX_RECEIPT_FILES, MAX_RECEIPT_INFLATED_BYTES, readReceiptZip } from './receipt-zip.ts';
import { declareSizes, receiptZip, sha256, standardFiles } from './test-support.ts';

describe('readReceiptZip', () => {
  it('returns the listed files with their checksums', async () => {
    const files = standardFiles();
    const read = await readReceiptZip(await receiptZip(files));
    expect(read.problems).toEqual([]);
    expect(read.files.map((f) => [f.name, f.sha256])).toEqual(Object.entries(files).map(([name, content]) => [name, sha256(content)]));
    expect(new TextDecoder().decode(read.files[0]!.bytes)).toBe(files['24.json']);
  });

  it('stops inflating a ZIP that understates its sizes once the running total passes the cap', async () => {
    // One letter repeated past the cap compresses to a few hundred KB; the ZIP declares 1 KB.
    const big = new Uint8Array(MAX_RECEIPT_INFLATED_BYTES + 1024 * 1024).fill(0x41);
    const zip = new JSZip();
    zip.file('big.json', big);
    zip.file('SHA.txt', `big.json,${'0'.repeat(64)}\n`);
    const lying = declareSizes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 1024, 1);
    await expect(readReceiptZip(lying)).rejects.toMatchObject({ code: 'receipt-zip-too-large' });
  });

  it('refuses a ZIP of more files than a receipt holds', async () => {
    const zip = new JSZip();
    for (let i = 0; i <= MAX_RECEIPT_FILES; i++) zip.file(`${i}.json`, '{}');
    await expect(readReceiptZip(await zip.generateAsync({ type: 'uint8array' }))).rejects.toMatchObject({ code: 'receipt-zip-too-many-files' });
  });

  it('refuses an empty file', async () => {
    await expect(readReceiptZip(new Uint8Array())).rejects.toMatchObject({ code: 'file-empty' });
  });
});
