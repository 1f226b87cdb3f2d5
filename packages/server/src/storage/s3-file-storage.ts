import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { PutResult } from './file-storage.ts';
import { isS3NotFound, s3Fault } from './s3-faults.ts';
import { withSpooledUpload } from './spool.ts';
import type { SweepableStorage } from './sweepable-storage.ts';
import { sweepTempFolders, tempFolderName, type TempSweep } from './temp-folders.ts';

const HEAD_BYTES = 16;
const SHA256 = /^[0-9a-f]{64}$/;
/** S3's smallest part (but the last); files above `partBytes` go up in parts of that size. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
const DEFAULT_PART_BYTES = 16 * 1024 * 1024;
/** S3's most keys in one ListObjectsV2 page. */
const MAX_PAGE_SIZE = 1000;
/** A sweep's hold copy this old was left by a sweep that stopped half-way (a removal takes seconds). */
const STALE_HOLD_MS = 10 * 60 * 1000;

/** Where an S3-compatible store is and how to sign in to it (LICHENG_S3_* settings). */
export interface S3Location {
  /** The service's URL, e.g. https://s3.example.edu.tw or http://127.0.0.1:9000. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Put before every key (`school-123456/`); '' for none. */
  prefix: string;
  /** Bucket in the path (`endpoint/bucket/key`), which most self-hosted stores need; else in the host name. */
  forcePathStyle: boolean;
}

export interface S3FileStorageOptions extends S3Location {
  /** A local folder for temp files; this process writes in its own `<pid>-<random>-<host>/` inside it. */
  tempRoot: string;
  /** Files larger than this are uploaded in parts of this size (default 16 MiB, at least 5 MiB). */
  partBytes?: number;
  /** Keys per listing page (default and most: S3's own maximum, 1000). */
  pageSize?: number;
}

/** Where an S3 store is, for logs and health (never the secret). */
export function describeS3Location(location: Pick<S3Location, 'endpoint' | 'bucket' | 'prefix'>): string {
  return `S3 ${location.endpoint} bucket ${location.bucket}${location.prefix ? ` prefix ${location.prefix}` : ''}`;
}

