import { createHash } from 'node:crypto';
import { users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

/** The test school's students (seedRoster): 身分證號 and 出生日期. */
export const chen = { 身分證號: 'A123456789', 出生日期: '2009-03-01' };
export const lin = { 身分證號: 'B223456782', 出生日期: '2009-05-12' };
export const chang = { 身分證號: 'C123456781', 出生日期: '2009-07-30' };

export const registry = users.registry as TestUser;
export const chenUser = users.chen as TestUser;
export const linUser = users.lin as TestUser;

/** File names as the central database names them: the term, the school, the roster. */
export const CADRE = '114_1_123456_校內幹部經歷.json';
export const COURSE = '114_0_123456_課程學習成果.json';
export const PERFORMANCE = '114_0_123456_多元表現.json';

/**
 * A roster JSON file of the central database's receipt: UTF-8 with a BOM, `名冊資訊` a list of
 * the workbooks received with their SHA, then the roster's entries. `info` adds fields to 名冊資訊.
 */
export function rosterJson(name: string, students: Array<Record<string, unknown>>, info: Record<string, unknown> = {}): string {
  return `\uFEFF${JSON.stringify({ 名冊資訊: [{ 名稱: `${name}.xlsx`, SHA: sha256(name), ...info }], [name]: students })}`;
}

export const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** The usual receipt: 校內幹部經歷 (24) for chen and lin, 課程學習成果 (26) for chen. */
export function standardFiles(): Record<string, string> {
  return {
    [CADRE]: rosterJson('校內幹部經歷', [
      { ...chen, 幹部經歷紀錄: [{ 單位名稱: '班級', 擔任職務: '班長', 開始日期: '2025-08-01', 結束日期: '2026-01-31' }] },
      { ...lin, 幹部經歷紀錄: [{ 單位名稱: '學生會', 擔任職務: '會長' }] },
    ]),
    [COURSE]: rosterJson('課程學習成果', [{ ...chen, 學期課程學習成果: [{ 課程代碼: '108123456E22L0101020005', 科目名稱: '國語文', 成果簡述: '閱讀心得' }] }]),
  };
}

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

export interface ImportOptions {
  start?: string;
  end?: string;
  dryRun?: boolean;
  name?: string;
  user?: TestUser;
  password?: string;
}

/** Posts a receipt to receipt.batches.import as a browser would. */
export function importZip(t: TestLicheng, bytes: Uint8Array, options: ImportOptions = {}) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], options.name ?? 'receipt.zip', { type: 'application/zip' }));
  form.set('windowStart', options.start ?? '2025-10-02');
  form.set('windowEnd', options.end ?? '2025-10-06');
  if (options.dryRun) form.set('dryRun', 'true');
  if (options.password !== undefined) form.set('password', options.password);
  return t.upload('receipt.batches.import', form, options.user ?? registry);
}

/** Moves the harness clock to noon, Taipei time, of an ISO date. */
export function setDay(t: TestLicheng, day: string): void {
  t.clock.now = new Date(`${day}T04:00:00Z`);
}

/** Rows of one of the office's tables. */
export function rows(t: TestLicheng, table: string): Promise<any[]> {
  return t.db.kysely.selectFrom(table as never).selectAll().execute() as Promise<any[]>;
}

/** Sets the declared uncompressed size of the first `entries` central-directory entries (all by default), as a zip bomb would. */
export function declareSizes(bytes: Uint8Array, size: number, entries = Infinity): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  let changed = 0;
  for (let at = 0; at + 46 <= copy.byteLength && changed < entries; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    view.setUint32(at + 24, size, true);
    changed++;
  }
  return copy;
}
