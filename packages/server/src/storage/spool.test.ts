import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withSpooledUpload } from './spool.ts';

const tooLarge = () => new Error('too large');

/** A stream of `count` chunks of `size` bytes each, made as they are read. */
function chunks(count: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ === count) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(sent));
    },
  });
}

describe('withSpooledUpload', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const spool = () => path.join((dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-test-'))), 'tmp');

  it('writes the upload to a private file for the work, and removes it afterwards', async () => {
    const folder = spool();
    const seen = await withSpooledUpload(chunks(3, 1000), { dir: folder, maxBytes: 3000, tooLarge }, async (file, size) => {
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
      expect((fs.statSync(folder).mode & 0o777).toString(8)).toBe('700');
      return { size, bytes: fs.readFileSync(file) };
    });
    expect(seen.size).toBe(3000);
    expect([...seen.bytes.subarray(995, 1005)]).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses by the bytes that arrive, past the limit, and leaves no file', async () => {
    const folder = spool();
    let ran = false;
    await expect(
      withSpooledUpload(chunks(4, 1000), { dir: folder, maxBytes: 3999, tooLarge }, async () => {
        ran = true;
      }),
    ).rejects.toThrow('too large');
    expect(ran).toBe(false);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('removes the file when the work fails', async () => {
    const folder = spool();
    await expect(
      withSpooledUpload(chunks(1, 10), { dir: folder, maxBytes: 10, tooLarge }, async (file) => {
        expect(fs.existsSync(file)).toBe(true);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
