import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { chen, chenUser, declareSizes, importZip, registry, receiptZip, rosterJson, rows, sha256, standardFiles } from './test-support.ts';



describe.each(testDialects())('receipt.batches.import on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start() {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    await seedRoster(t);
    return t;
  }

  it('reports in a dry run without writing, then imports every roster with one audit row', async () => {
    await start();
    const zip = await receiptZip(standardFiles());
    const dry = await importZip(t, zip, { dryRun: true });
    expect(dry.error).toBeNull();
    expect(dry.data).toMatchObject({ ok: true, dryRun: true, academicYear: 114, semester: 1, items: 3, batchId: null, problems: [], sha256: sha256(zip) });
    expect(dry.data.rosters).toEqual([
      { file: '24.json', kind: 24, name: '校內幹部經歷', entries: 2, items: 2, notRequired: 0 },
      { file: '26.json', kind: 26, name: '課程學習成果', entries: 1, items: 1, notRequired: 0 },
    ]);
    expect(await rows(t, 'receipt_batches')).toEqual([]);
    expect(await rows(t, 'receipt_items')).toEqual([]);
    expect(await rows(t, 'audit_log')).toEqual([]);

    const done = await importZip(t, zip);
    expect(done.data).toMatchObject({ ok: true, dryRun: false, items: 3 });
    const [batch] = await rows(t, 'receipt_batches');
    expect(batch).toMatchObject({ id: done.data.batchId, school_code: '123456', academic_year: 114, semester: 1, source_sha256: sha256(zip), window_start: '2025-10-02', window_end: '2025-10-06', imported_by: 'r-staff' });
    const items = await rows(t, 'receipt_items');
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.status === 'pending' && i.open_issue_id === null)).toBe(true);
    const students = await t.db.kysely.selectFrom('students').select(['id', 'national_id']).execute();
    const chenId = students.find((s) => s.national_id === chen.身分證號)!.id;
    const chenCourse = items.find((i) => i.student_id === chenId && JSON.parse(i.entry_json).課程學習成果);
    expect(JSON.parse(chenCourse.entry_json)).toEqual(JSON.parse(standardFiles()['26.json']!).課程學習成果[0]);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['id', 'action', 'actor_id', 'entity_id']).where('parent_id', 'is', null).execute();
    expect(audit).toEqual([{ id: expect.any(String), action: 'receipt.batch.import', actor_id: 'r-staff', entity_id: done.data.batchId }]);
    // Under the batch's entry, one entry per item it created, naming the student.
    const itemEntries = await t.db.kysely.selectFrom('audit_log').select(['entity_id', 'student_id', 'action']).where('parent_id', '=', audit[0]!.id).execute();
    expect(itemEntries.map((e) => [e.entity_id, e.student_id, e.action]).sort()).toEqual(items.map((i) => [i.id, i.student_id, 'receipt.item.import']).sort());
  });

  it('refuses the whole import with a report by file for a checksum mismatch, a missing file and an unlisted file', async () => {
    await start();
    const files = standardFiles();
    const sha = [`24.json,${sha256('something else')}`, `26.json,${sha256(files['26.json']!)}`, `25.json,${sha256('x')}`].join('\n');
    const zip = await receiptZip(files, { sha, unlisted: { 'notes.txt': 'hello' } });
    const res = await importZip(t, zip);
    expect(res.data.ok).toBe(false);
    expect(res.data.items).toBe(0);
    expect(res.data.problems.map((p: any) => [p.code, p.file])).toEqual([
      ['receipt-checksum-mismatch', '24.json'],
      ['receipt-file-missing', '25.json'],
      ['receipt-file-unlisted', 'notes.txt'],
    ]);
    expect(res.data.problems[0].message).toBe('檔案「24.json」的檢查碼與 SHA.txt 不符');
    expect(await rows(t, 'receipt_batches')).toEqual([]);
    const form = new FormData();
    form.set('file', new File([zip as Uint8Array<ArrayBuffer>], 'receipt.zip'));
    form.set('windowStart', '2025-10-02');
    form.set('windowEnd', '2025-10-06');
    const en = await t.app.request('/trpc/receipt.batches.import', { method: 'POST', headers: { authorization: `Bearer ${await t.token(registry)}`, 'x-licheng-locale': 'en' }, body: form });
    expect(((await en.json()) as any).result.data.problems[2].message).toBe('"notes.txt" is in the ZIP but not listed in SHA.txt.');
  });

  it('reports a receipt without SHA.txt and a malformed SHA.txt line', async () => {
    await start();
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('24.json', standardFiles()['24.json']!);
    const noSha = await importZip(t, await zip.generateAsync({ type: 'uint8array' }));
    expect(noSha.data.problems.map((p: any) => p.code)).toEqual(['receipt-sha-missing']);
    const bad = await importZip(t, await receiptZip(standardFiles(), { sha: `24.json,${sha256('a')}\r\n26.json ${sha256('b')}\r\n` }));
    expect(bad.data.problems).toMatchObject([{ code: 'receipt-sha-line-invalid', params: { line: 2 }, file: 'SHA.txt' }]);
  });

  it('refuses a roster of another school and a file that is not a roster', async () => {
    await start();
    const files = { ...standardFiles(), '25.json': rosterJson(25, '多元表現', [chen], { 學校代碼: '654321' }), 'x.json': '{"名冊資訊": 1}' };
    const res = await importZip(t, await receiptZip(files));
    expect(res.data.ok).toBe(false);
    expect(res.data.problems.map((p: any) => [p.code, p.file])).toEqual([
      ['receipt-school-mismatch', '25.json'],
      ['receipt-json-invalid', 'x.json'],
    ]);
    expect(res.data.problems[0].message).toBe('「25.json」的學校代碼 654321 不是本校（123456）');
  });

  it('reports unmatched students and wrong birth dates row by row with a masked ID', async () => {
    await start();
    const files = { '25.json': rosterJson(25, '多元表現', [chen, { 身分證號: 'Z199999999', 出生日期: '2009-01-01' }, { 身分證號: 'B223456780', 出生日期: '0980512' }, { 身分證號: 'c123456781', 出生日期: '2008-07-30' }]) };
    const res = await importZip(t, await receiptZip(files));
    expect(res.data.ok).toBe(false);
    expect(res.data.problems.map((p: any) => [p.code, p.file, p.index, p.params.id])).toEqual([
      ['receipt-student-unmatched', '25.json', 2, 'Z19****999'],
      ['receipt-birth-date-mismatch', '25.json', 4, 'C12****781'],
    ]);
    expect(res.data.problems[0].message).toBe('「25.json」第 2 筆：身分證號 Z19****999 不在本校學生名冊中');
    expect(JSON.stringify(res.data)).not.toContain('Z199999999');
    expect(await rows(t, 'receipt_items')).toEqual([]);
  });

  it('needs no confirmation of graduated grade-12 course records', async () => {
    await start();
    await t.db.kysely.updateTable('students').set({ grade: 3, status: 'graduated' }).where('national_id', '=', chen.身分證號).execute();
    const res = await importZip(t, await receiptZip(standardFiles()));
    expect(res.data.rosters[1]).toMatchObject({ kind: 26, items: 0, notRequired: 1 });
    expect(res.data.items).toBe(2);
  });

  it('refuses the same ZIP twice, clearly', async () => {
    await start();
    const zip = await receiptZip(standardFiles());
    expect((await importZip(t, zip)).data.ok).toBe(true);
    const again = await importZip(t, zip, { name: 'renamed.zip' });
    expect(again.error?.licheng?.code).toBe('receipt-duplicate-import');
    expect(again.error?.message).toBe('此收訖明細已於 114/10/01 匯入過，不可重複匯入');
    expect(await rows(t, 'receipt_batches')).toHaveLength(1);
  });

  it('writes one batch when the same ZIP is imported twice at once', async () => {
    await start();
    const zip = await receiptZip(standardFiles());
    const results = await Promise.all([importZip(t, zip), importZip(t, zip)]);
    expect(results.filter((r) => r.data?.ok === true)).toHaveLength(1);
    expect(results.filter((r) => r.error)[0]?.error?.licheng?.code).toBe('receipt-duplicate-import');
    expect(await rows(t, 'receipt_batches')).toHaveLength(1);
    expect(await rows(t, 'receipt_items')).toHaveLength(3);
  });

  it('refuses a window shorter than 3 days or ending before it starts', async () => {
    await start();
    const zip = await receiptZip(standardFiles());
    const short = await importZip(t, zip, { start: '2025-10-02', end: '2025-10-03' });
    expect(short.error?.licheng).toMatchObject({ code: 'receipt-window-too-short', params: { days: 2, min: 3 } });
    const reversed = await importZip(t, zip, { start: '2025-10-09', end: '2025-10-03' });
    expect(reversed.error?.licheng?.code).toBe('receipt-window-order');
    const notIso = await importZip(t, zip, { start: '114/10/02', end: '2025-10-09' });
    expect(notIso.error?.licheng?.code).toBe('invalid-input');
    expect(await rows(t, 'receipt_batches')).toEqual([]);
  });

  it('refuses a file that is not a ZIP whatever its name, and a zip bomb before inflating it', async () => {
    await start();
    const text = await importZip(t, new TextEncoder().encode('24.json,abc\n'), { name: 'receipt.zip' });
    expect(text.status).toBe(415);
    expect(text.error?.licheng?.code).toBe('file-type-not-allowed');
    const pdf = await importZip(t, new TextEncoder().encode('%PDF-1.7\n'), { name: 'receipt.zip' });
    expect(pdf.error?.licheng?.code).toBe('file-type-not-allowed');
    const bomb = declareSizes(await receiptZip(standardFiles()), 1_500_000_000);
    const refused = await importZip(t, bomb);
    expect(refused.error?.licheng?.code).toBe('receipt-zip-too-large');
    const broken = await receiptZip(standardFiles());
    const truncated = await importZip(t, broken.subarray(0, broken.byteLength - 30));
    expect(truncated.error?.licheng?.code).toBe('receipt-zip-unreadable');
  });

  it('lets only the registry office import', async () => {
    await start();
    const res = await importZip(t, await receiptZip(standardFiles()), { user: chenUser });
    expect(res.status).toBe(403);
    expect(res.error?.licheng?.code).toBe('forbidden');
  });
});
