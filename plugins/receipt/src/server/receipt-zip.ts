import { createHash } from 'node:crypto';
import { DomainError, parseShaList, zipUncompressedSize, type ShaEntry } from '@licheng/core';
import { readUpload } from '@licheng/server';
import JSZip from 'jszip';
import { problem, problemOf, type ImportProblem } from './receipt-issue.ts';

/** Largest 收訖明細 ZIP accepted: the JSON rosters of a whole school fit well below it. */
export const MAX_RECEIPT_BYTES = 50 * 1024 * 1024;
/** What the files of one ZIP may expand to, together; more is a zip bomb or an accident. */
export const MAX_RECEIPT_INFLATED_BYTES = 200 * 1024 * 1024;
/** Most files a ZIP may hold: one JSON file per roster kind and SHA.txt. */
export const MAX_RECEIPT_FILES = 100;

export const SHA_LIST_NAME = 'sha.txt';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const notAZip = () => new DomainError('file-type-not-allowed', { slot: 'receipt', allowed: 'zip' });
const inflatedTooLarge = () => new DomainError('receipt-zip-too-large', { maxMb: MAX_RECEIPT_INFLATED_BYTES / 1024 / 1024 });

/** The files of a receipt whose checksums all matched SHA.txt, or the problems found. */
export interface CheckedReceipt {
  /** Roster files by name (SHA.txt left out), in SHA.txt's order. */
  files: Array<{ name: string; sha256: string; bytes: Uint8Array }>;
  problems: ImportProblem[];
}

/**
 * Opens a 收訖明細 ZIP and checks it against its own SHA.txt. The bytes must be a ZIP (by its
 * magic bytes, not its name) that declares no more than MAX_RECEIPT_INFLATED_BYTES before a
 * single byte is inflated; inflating stops as soon as the running total passes that too (a
 * ZIP may understate its sizes). Every file listed must be there with its checksum, and
 * every file there must be listed: each miss is one problem, by file.
 */
export async function readReceiptZip(bytes: Uint8Array): Promise<CheckedReceipt> {
  if (bytes.byteLength === 0) throw new DomainError('file-empty', {});
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw notAZip();
  const declared = zipUncompressedSize(bytes);
  if (declared === null) throw new DomainError('receipt-zip-unreadable', {});
  if (declared > MAX_RECEIPT_INFLATED_BYTES) throw inflatedTooLarge();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DomainError('receipt-zip-unreadable', {});
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > MAX_RECEIPT_FILES) throw new DomainError('receipt-zip-too-many-files', { max: MAX_RECEIPT_FILES });

  const budget = { left: MAX_RECEIPT_INFLATED_BYTES };
  const contents = new Map<string, Uint8Array>();
  for (const entry of entries) contents.set(entry.name, await inflate(entry, budget));

  const shaName = [...contents.keys()].find((name) => name.toLowerCase() === SHA_LIST_NAME);
  if (shaName === undefined) return { files: [], problems: [problem('receipt-sha-missing', {})] };
  let listed: ShaEntry[];
  try {
    listed = parseShaList(new TextDecoder('utf-8', { fatal: false }).decode(contents.get(shaName)));
  } catch (error) {
    if (error instanceof DomainError) return { files: [], problems: [problemOf(error, shaName)] };
    throw error;
  }

  const problems: ImportProblem[] = [];
  const files: CheckedReceipt['files'] = [];
  for (const { fileName, sha256 } of listed) {
    const content = contents.get(fileName);
    if (!content) {
      problems.push(problem('receipt-file-missing', { file: fileName }, fileName));
      continue;
    }
    const actual = sha256Hex(content);
    if (actual !== sha256) problems.push(problem('receipt-checksum-mismatch', { file: fileName }, fileName));
    else files.push({ name: fileName, sha256: actual, bytes: content });
  }
  const listedNames = new Set(listed.map((l) => l.fileName));
  for (const name of contents.keys()) {
    if (name !== shaName && !listedNames.has(name)) problems.push(problem('receipt-file-unlisted', { file: name }, name));
  }
  return { files, problems };
}

/** Inflates one entry, refusing as soon as the ZIP's running total passes the budget. */
function inflate(entry: JSZip.JSZipObject, budget: { left: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        size += chunk.byteLength;
        budget.left -= chunk.byteLength;
        if (budget.left < 0) {
          settled = true;
          stream.pause();
          stream.destroy?.();
          reject(inflatedTooLarge());
          return;
        }
        chunks.push(chunk);
      })
      .on('error', () => {
        if (settled) return;
        settled = true;
        reject(new DomainError('receipt-zip-unreadable', {}));
      })
      .on('end', () => {
        if (settled) return;
        settled = true;
        const out = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          out.set(chunk, offset);
          offset += chunk.byteLength;
        }
        resolve(out);
      });
  });
}

const zipTooLarge = () => new DomainError('file-too-large', { slot: 'receipt', maxMb: MAX_RECEIPT_BYTES / 1024 / 1024 });

/** Reads an uploaded file into memory, refusing it as soon as it passes MAX_RECEIPT_BYTES. */
export function readReceiptUpload(file: File): Promise<Uint8Array> {
  return readUpload(file, MAX_RECEIPT_BYTES, zipTooLarge);
}
