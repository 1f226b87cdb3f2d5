import { createHash } from 'node:crypto';
import { baseName, DomainError, jsonNamesListed, readShaLines, shaListedFor, zipUncompressedSize, type ShaLine } from '@licheng/core';
import { joinChunks, readUpload } from '@licheng/server';
import { configure, ERR_ENCRYPTED, ERR_INVALID_PASSWORD, ERR_INVALID_UNCOMPRESSED_SIZE, Uint8ArrayReader, ZipReader, type FileEntry } from '@zip.js/zip.js';
import { problem, problemOf, type ImportProblem } from './receipt-issue.ts';

// On the server, inflate and decrypt in this thread: one receipt at a time, no worker scripts to serve.
configure({ useWebWorkers: false });

/** Largest 收訖明細 ZIP accepted: the JSON rosters of a whole school fit well below it. */
export const MAX_RECEIPT_BYTES = 50 * 1024 * 1024;
/** What the files of one ZIP may expand to, together; more is a zip bomb or an accident. */
export const MAX_RECEIPT_INFLATED_BYTES = 200 * 1024 * 1024;
/** Most files a ZIP may hold: one JSON file per roster kind and SHA.txt. */
export const MAX_RECEIPT_FILES = 100;
/** Longest password accepted (the office types it). */
export const MAX_RECEIPT_PASSWORD = 200;

export const SHA_LIST_NAME = 'sha.txt';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const notAZip = () => new DomainError('file-type-not-allowed', { slot: 'receipt', allowed: 'zip' });
const inflatedTooLarge = () => new DomainError('receipt-zip-too-large', { maxMb: MAX_RECEIPT_INFLATED_BYTES / 1024 / 1024 });
const unreadable = () => new DomainError('receipt-zip-unreadable', {});

/** The files of a receipt whose checksums matched SHA.txt, or the problems found, by file. */
export interface CheckedReceipt {
  /** Roster files (SHA.txt left out) whose checksum matched, in the ZIP's order. */
  files: Array<{ name: string; sha256: string; bytes: Uint8Array }>;
  problems: ImportProblem[];
}

/**
 * Text in a ZIP without the UTF-8 flag: UTF-8 when it is valid UTF-8, else Big5 (cp950), the
 * legacy encoding of Traditional Chinese Windows. A BOM is dropped.
 */
export function decodeLegacyText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('big5').decode(bytes);
  }
}

/**
 * Opens a 收訖明細 ZIP — plain, or encrypted with ZipCrypto or AES under `password` — and checks
 * each roster file against SHA.txt. The bytes must be a ZIP (by its magic bytes, not its name)
 * that declares no more than MAX_RECEIPT_INFLATED_BYTES before a single byte is inflated;
 * an entry that inflates past its declared size is stopped there (zip.js checks it), and
 * inflating stops as soon as the running total passes the cap too. An encrypted ZIP without a password is `receipt-zip-password-required`, with a wrong
 * one `receipt-zip-password-wrong`. Each file's line of SHA.txt is found by its name and its
 * hash compared; a file that does not match is left out with a problem naming it (never read
 * further), and so are files SHA.txt lists but the ZIP lacks, and files it does not list.
 */
