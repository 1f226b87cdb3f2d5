import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import {
  DomainError,
  MAX_TRANSFER_ENTRIES,
  MAX_TRANSFER_INFLATED_BYTES,
  MAX_TRANSFER_MANIFEST_BYTES,
  TRANSFER_MANIFEST_NAME,
  TRANSFER_PACKAGE_FORMAT,
  TRANSFER_PACKAGE_VERSION,
  transferFileFits,
  transferFilePath,
  transferManifestSchema,
  type TransferManifest,
} from '@licheng/core';
import { openZipFile, runOffThread, WorkerFailed, ZipUnreadable, type FileStorage, type InflateBudget, type OffThreadTask, type ZipFile, type ZipPart } from '@licheng/server';

/** A file of a checked package: its size and where it is in the package (read again to store it). */
export interface CheckedTransferFile {
  size: number;
  part: ZipPart;
}

/** A package whose manifest and every file were checked; the files by SHA-256, not their bytes. */
export interface CheckedTransferPackage {
  manifest: TransferManifest;
  files: Map<string, CheckedTransferFile>;
  /** The package's own SHA-256 (kept with each imported record's origin). */
  sha256: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const unreadable = () => new DomainError('transfer-package-unreadable', {});
const inflatedTooLarge = () => new DomainError('transfer-package-too-large', { maxMb: MAX_TRANSFER_INFLATED_BYTES / 1024 / 1024 });
const mismatch = (sha: string) => new DomainError('transfer-package-file-mismatch', { sha });

/** A ZipUnreadable from the reader becomes the package's refusal. */
async function unlessUnreadable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ZipUnreadable) throw unreadable();
    throw error;
  }
}

const CHECK_TASK: OffThreadTask = { module: new URL(import.meta.url), name: 'checkTransferPackageFile' };

/**
 * Checks the package spooled at `file` in the worker thread (ADR 0011): the request thread only
 * awaits the manifest and the list of files. A worker that ends under the package (its heap
 * cap) refuses it as unreadable; the server goes on.
 */
export async function readTransferPackage(file: string): Promise<CheckedTransferPackage> {
  return runOffThread<CheckedTransferPackage>(CHECK_TASK, file).catch((error: unknown) => {
    if (error instanceof WorkerFailed && error.exited) throw unreadable();
    throw error;
  });
}

/**
 * Opens and checks a transfer package on disk (ADR 0033), reading it by random access through
 * its central directory: a ZIP by its magic bytes; the sizes its directory declares are refused
 * past the limit before anything is inflated, and what inflating really produces is counted
 * against the same limit (a zip bomb stops at the first chunk past it); the manifest is
 * validated with zod and its format and version checked; every file the manifest names must be
 * in the package, no larger than its slot allows (counted on the real bytes), and hash to its
 * SHA-256 — each hashed as it inflates, never held whole. Anything wrong refuses the whole
 * package. Runs in the worker thread (readTransferPackage); memory held is the directory, the
 * manifest and one 64 KiB chunk.
 */
