import { createHash } from 'node:crypto';
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
  zipUncompressedSize,
  type TransferManifest,
} from '@licheng/core';
import { inflatePart, ZipUnreadable, zipParts, type InflateBudget, type ZipPart } from '@licheng/server';

/** A package whose manifest and every file were checked: the files' bytes by SHA-256. */
export interface CheckedTransferPackage {
  manifest: TransferManifest;
  files: Map<string, Uint8Array>;
  /** The package's own SHA-256 (kept with each imported record's origin). */
  sha256: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const unreadable = () => new DomainError('transfer-package-unreadable', {});
const inflatedTooLarge = () => new DomainError('transfer-package-too-large', { maxMb: MAX_TRANSFER_INFLATED_BYTES / 1024 / 1024 });

async function inflate(bytes: Uint8Array, part: ZipPart, budget: InflateBudget, max: number, tooLarge: () => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of inflatePart(bytes, part, budget)) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Opens and checks a transfer package (ADR 0033): a ZIP by its magic bytes; the sizes its
 * directory declares are refused past the limit before anything is inflated, and what inflating
 * really produces is counted against the same limit (a zip bomb stops at the first chunk past
 * it); the manifest is validated with zod and its format and version checked; every file the
 * manifest names must be in the package, no larger than its slot allows (counted on the real
 * bytes), and hash to its SHA-256. Anything wrong refuses the whole package.
 */
export async function readTransferPackage(bytes: Uint8Array): Promise<CheckedTransferPackage> {
  if (bytes.byteLength < 22 || !ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw unreadable();
  const declared = zipUncompressedSize(bytes);
  if (declared === null) throw unreadable();
  if (declared > MAX_TRANSFER_INFLATED_BYTES) throw inflatedTooLarge();
  let parts: Map<string, ZipPart>;
  try {
    parts = zipParts(bytes);
  } catch (error) {
    if (error instanceof ZipUnreadable) throw unreadable();
    throw error;
  }
  if (parts.size > MAX_TRANSFER_ENTRIES + 1) throw new DomainError('transfer-package-too-large', { maxMb: MAX_TRANSFER_INFLATED_BYTES / 1024 / 1024 });
  const budget: InflateBudget = { left: MAX_TRANSFER_INFLATED_BYTES, used: 0, onExceeded: inflatedTooLarge };
  const read = async (part: ZipPart, max: number, tooLarge: () => Error) => {
    try {
      return await inflate(bytes, part, budget, max, tooLarge);
    } catch (error) {
      if (error instanceof ZipUnreadable) throw unreadable();
      throw error;
    }
  };
  const manifestPart = parts.get(TRANSFER_MANIFEST_NAME);
  if (!manifestPart) throw new DomainError('transfer-package-manifest-missing', {});
  const manifestBytes = await read(manifestPart, MAX_TRANSFER_MANIFEST_BYTES, () => new DomainError('transfer-package-manifest-invalid', { detail: 'too large' }));
  const manifest = parseManifest(manifestBytes);
  const files = new Map<string, Uint8Array>();
  for (const record of manifest.records) {
    for (const file of record.files) {
      if (!transferFileFits(file)) throw new DomainError('transfer-package-file-too-large', { sha: file.sha256 });
      if (files.has(file.sha256)) continue;
      const part = parts.get(transferFilePath(file.sha256));
      if (!part) throw new DomainError('transfer-package-file-missing', { sha: file.sha256 });
      const content = await read(part, file.size, () => new DomainError('transfer-package-file-mismatch', { sha: file.sha256 }));
      if (content.byteLength !== file.size || createHash('sha256').update(content).digest('hex') !== file.sha256) throw new DomainError('transfer-package-file-mismatch', { sha: file.sha256 });
      files.set(file.sha256, content);
    }
  }
  const origins = new Set<string>();
  for (const record of manifest.records) {
    const key = `${record.origin.schoolCode}/${record.origin.recordId}`;
    if (origins.has(key)) throw new DomainError('transfer-package-duplicate-record', { origin: key });
    origins.add(key);
  }
  return { manifest, files, sha256: createHash('sha256').update(bytes).digest('hex') };
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