export async function readReceiptZip(bytes: Uint8Array, password?: string): Promise<CheckedReceipt> {
  if (bytes.byteLength === 0) throw new DomainError('file-empty', {});
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw notAZip();
  const declared = zipUncompressedSize(bytes);
  if (declared === null) throw unreadable();
  if (declared > MAX_RECEIPT_INFLATED_BYTES) throw inflatedTooLarge();

  const reader = new ZipReader(new Uint8ArrayReader(bytes), {
    password: password || undefined,
    checkCrc32: true,
    decodeText: (value: Uint8Array) => decodeLegacyText(value),
  });
  const contents = new Map<string, Uint8Array>();
  try {
    let entries: FileEntry[];
    try {
      entries = (await reader.getEntries()).filter((e): e is FileEntry => !e.directory);
    } catch {
      throw unreadable();
    }
    if (entries.length > MAX_RECEIPT_FILES) throw new DomainError('receipt-zip-too-many-files', { max: MAX_RECEIPT_FILES });
    if (entries.reduce((sum, e) => sum + e.uncompressedSize, 0) > MAX_RECEIPT_INFLATED_BYTES) throw inflatedTooLarge();
    if (!password && entries.some((e) => e.encrypted)) throw new DomainError('receipt-zip-password-required', {});
    const budget = { left: MAX_RECEIPT_INFLATED_BYTES };
    for (const entry of entries) contents.set(entry.filename, await inflate(entry, budget));
  } finally {
    await reader.close().catch(() => undefined);
  }
  return checkAgainstShaList(contents);
}

/** Each file against its SHA.txt line; problems by file. */
function checkAgainstShaList(contents: Map<string, Uint8Array>): CheckedReceipt {
  const shaName = [...contents.keys()].find((name) => baseName(name).toLowerCase() === SHA_LIST_NAME);
  if (shaName === undefined) return { files: [], problems: [problem('receipt-sha-missing', {})] };
  let lines: ShaLine[];
  try {
    lines = readShaLines(decodeLegacyText(contents.get(shaName)!));
  } catch (error) {
    if (error instanceof DomainError) return { files: [], problems: [problemOf(error, baseName(shaName))] };
    throw error;
  }
  const problems: ImportProblem[] = [];
  const files: CheckedReceipt['files'] = [];
  for (const [name, content] of contents) {
    if (name === shaName) continue;
    let listed;
    try {
      listed = shaListedFor(lines, name);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(problemOf(error, name));
      continue;
    }
    if (listed === null) {
      problems.push(problem('receipt-file-unlisted', { file: name }, name));
      continue;
    }
    const actual = sha256Hex(content);
    if (actual !== listed.sha256) problems.push(problem('receipt-checksum-mismatch', { file: name }, name));
    else files.push({ name, sha256: actual, bytes: content });
  }
  const inZip = [...contents.keys()];
  for (const listedName of jsonNamesListed(lines)) {
    if (!inZip.some((name) => name === listedName || baseName(name) === baseName(listedName))) problems.push(problem('receipt-file-missing', { file: listedName }, listedName));
  }
  return { files, problems };
}

/** Decrypts and inflates one entry, refusing as soon as the ZIP's running total passes the budget. */
async function inflate(entry: FileEntry, budget: { left: number }): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.byteLength;
      budget.left -= chunk.byteLength;
      if (budget.left < 0) throw inflatedTooLarge();
      chunks.push(chunk);
    },
  });
  try {
    await entry.getData(sink);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const message = error instanceof Error ? error.message : '';
    if (message === ERR_ENCRYPTED) throw new DomainError('receipt-zip-password-required', {});
    // zip.js stops an entry that inflates past the size it declares: a zip bomb understating it.
    if (message === ERR_INVALID_UNCOMPRESSED_SIZE && !entry.encrypted) throw inflatedTooLarge();
    // ZipCrypto checks a password on one byte: one wrong password in 256 passes it and fails
    // later, on the content or its CRC-32. An encrypted entry that fails to read is the password.
    if (message === ERR_INVALID_PASSWORD || entry.encrypted) throw new DomainError('receipt-zip-password-wrong', {});
    throw unreadable();
  }
  return joinChunks(chunks, size);
}

const zipTooLarge = () => new DomainError('file-too-large', { slot: 'receipt', maxMb: MAX_RECEIPT_BYTES / 1024 / 1024 });

/** Reads an uploaded file into memory, refusing it as soon as it passes MAX_RECEIPT_BYTES. */
export function readReceiptUpload(file: File): Promise<Uint8Array> {
  return readUpload(file, MAX_RECEIPT_BYTES, zipTooLarge);
}
