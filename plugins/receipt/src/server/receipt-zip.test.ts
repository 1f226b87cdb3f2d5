import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { MAX_RECEIPT_FILES, MAX_RECEIPT_INFLATED_BYTES, readReceiptZip } from './receipt-zip.ts';
import { CADRE, COURSE, declareSizes, receiptZip, sha256, standardFiles } from './test-support.ts';

/** Big5 bytes of a text, by inverting the platform's Big5 decoder (Node has no Big5 encoder). */
function big5(value: string): Uint8Array {
  const decoder = new TextDecoder('big5');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
  }
  return new Uint8Array([...value].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('readReceiptZip', () => {
  it('returns the listed files with their checksums, a BOM kept for the JSON reader', async () => {
    const files = standardFiles();
    const read = await readReceiptZip(await receiptZip(files));
    expect(read.problems).toEqual([]);
    expect(read.files.map((f) => [f.name, f.sha256])).toEqual(Object.entries(files).map(([name, content]) => [name, sha256(content)]));
    expect(text(read.files[0]!.bytes)).toBe(files[CADRE]);
    expect(read.files[0]!.bytes.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it.each(['aes', 'zipcrypto'] as const)('decrypts a %s-encrypted receipt with its password and refuses a wrong or missing one', async (cipher) => {
    const zip = await receiptZip(standardFiles(), { password: '收訖Rc#2025', cipher });
    const read = await readReceiptZip(zip, '收訖Rc#2025');
    expect(read.problems).toEqual([]);
    expect(read.files.map((f) => f.name)).toEqual([CADRE, COURSE]);
    await expect(readReceiptZip(zip, 'wrong-password')).rejects.toMatchObject({ code: 'receipt-zip-password-wrong' });
    await expect(readReceiptZip(zip)).rejects.toMatchObject({ code: 'receipt-zip-password-required' });
    await expect(readReceiptZip(zip, '')).rejects.toMatchObject({ code: 'receipt-zip-password-required' });
  });

  it('refuses many wrong passwords of a ZipCrypto receipt, even those passing its one-byte check', async () => {
    const zip = await receiptZip(standardFiles(), { password: 'right', cipher: 'zipcrypto' });
    const codes = new Set<string>();
    for (let i = 0; i < 300; i++) codes.add(await readReceiptZip(zip, `wrong-${i}`).then(() => 'read', (e) => e.code));
    expect([...codes]).toEqual(['receipt-zip-password-wrong']);
  });

  it('reads a ZipCrypto receipt written by Info-ZIP zip, when the tool is installed', async (ctx) => {
    let dir: string | null = null;
    try {
      dir = mkdtempSync(join(tmpdir(), 'receipt-'));
      const files = { ...standardFiles(), 'SHA.txt': Object.entries(standardFiles()).map(([n, c]) => `${n},${sha256(c)}`).join('\r\n') };
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
      try {
        execFileSync('zip', ['-q', '-P', 'pw123', 'r.zip', ...Object.keys(files)], { cwd: dir });
      } catch {
        ctx.skip();
      }
      const read = await readReceiptZip(new Uint8Array(readFileSync(join(dir, 'r.zip'))), 'pw123');
      expect(read.problems).toEqual([]);
      expect(read.files.map((f) => f.name).sort()).toEqual([CADRE, COURSE].sort());
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads file names and SHA.txt written in Big5 without the UTF-8 flag, as older Windows tools do', async () => {
    const files = standardFiles();
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, useUnicodeFileNames: false, encodeText: (value: string) => big5(value) });
    await writer.add('SHA.txt', new Uint8ArrayReader(big5(`${CADRE},${sha256(files[CADRE]!)}\r\n`)));
    await writer.add(CADRE, new Uint8ArrayReader(new TextEncoder().encode(files[CADRE]!)));
    const read = await readReceiptZip(await writer.close());
    expect(read.problems).toEqual([]);
    expect(read.files.map((f) => f.name)).toEqual([CADRE]);
  });

  it('refuses a tampered file by name and still returns the others', async () => {
    const files = standardFiles();
    const sha = `${sha256(files[CADRE]!)},${CADRE}\r\n${COURSE},${sha256('what was sent')}\r\n`;
    const read = await readReceiptZip(await receiptZip(files, { sha, password: 'pw' }), 'pw');
    expect(read.files.map((f) => f.name)).toEqual([CADRE]);
    expect(read.problems).toEqual([{ file: COURSE, index: null, code: 'receipt-checksum-mismatch', params: { file: COURSE } }]);
  });

  it('finds a file by its name in SHA.txt whatever the field order, and the hash in upper case', async () => {
    const files = standardFiles();
    const sha = `檔名\t雜湊值\t大小\r\n${CADRE}\t${sha256(files[CADRE]!).toUpperCase()}\t120\r\n${sha256(files[COURSE]!)}  *${COURSE}\r\n`;
    const read = await readReceiptZip(await receiptZip(files, { sha }));
    expect(read.problems).toEqual([]);
    expect(read.files).toHaveLength(2);
  });

  it('reports a receipt without SHA.txt, a file SHA.txt lists but the ZIP lacks, and one it does not list', async () => {
    expect((await readReceiptZip(await receiptZip(standardFiles(), { noSha: true }))).problems.map((p) => p.code)).toEqual(['receipt-sha-missing']);
    const files = standardFiles();
    const sha = `${CADRE},${sha256(files[CADRE]!)}\n${COURSE},${sha256(files[COURSE]!)}\n114_0_多元表現.json,${sha256('x')}\n`;
    const read = await readReceiptZip(await receiptZip(files, { sha, unlisted: { 'notes.json': '{}' } }));
    expect(read.problems.map((p) => [p.code, p.file])).toEqual([
      ['receipt-file-unlisted', 'notes.json'],
      ['receipt-file-missing', '114_0_多元表現.json'],
    ]);
  });

  it('refuses bytes that are not a ZIP whatever the name, and a truncated ZIP', async () => {
    await expect(readReceiptZip(new TextEncoder().encode(`${CADRE},${'0'.repeat(64)}\n`))).rejects.toMatchObject({ code: 'file-type-not-allowed' });
    const zip = await receiptZip(standardFiles());
    await expect(readReceiptZip(zip.subarray(0, zip.byteLength - 30))).rejects.toMatchObject({ code: 'receipt-zip-unreadable' });
  });

  it('stops inflating a ZIP that understates its sizes once the running total passes the cap', async () => {
    // One letter repeated past the cap compresses to a few hundred KB; the ZIP declares 1 KB.
    const big = new Uint8Array(MAX_RECEIPT_INFLATED_BYTES + 1024 * 1024).fill(0x41);
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, level: 6 });
    await writer.add('big.json', new Uint8ArrayReader(big));
    const lying = declareSizes(await writer.close(), 1024, 1);
    await expect(readReceiptZip(lying)).rejects.toMatchObject({ code: 'receipt-zip-too-large' });
  });

  it('refuses a ZIP of more files than a receipt holds', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= MAX_RECEIPT_FILES; i++) files[`${i}.json`] = '{}';
    await expect(readReceiptZip(await receiptZip(files))).rejects.toMatchObject({ code: 'receipt-zip-too-many-files' });
  });

  it('refuses an empty file', async () => {
    await expect(readReceiptZip(new Uint8Array())).rejects.toMatchObject({ code: 'file-empty' });
  });
});
