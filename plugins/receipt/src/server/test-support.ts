import { users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { rosterJson, sha256 } from '../testing/receipt-package.ts';

export { receiptZip, rosterJson, sha256, type ZipOptions } from '../testing/receipt-package.ts';

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
