import { createHash } from 'node:crypto';
import { users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import JSZip from 'jszip';

/** The test school's students (seedRoster): 身分證號 and 出生日期. */
export const chen = { 身分證號: 'A123456789', 出生日期: '2009-03-01' };
export const lin = { 身分證號: 'B223456780', 出生日期: '2009-05-12' };
export const chang = { 身分證號: 'C123456781', 出生日期: '2009-07-30' };

export const registry = users.registry as TestUser;
export const chenUser = users.chen as TestUser;
export const linUser = users.lin as TestUser;

/** A roster JSON file of the central database's receipt. */
export function rosterJson(kind: number, name: string, students: Array<Record<string, unknown>>, info: Record<string, unknown> = {}): string {
  return JSON.stringify({ 名冊資訊: { 學校代碼: '123456', 學年度: 114, 學期: 1, 名冊別: kind, ...info }, [name]: students });
}

export const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** The usual receipt: 幹部經歷 (24) for chen and lin, 課程學習成果 (26) for chen. */
export function standardFiles(): Record<string, string> {
  return {
    '24.json': rosterJson(24, '校內幹部經歷', [
      { ...chen, 幹部經歷: [{ 單位名稱: '班級', 擔任職務: '班長', 開始日期: '2025-08-01', 結束日期: '2026-01-31' }] },
      { ...lin, 幹部經歷: [{ 單位名稱: '學生會', 擔任職務: '會長' }] },
    ]),
    '26.json': rosterJson(26, '課程學習成果', [{ ...chen, 課程學習成果: [{ 課程代碼: '108123456E22L0101020005', 科目名稱: '國語文', 成果簡述: '閱讀心得' }] }]),
  };
}

/**
 * A 收訖明細 ZIP: `files` and a SHA.txt listing each with its checksum (CRLF, as Windows writes
 * it); `sha` replaces the generated SHA.txt text, `unlisted` adds files SHA.txt does not name.
 */
export async function receiptZip(files: Record<string, string | Uint8Array>, options: { sha?: string; unlisted?: Record<string, string> } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const sha = options.sha ?? Object.entries(files).map(([name, content]) => `${name},${sha256(content)}`).join('\r\n') + '\r\n';
  zip.file('SHA.txt', sha);
  for (const [name, content] of Object.entries({ ...files, ...options.unlisted })) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export interface ImportOptions {
  start?: string;
  end?: string;
  dryRun?: boolean;
  name?: string;
  user?: TestUser;
}

/** Posts a receipt to receipt.batches.import as a browser would. */
export function importZip(t: TestLicheng, bytes: Uint8Array, options: ImportOptions = {}) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], options.name ?? 'receipt.zip', { type: 'application/zip' }));
  form.set('windowStart', options.start ?? '2025-10-02');
  form.set('windowEnd', options.end ?? '2025-10-06');
  if (options.dryRun) form.set('dryRun', 'true');
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
