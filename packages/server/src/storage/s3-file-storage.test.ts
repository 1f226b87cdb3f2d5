import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DomainError } from '@licheng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, testS3Store, type TestS3Server } from '../testing/s3-server.ts';
import { describeFileStorageContract, streamOf } from './file-storage-contract.ts';
import type { S3FileStorage, S3FileStorageOptions } from './s3-file-storage.ts';

let server: TestS3Server;
const temps: string[] = [];
beforeAll(async () => {
  server = await startS3Server();
}, 30_000);
afterAll(async () => {
  await server?.stop();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

const tooLarge = () => new Error('too large');

/** A store on the test server, under a prefix of its own (each test sees an empty store). */
function s3Store(overrides: Partial<S3FileStorageOptions> = {}): S3FileStorage {
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-s3tmp-'));
  temps.push(tempRoot);
  return testS3Store(server, { tempRoot, ...overrides });
}

/** A client of our own, to look at what the store wrote. */
const inspector = () => new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server, requestChecksumCalculation: 'WHEN_REQUIRED' });

describeFileStorageContract('S3FileStorage', async () => {
  const storage = s3Store();
  return { storage, close: async () => storage.destroy() };
});

describe('S3FileStorage on a real S3-compatible server', () => {
  it('keeps objects under <prefix>objects/<sha256>, and one school’s prefix never lists another’s objects', async () => {
    const a = s3Store({ prefix: 'school-111111/' });
    const b = s3Store({ prefix: 'school-222222/' });
    const put = await a.put(streamOf(new TextEncoder().encode('%PDF-1.7 a')), { maxBytes: 100, tooLarge });
    const head = await inspector().send(new HeadObjectCommand({ Bucket: server.bucket, Key: `school-111111/objects/${put.sha256}` }));
    expect(head.ContentLength).toBe(put.size);
    const seen: string[] = [];
    for await (const sha of b.list()) seen.push(sha);
    expect(seen).toEqual([]);
    expect(await b.exists(put.sha256)).toBe(false);
  });

  it('lists every object through ListObjectsV2 pages', async () => {
    const storage = s3Store({ pageSize: 3 });
    const stored = new Set<string>();
    for (let i = 0; i < 7; i++) stored.add((await storage.put(streamOf(new Uint8Array([i, i])), { maxBytes: 10, tooLarge })).sha256);
    const seen: string[] = [];
    for await (const sha of storage.list()) seen.push(sha);
    expect(seen.sort()).toEqual([...stored].sort());
    const page = await inspector().send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: `${storage.prefix}objects/`, MaxKeys: 3 }));
    expect([page.Contents?.length, page.IsTruncated]).toEqual([3, true]);
  });

  it('uploads a file above the part size in parts (a multipart upload) and reads it back whole', async () => {
    const storage = s3Store({ partBytes: 5 * 1024 * 1024 });
    const sent: string[] = [];
    (storage as unknown as { client: S3Client }).client.middlewareStack.add((next, context) => (args) => {
      sent.push(String(context.commandName));
      return next(args);
    });
    const bytes = randomBytes(11 * 1024 * 1024 + 17);
    const put = await storage.put(streamOf(bytes.subarray(0, 4_000_000), bytes.subarray(4_000_000)), { maxBytes: 20 * 1024 * 1024, tooLarge });
    expect(sent.filter((c) => c !== 'ListObjectsV2Command' && c !== 'HeadObjectCommand')).toEqual([
      'PutObjectCommand', // the put marker
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'CompleteMultipartUploadCommand',
    ]);
    const back = Buffer.from(await new Response(await storage.open(put.sha256)).arrayBuffer());
    expect(back.equals(bytes)).toBe(true);
    expect(fs.readdirSync(storage.tempDir)).toEqual([]);
  }, 60_000);

  it('answers storage-unavailable, never a crash, for refused credentials and a missing bucket, and leaves no temp file', async () => {
    for (const storage of [s3Store({ accessKeyId: 'NOT-A-KEY' }), s3Store({ secretAccessKey: 'not-the-secret' }), s3Store({ bucket: 'no-such-bucket' })]) {
      const put = storage.put(streamOf(new Uint8Array([1, 2, 3])), { maxBytes: 10, tooLarge });
      await expect(put).rejects.toBeInstanceOf(DomainError);
      await expect(put).rejects.toMatchObject({ code: 'storage-unavailable' });
      expect(fs.readdirSync(storage.tempDir)).toEqual([]);
      await expect(storage.exists('a'.repeat(64))).rejects.toMatchObject({ code: 'storage-unavailable' });
      await expect(storage.open('a'.repeat(64))).rejects.toMatchObject({ code: 'storage-unavailable' });
      await expect((async () => {
        for await (const _ of storage.list()) void _;
      })()).rejects.toMatchObject({ code: 'storage-unavailable' });
    }
  });

  it('puts back an object a sweep that stopped half-way left only in its hold copy', async () => {
    const storage = s3Store();
    const put = await storage.put(streamOf(new Uint8Array([4, 2])), { maxBytes: 10, tooLarge });
    const prefix = storage.prefix;
    // What a sweep stopped between its delete and its check leaves: the hold copy, no object.
    const client = (storage as unknown as { client: S3Client }).client;
    const { CopyObjectCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await client.send(new CopyObjectCommand({ Bucket: server.bucket, Key: `${prefix}sweep/${put.sha256}/x`, CopySource: `${server.bucket}/${prefix}objects/${put.sha256}` }));
    await client.send(new DeleteObjectCommand({ Bucket: server.bucket, Key: `${prefix}objects/${put.sha256}` }));
    expect(await storage.exists(put.sha256)).toBe(false);
    await storage.sweepTemp({ graceMs: 3_600_000 });
    expect(await storage.exists(put.sha256)).toBe(false); // a fresh hold may be a live sweep's: left alone
    const realNow = Date.now;
    Date.now = () => realNow() + 11 * 60_000;
    try {
      await storage.sweepTemp({ graceMs: 3_600_000 });
    } finally {
      Date.now = realNow;
    }
    expect(await storage.exists(put.sha256)).toBe(true);
    const left = await inspector().send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: `${prefix}sweep/` }));
    expect(left.Contents ?? []).toEqual([]);
  });
});

describe('S3FileStorage when the server is down', () => {
  it('answers storage-unavailable for every operation and removes its temp file', async () => {
    const down = await startS3Server();
    const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-s3tmp-'));
    temps.push(tempRoot);
    const storage = testS3Store(down, { prefix: '', tempRoot });
    const put = await storage.put(streamOf(new Uint8Array([5])), { maxBytes: 10, tooLarge });
    await down.stop();
    await expect(storage.put(streamOf(new Uint8Array([6])), { maxBytes: 10, tooLarge })).rejects.toMatchObject({ code: 'storage-unavailable' });
    expect(fs.readdirSync(storage.tempDir)).toEqual([]);
    await expect(storage.exists(put.sha256)).rejects.toMatchObject({ code: 'storage-unavailable' });
    await expect(storage.open(put.sha256)).rejects.toMatchObject({ code: 'storage-unavailable' });
    await expect(storage.removeIfOlderThan(put.sha256, Date.now() + 60_000)).rejects.toMatchObject({ code: 'storage-unavailable' });
  }, 30_000);
});