/** An object's stored size and last-modified time, from a HEAD. */
interface Head {
  size: number;
  modifiedMs: number;
}

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph RGW, …) behind FileStorage, so several
 * server processes share one file store. Objects are content-addressed: `<prefix>objects/<sha256>`.
 *
 * A put spools the body to a private temp file in this process's temp folder (hashing, counting,
 * refusing past the limit), writes a put marker `<prefix>puts/<sha256>/<id>`, and uploads the file
 * unless the object is already there; the temp file is removed on every path. The markers are
 * what makes the sweep safe without bucket versioning (docs/adr/0039): an object's age is that of
 * its newest marker (or the object's own time), and a removal that sees a marker appear while it
 * works puts the object back from the copy it held. Faults of the service become
 * `storage-unavailable` / `storage-full` (s3Fault), never a crash.
 */
export class S3FileStorage implements SweepableStorage {
  readonly tempDir: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  /** Put before every key ('' for none). */
  readonly prefix: string;
  private readonly partBytes: number;
  /** Set once a listing proved the bucket exists: a HEAD's bare 404 then means the object is missing. */
  private bucketSeen = false;
  private readonly pageSize: number;

  constructor(private readonly options: S3FileStorageOptions) {
    this.tempDir = path.join(options.tempRoot, tempFolderName());
    this.bucket = options.bucket;
    this.prefix = options.prefix;
    this.partBytes = Math.max(MIN_PART_BYTES, options.partBytes ?? DEFAULT_PART_BYTES);
    this.pageSize = Math.min(MAX_PAGE_SIZE, options.pageSize ?? MAX_PAGE_SIZE);
    // The SDK warns on Node < 22 about its releases from 2027 on; the lockfile installs one that
    // supports Node 20 (the toolchain's). Unsilenced, the warning lands on the stderr of every
    // CLI command (and in cron mail), so it is off unless the environment says otherwise.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Checksums only where S3 requires them: many S3-compatible stores refuse the streamed
      // checksum trailers the SDK sends otherwise. Every PUT and part carries a Content-MD5
      // instead, which every S3-compatible store checks: bytes damaged on the way are refused.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
    });
  }

  /** Where this store is, for logs (never the secret). */
  get description(): string {
    return describeS3Location(this.options);
  }

  private objectKey(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return `${this.prefix}objects/${sha256}`;
  }

  private markerPrefix(sha256: string): string {
    return `${this.prefix}puts/${sha256}/`;
  }

  async put(body: ReadableStream<Uint8Array>, options: { maxBytes: number; tooLarge: () => Error }): Promise<PutResult> {
    const hash = createHash('sha256');
    const md5s = new PartMd5s(this.partBytes);
    const head = new Uint8Array(HEAD_BYTES);
    let seen = 0;
    const tapped = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (seen < HEAD_BYTES) head.set(chunk.subarray(0, HEAD_BYTES - seen), seen);
          seen += chunk.byteLength;
          hash.update(chunk);
          md5s.update(chunk);
          controller.enqueue(chunk);
        },
      }),
    );
    return withSpooledUpload(tapped, { dir: this.tempDir, maxBytes: options.maxBytes, tooLarge: options.tooLarge }, async (file, size) => {
      const sha256 = hash.digest('hex');
      const key = this.objectKey(sha256);
      await this.guard('storing an upload', async () => {
        // The marker first: a sweep removing this object now sees it and puts the object back.
        await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: `${this.markerPrefix(sha256)}${markerId()}`, Body: new Uint8Array(0), ContentLength: 0 }));
      });
      const existing = await this.head(key, 'storing an upload');
      if (!existing || existing.size !== size) await this.upload(file, size, key, md5s.digests());
      return { sha256, size, head: head.slice(0, Math.min(size, HEAD_BYTES)), created: existing === null };
    });
  }

  /**
   * Uploads the file: one PUT, or a multipart upload (aborted on failure) above partBytes.
   * `partMd5s` holds each part's Content-MD5 (the whole file's for one PUT).
   */
  private async upload(file: string, size: number, key: string, partMd5s: string[]): Promise<void> {
    await this.guard('storing an upload', async () => {
      if (size <= this.partBytes) {
        await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: createReadStream(file), ContentLength: size, ContentMD5: partMd5s[0] }));
        return;
      }
      const { UploadId } = await this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key }));
      try {
        const parts: { PartNumber: number; ETag: string }[] = [];
        for (let at = 0, n = 1; at < size; at += this.partBytes, n++) {
          const length = Math.min(this.partBytes, size - at);
          const range = { start: at, end: at + length - 1 };
          const body = createReadStream(file, range);
          const part = await this.client.send(new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId, PartNumber: n, Body: body, ContentLength: length, ContentMD5: partMd5s[n - 1] }));
          parts.push({ PartNumber: n, ETag: part.ETag ?? '' });
        }
        await this.client.send(new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
      } catch (error) {
        await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId })).catch(() => undefined);
        throw error;
      }
    });
  }

  async open(sha256: string): Promise<ReadableStream<Uint8Array>> {
    const key = this.objectKey(sha256);
    const answer = await this.guard('reading a stored file', async () => {
      try {
        return await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      } catch (error) {
        if (isS3NotFound(error)) throw Object.assign(new Error(`no stored object ${sha256}`), { code: 'ENOENT' });
        throw error;
      }
    });
    if (!answer.Body) throw new Error(`the store answered no body for ${sha256}`);
    return answer.Body.transformToWebStream() as ReadableStream<Uint8Array>;
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.head(this.objectKey(sha256), 'checking a stored file')) !== null;
  }

  async *list(): AsyncIterable<string> {
    for await (const entry of this.listKeys(`${this.prefix}objects/`, 'listing stored files')) {
      if (SHA256.test(entry.name)) yield entry.name;
    }
  }

  /** The newest of the object's own time and its put markers', or null when it does not exist. */
  async storedAt(sha256: string): Promise<number | null> {
    const object = await this.head(this.objectKey(sha256), 'sweeping');
    if (!object) return null;
    const markers = await this.markers(sha256);
    return Math.max(object.modifiedMs, ...markers.values());
  }

  /**
   * Removes the object when it and its put markers are all older than `cutoffMs`; returns its
   * size, or null when it was kept. The object is copied to a hold key first, then deleted; the
   * markers are listed again: a marker that appeared meanwhile is a put that may have answered
   * in between, so the object is copied back from the hold before the transaction ends (and
   * before the request's row can be written). The hold and the old markers are then removed.
   */
  async removeIfOlderThan(sha256: string, cutoffMs: number): Promise<number | null> {
    const key = this.objectKey(sha256);
    const before = await this.markers(sha256);
    const object = await this.head(key, 'sweeping');
    if (!object || Math.max(object.modifiedMs, ...before.values()) >= cutoffMs) return null;
    const hold = `${this.prefix}sweep/${sha256}/${markerId()}`;
    return this.guard('sweeping', async () => {
      try {
        await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: hold, CopySource: copySource(this.bucket, key) }));
      } catch (error) {
        if (isS3NotFound(error)) return null; // another sweep took it first
        throw error;
      }
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
      const after = await this.markers(sha256);
      if ([...after.keys()].some((marker) => !before.has(marker))) {
        await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: key, CopySource: copySource(this.bucket, hold) }));
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: hold }));
        return null;
      }
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: hold }));
      for (const marker of before.keys()) await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: marker }));
      return object.size;
    });
  }

  /**
   * Removes this machine's temp folders of processes that are gone (and stale temp files), the
   * put markers older than the grace period (an object's age then falls back to its own time,
   * which is older still), and puts back the objects a sweep that stopped half-way left only in
   * its hold copy.
   */
  async sweepTemp(options: { graceMs: number; now?: number }): Promise<TempSweep> {
    const now = options.now ?? Date.now();
    const report = await sweepTempFolders(this.options.tempRoot, path.basename(this.tempDir), options);
    await this.guard('sweeping', async () => {
      for await (const marker of this.listKeys(`${this.prefix}puts/`, 'sweeping')) {
        if (marker.modifiedMs < now - options.graceMs) await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: marker.key }));
      }
      for await (const hold of this.listKeys(`${this.prefix}sweep/`, 'sweeping')) {
        if (hold.modifiedMs >= now - STALE_HOLD_MS) continue;
        const sha256 = hold.key.slice(`${this.prefix}sweep/`.length).split('/')[0] ?? '';
        if (!SHA256.test(sha256)) continue;
        if (!(await this.head(this.objectKey(sha256), 'sweeping'))) {
          console.error(`[licheng] putting back ${sha256} from the hold copy a stopped sweep left`);
          await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: this.objectKey(sha256), CopySource: copySource(this.bucket, hold.key) }));
        }
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: hold.key }));
      }
    });
    return report;
  }

  /** The object's put markers and their times. */
  private async markers(sha256: string): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for await (const marker of this.listKeys(this.markerPrefix(sha256), 'sweeping')) found.set(marker.key, marker.modifiedMs);
    return found;
  }

  /** HEAD: the object's size and time, or null when it is not there. */
  private async head(key: string, doing: string): Promise<Head | null> {
    return this.guard(doing, async () => {
      try {
        const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
        return { size: answer.ContentLength ?? 0, modifiedMs: answer.LastModified?.getTime() ?? 0 };
      } catch (error) {
        // A missing bucket answers a HEAD with a bare 404 too: tell the two apart by the bucket.
        if (!isS3NotFound(error)) throw error;
        await this.ensureBucket();
        return null;
      }
    });
  }

  /** Throws a `NoSuchBucket` error (the store's answer as its cause) when a listing finds no bucket. */
  private async ensureBucket(): Promise<void> {
    if (this.bucketSeen) return;
    try {
      await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.prefix}objects/`, MaxKeys: 1 }));
    } catch (error) {
      if ((error as { name?: string }).name !== 'NoSuchBucket' && !isS3NotFound(error)) throw error;
      const answer = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw Object.assign(new Error(`no bucket ${this.bucket} (the store answered ${answer})`, { cause: error }), { name: 'NoSuchBucket' });
    }
    this.bucketSeen = true;
  }

  /** Every key under `prefix`, page by page (ListObjectsV2), with the part after the prefix as its name. */
  private async *listKeys(prefix: string, doing: string): AsyncIterable<{ key: string; name: string; modifiedMs: number }> {
    let token: string | undefined;
    do {
      const page = await this.guard(doing, () =>
        this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: this.pageSize, ...(token ? { ContinuationToken: token } : {}) })),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key) yield { key: item.Key, name: item.Key.slice(prefix.length), modifiedMs: item.LastModified?.getTime() ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Runs `work`; an S3 or temp-folder fault becomes its clear storage fault, logged once with its cause. */
  private async guard<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const fault = s3Fault(error);
      if (!fault || fault === error) throw error;
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`[licheng] storage fault ${doing} on ${this.description} (${fault.code}): ${why}`);
      throw fault;
    }
  }

  /** Closes the client's connections. */
  destroy(): void {
    this.client.destroy();
  }
}

/** The base64 MD5 of each `partBytes`-long part of a stream's bytes (their Content-MD5s), computed as they pass. */
class PartMd5s {
  private readonly done: string[] = [];
  private md5 = createHash('md5');
  private inPart = 0;

  constructor(private readonly partBytes: number) {}

  update(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.byteLength; ) {
      const take = Math.min(this.partBytes - this.inPart, chunk.byteLength - at);
      this.md5.update(chunk.subarray(at, at + take));
      at += take;
      this.inPart += take;
      if (this.inPart === this.partBytes) {
        this.done.push(this.md5.digest('base64'));
        this.md5 = createHash('md5');
        this.inPart = 0;
      }
    }
  }

  /** One digest per part, once every byte has passed: a file of at most one part has its whole MD5. */
  digests(): string[] {
    if (this.inPart > 0 || this.done.length === 0) {
      this.done.push(this.md5.digest('base64'));
      this.md5 = createHash('md5');
      this.inPart = 0;
    }
    return this.done;
  }
}

/** A unique, time-ordered id for a put marker or a hold copy. */
function markerId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
}

/** CopyObject's source: the bucket and key, each path segment URL-encoded. */
function copySource(bucket: string, key: string): string {
  return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
