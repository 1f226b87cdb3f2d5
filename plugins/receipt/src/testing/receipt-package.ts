import { createHash } from 'node:crypto';
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

/**
 * 收訖明細 packages as the central database returns them (ROSTERS.md §5), for tests of this
 * office and of the whole product (`@licheng/plugin-receipt/testing`): roster JSON files and the
 * ZIP holding them with SHA.txt, password-protected when asked.
 */

/**
 * A roster JSON file of the central database's receipt: UTF-8 with a BOM, `名冊資訊` a list of
 * the workbooks received with their SHA, then the roster's entries. `info` adds fields to 名冊資訊.
 */
export function rosterJson(name: string, students: Array<Record<string, unknown>>, info: Record<string, unknown> = {}): string {
  return `\uFEFF${JSON.stringify({ 名冊資訊: [{ 名稱: `${name}.xlsx`, SHA: sha256(name), ...info }], [name]: students })}`;
}

export const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

export interface ZipOptions {
  /** Replaces the generated SHA.txt text. */
  sha?: string;
  /** Files SHA.txt does not name. */
  unlisted?: Record<string, string>;
  /** Encrypts every file with this password. */
  password?: string;
  /** With a password: 'aes' (AES-256, the default) or 'zipcrypto'. */
  cipher?: 'aes' | 'zipcrypto';
  /** Leaves SHA.txt out. */
  noSha?: boolean;
}

/**
 * A 收訖明細 ZIP: `files` and a SHA.txt listing each as `hash,name` (CRLF, as Windows writes
 * it), written by zip.js — encrypted with AES or ZipCrypto when a password is given.
 */
export async function receiptZip(files: Record<string, string | Uint8Array>, options: ZipOptions = {}): Promise<Uint8Array> {
  const encryption = options.password === undefined ? {} : options.cipher === 'zipcrypto' ? { password: options.password, zipCrypto: true } : { password: options.password, encryptionStrength: 3 as const };
  const writer = new ZipWriter(new Uint8ArrayWriter(), { ...encryption, useWebWorkers: false });
  const sha = options.sha ?? Object.entries(files).map(([name, content]) => `${sha256(content)},${name}`).join('\r\n') + '\r\n';
  if (!options.noSha) await writer.add('SHA.txt', new TextReader(sha));
  for (const [name, content] of Object.entries({ ...files, ...options.unlisted })) {
    await writer.add(name, typeof content === 'string' ? new TextReader(content) : new Uint8ArrayReader(content));
  }
  return writer.close();
}

