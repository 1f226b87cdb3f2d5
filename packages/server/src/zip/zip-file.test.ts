import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { zipParts, ZipUnreadable, type InflateBudget } from '../tables/zip-parts.ts';
import { openZipFile } from './zip-file.ts';
import { zipStream } from './zip-stream.ts';

const budget = (left: number): InflateBudget => ({ left, used: 0, onExceeded: () => new Error('over budget') });

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return Buffer.concat(out);
}

/** A one-entry archive with a deflated entry, written by hand (the platform's writer only stores). */
function deflatedZip(name: string, body: Uint8Array): Uint8Array {
  const data = deflateRawSync(body);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(body.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const dirOffset = 30 + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('openZipFile', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const onDisk = (bytes: Uint8Array) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-file-test-'));
    fs.writeFileSync(path.join(dir, 'a.zip'), bytes);
    return path.join(dir, 'a.zip');
  };

  it('finds the same parts as the in-memory reader and reads each by random access', async () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    const bytes = await bytesOf(zipStream([{ name: 'manifest.json', body: async () => new TextEncoder().encode('{"a":1}') }, { name: 'files/Big', body: async () => big }], new Date('2026-01-01T00:00:00Z')));
    const zip = await openZipFile(onDisk(bytes));
    try {
      expect([...zip.parts.entries()]).toEqual([...zipParts(bytes).entries()]);
      expect(zip.parts.get('files/big')).toMatchObject({ name: 'files/Big', uncompressedSize: 300_000 });
      expect(new Uint8Array(await readAll(zip.read(zip.parts.get('files/big')!, budget(1e9))))).toEqual(big);
      expect((await readAll(zip.read(zip.parts.get('manifest.json')!, budget(1e9)))).toString()).toBe('{"a":1}');
      expect(new Uint8Array(await readAll(zip.raw()))).toEqual(bytes);
    } finally {
      await zip.close();
    }
  });

  it('inflates a deflated entry as a stream and stops at the first chunk past the budget', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const zip = await openZipFile(onDisk(deflatedZip('bomb', zeros)));
    try {
      const part = zip.parts.get('bomb')!;
      expect((await readAll(zip.read(part, budget(zeros.length)))).length).toBe(zeros.length);
      const tight = budget(1024 * 1024);
      await expect(readAll(zip.read(part, tight))).rejects.toThrow('over budget');
      expect(tight.used).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
    } finally {
      await zip.close();
    }
  });

  it('refuses what is not a ZIP, or an entry past the end of the file', async () => {
    await expect(openZipFile(onDisk(new TextEncoder().encode('not a zip, just some text here')))).rejects.toBeInstanceOf(ZipUnreadable);
    const bytes = deflatedZip('x', new Uint8Array(1000));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const central = view.getUint32(bytes.byteLength - 22 + 16, true);
    view.setUint32(central + 20, 1_000_000, true);
    const zip = await openZipFile(onDisk(bytes));
    try {
      await expect(readAll(zip.read(zip.parts.get('x')!, budget(1e9)))).rejects.toBeInstanceOf(ZipUnreadable);
    } finally {
      await zip.close();
    }
  });
});
