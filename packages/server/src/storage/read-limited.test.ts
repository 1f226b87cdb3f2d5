import { describe, expect, it } from 'vitest';
import { readLimited, readUpload } from './read-limited.ts';

/** A stream of `count` chunks of `size` bytes, counting how many were pulled. */
function chunks(count: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === count) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(seen.pulled % 256));
      seen.pulled++;
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('readLimited', () => {
  it('returns every byte, in order, when within the limit', async () => {
    const { stream } = chunks(3, 4);
    expect([...(await readLimited(stream, 12, () => new Error('too large')))]).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('refuses with the caller’s error as soon as the limit is passed, and stops reading', async () => {
    const { stream, seen } = chunks(1000, 1024);
    await expect(readLimited(stream, 10 * 1024, () => new Error('file-too-large'))).rejects.toThrow('file-too-large');
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(20);
  });

  it('refuses an uploaded file by its declared size before reading it, and reads one within the limit', async () => {
    await expect(readUpload(new File([new Uint8Array(2048)], 'big.zip'), 1024, () => new Error('file-too-large'))).rejects.toThrow('file-too-large');
    expect([...(await readUpload(new File([new Uint8Array([1, 2, 3])], 'small.zip'), 1024, () => new Error('no')))]).toEqual([1, 2, 3]);
  });
});