export async function checkTransferPackageFile(file: string): Promise<CheckedTransferPackage> {
  const head = await readHead(file);
  if (!ZIP_MAGIC.every((b, i) => head[i] === b)) throw unreadable();
  const zip = await unlessUnreadable(() => openZipFile(file));
  try {
    return await unlessUnreadable(() => checkZip(zip));
  } finally {
    await zip.close();
  }
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function checkZip(zip: ZipFile): Promise<CheckedTransferPackage> {
  const { parts } = zip;
  let declared = 0;
  for (const part of parts.values()) declared += part.uncompressedSize;
  if (declared > MAX_TRANSFER_INFLATED_BYTES) throw inflatedTooLarge();
  if (parts.size > MAX_TRANSFER_ENTRIES + 1) throw inflatedTooLarge();
  const budget: InflateBudget = { left: MAX_TRANSFER_INFLATED_BYTES, used: 0, onExceeded: inflatedTooLarge };
  const manifestPart = parts.get(TRANSFER_MANIFEST_NAME);
  if (!manifestPart) throw new DomainError('transfer-package-manifest-missing', {});
  const chunks: Uint8Array[] = [];
  let manifestSize = 0;
  for await (const chunk of zip.read(manifestPart, budget)) {
    manifestSize += chunk.byteLength;
    if (manifestSize > MAX_TRANSFER_MANIFEST_BYTES) throw new DomainError('transfer-package-manifest-invalid', { detail: 'too large' });
    chunks.push(chunk);
  }
  const manifest = parseManifest(Buffer.concat(chunks, manifestSize));
  chunks.length = 0;
  const files = new Map<string, CheckedTransferFile>();
  for (const record of manifest.records) {
    for (const file of record.files) {
      if (!transferFileFits(file)) throw new DomainError('transfer-package-file-too-large', { sha: file.sha256 });
      if (files.has(file.sha256)) continue;
      const part = parts.get(transferFilePath(file.sha256));
      if (!part) throw new DomainError('transfer-package-file-missing', { sha: file.sha256 });
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of zip.read(part, budget)) {
        size += chunk.byteLength;
        if (size > file.size) throw mismatch(file.sha256);
        hash.update(chunk);
      }
      if (size !== file.size || hash.digest('hex') !== file.sha256) throw mismatch(file.sha256);
      files.set(file.sha256, { size, part });
    }
  }
  const origins = new Set<string>();
  for (const record of manifest.records) {
    const key = `${record.origin.schoolCode}/${record.origin.recordId}`;
    if (origins.has(key)) throw new DomainError('transfer-package-duplicate-record', { origin: key });
    origins.add(key);
  }
  const whole = createHash('sha256');
  for await (const slice of zip.raw()) whole.update(slice);
  return { manifest, files, sha256: whole.digest('hex') };
}

/**
 * Stores the checked package's files (spooled at `file`) into the school's storage, each
 * streamed from the package as it inflates (one chunk in memory at a time). The storage hashes
 * what it stores: anything other than the checked bytes refuses the package. Returns each
 * file's first bytes (for its type) by SHA-256.
 */
export async function storeTransferFiles(storage: FileStorage, file: string, pkg: CheckedTransferPackage): Promise<Map<string, Uint8Array>> {
  const heads = new Map<string, Uint8Array>();
  if (pkg.files.size === 0) return heads;
  const zip = await unlessUnreadable(() => openZipFile(file));
  try {
    const budget: InflateBudget = { left: MAX_TRANSFER_INFLATED_BYTES, used: 0, onExceeded: inflatedTooLarge };
    for (const [sha, checked] of pkg.files) {
      const stored = await unlessUnreadable(() => storage.put(streamOf(zip.read(checked.part, budget)), { maxBytes: checked.size, tooLarge: () => mismatch(sha) }));
      if (stored.sha256 !== sha || stored.size !== checked.size) throw mismatch(sha);
      heads.set(sha, stored.head);
    }
    return heads;
  } finally {
    await zip.close();
  }
}

/** A pull stream over chunks: the next chunk is produced only when the reader asks for it. */
function streamOf(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The manifest: JSON, then the format and version (named in the error), then every field. */
function parseManifest(bytes: Uint8Array): TransferManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new DomainError('transfer-package-manifest-invalid', { detail: 'not UTF-8 JSON' });
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== TRANSFER_PACKAGE_FORMAT) throw new DomainError('transfer-package-manifest-invalid', { detail: `format is not ${TRANSFER_PACKAGE_FORMAT}` });
  if (head.version !== TRANSFER_PACKAGE_VERSION) throw new DomainError('transfer-package-version', { version: String(head.version), supported: TRANSFER_PACKAGE_VERSION });
  const parsed = transferManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('transfer-package-manifest-invalid', { detail: `${issue.path.join('.')}: ${issue.message}`.slice(0, 300) });
  }
  return parsed.data;
}
