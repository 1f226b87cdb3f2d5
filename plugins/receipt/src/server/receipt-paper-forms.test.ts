import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { syncStudentStatus, upsertStatusChanges } from '@licheng/server';
import { createTestLicheng, pdfFonts, pdfPageCount, pdfPageInk, pdfPagePng, pdfText, seedRoster, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { chenUser, importZip, receiptZip, registry, rows, standardFiles } from './test-support.ts';

/** Where the pages are drawn as PNG, to look at (pdftoppm). */
const PAGES = path.join(os.tmpdir(), 'licheng-pdf-pages');

describe.each(testDialects())('receipt paper confirmation forms on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** Imports the usual receipt (cadres for chen and lin, outcomes for chen); `left` students have been suspended (休學) first. */
  async function start(left: string[] = ['S002']): Promise<string> {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    await seedRoster(t);
    const db = t.db.kysely as any;
    await upsertStatusChanges(db, t.config.code, left.map((studentNo) => ({ studentNo, date: '2025-09-15', kind: 'suspend', statusCode: '', note: '' })) as any, t.clock.now);
    const ids = (await db.selectFrom('students').select('id').execute()).map((r: any) => r.id);
    await syncStudentStatus(db, t.config.code, ids, t.clock.now);
    const res = await importZip(t, await receiptZip(standardFiles()));
    expect(res.data?.ok).toBe(true);
    return res.data.batchId;
  }

  async function download(url: string, user = registry, locale = 'zh-TW'): Promise<Response> {
    return t.app.request(url, { headers: { authorization: `Bearer ${await t.token(user)}`, 'x-licheng-locale': locale } });
  }

  it('lists the students who have left, by class, and nobody when no one has', async () => {
    const batchId = await start();
    const list = await t.query('receipt.paperForms.list', { batchId }, registry);
    expect(list.data).toEqual({ batchId, students: [{ studentId: expect.any(String), studentNo: 'S002', name: '林小華', className: '101', seatNo: 2, rosters: 1 }], classes: [{ className: '101', students: 1 }] });
    await t.close();
    const other = await start([]);
    expect((await t.query('receipt.paperForms.list', { batchId: other }, registry)).data).toEqual({ batchId: other, students: [], classes: [] });
    const none = await t.mutate('receipt.paperForms.create', { batchId: other, className: '101' }, registry);
    expect(none.error?.licheng?.code).toBe('receipt-paper-form-none');
    expect(await rows(t, 'stored_files')).toEqual([]);
  });

  it('prints a class’s forms as a PDF with the font embedded: what was received, the boxes and signature lines, readable as text and as a picture', async () => {
    const batchId = await start(['S001', 'S002']);
    const res = await t.mutate('receipt.paperForms.create', { batchId, className: '101' }, registry);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ fileName: '收訖明細紙本確認單-114-1-101.pdf', students: 2, downloadUrl: `/api/files/${res.data.fileId}?download=1` });
    const got = await download(res.data.downloadUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await got.arrayBuffer());
    for (const font of await pdfFonts(pdf)) expect(font).toMatchObject({ name: expect.stringMatching(/\+NotoSansTC-/), embedded: true, subset: true, unicode: true });
    const pages = await pdfPageCount(pdf);
    expect(pages).toBe(res.data.pages);
    const text = await pdfText(pdf);
    const forms = text.split('\f');
    // Chen first (seat 1): both rosters; each form numbered on its own.
    expect(forms[0]).toContain('測試高中');
    expect(forms[0]).toMatch(/收訖明細紙本確認單\s*114 學年度第 1 學期/);
    expect(forms[0]).toContain('101 班 1 號 陳小明');
    expect(forms[0]).toContain('A12****789');
    expect(forms[0]).not.toContain('A123456789');
    expect(forms[0]).toContain('098/03/01');
    expect(text).toContain('校內幹部經歷（名冊別 24）');
    expect(text).toContain('課程學習成果（名冊別 26）');
    for (const words of ['幹部經歷紀錄', '單位名稱', '擔任職務', '班長', '學期課程學習成果', '課程代碼', '108123456E22L0101020005', '閱讀心得', '確認無誤', '提出疑義', '學生簽名', '家長／監護人簽名', '列印日期：民國 114/10/01', '101 班 2 號 林小華', '學生會', '會長']) {
      expect(text).toContain(words);
    }
    const last = forms[pages - 1]!;
    expect(last).toContain('101 班 2 號 林小華');
    expect(last).toMatch(/第 \d 頁，共 \d 頁/);
    expect(text).toContain('第 1 頁，共 1 頁'); // lin's one-roster form
    await fs.mkdir(PAGES, { recursive: true });
    for (let page = 1; page <= pages; page++) {
      await pdfPagePng(pdf, page, path.join(PAGES, `receipt-paper-form-${dialect}-${page}.png`), 80);
      expect(await pdfPageInk(pdf, page)).toBeGreaterThan(0.005);
    }
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'student_id', 'parent_id']).where('action', 'like', 'receipt.paper-form.%').orderBy('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['receipt.paper-form.print', 'receipt.paper-form.student', 'receipt.paper-form.student']);
    expect(audit.filter((a) => a.student_id).length).toBe(2);
  });

  it('prints one student’s form, in English when asked, and refuses a student who has not left, an unknown batch and a student', async () => {
    const batchId = await start();
    const list = (await t.query('receipt.paperForms.list', { batchId }, registry)).data;
    const lin = list.students[0].studentId;
    const chen = (await t.db.kysely.selectFrom('students').select('id').where('student_no', '=', 'S001').executeTakeFirstOrThrow()).id;
    const refused = await t.mutate('receipt.paperForms.create', { batchId, studentId: chen }, registry);
    expect(refused.error?.licheng?.code).toBe('receipt-paper-form-none');
    const unknown = await t.mutate('receipt.paperForms.create', { batchId: 'nope', studentId: lin }, registry);
    expect(unknown.error?.licheng?.code).toBe('not-found');
    const both = await t.mutate('receipt.paperForms.create', { batchId, studentId: lin, className: '101' }, registry);
    expect(both.status).toBe(400);
    const student = await t.mutate('receipt.paperForms.create', { batchId, studentId: lin }, chenUser);
    expect(student.status).toBe(403);
    const res = await t.app.request('/trpc/receipt.paperForms.create', {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token(registry)}`, 'x-licheng-locale': 'en', 'content-type': 'application/json' },
      body: JSON.stringify({ batchId, studentId: lin }),
    });
    const created = ((await res.json()) as any).result.data;
    expect(created).toMatchObject({ fileName: 'receipt-paper-form-114-1-101-02-S002.pdf', students: 1, pages: 1 });
    const text = await pdfText(new Uint8Array(await (await download(created.downloadUrl)).arrayBuffer()));
    for (const words of ['Receipt confirmation form (paper)', 'Class 101 No. 2 林小華', '校內幹部經歷 (roster 24)', 'Correct', 'Raise an issue', 'Student signature', 'Page 1 of 1', 'Printed 114/10/01 (ROC)']) expect(text).toContain(words);
    expect(text).not.toContain('陳小明');
  });
});
