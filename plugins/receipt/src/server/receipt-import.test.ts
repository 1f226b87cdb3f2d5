import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { CADRE, chen, chenUser, COURSE, declareSizes, importZip, PERFORMANCE, registry, receiptZip, rosterJson, rows, sha256, standardFiles } from './test-support.ts';



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
      { file: CADRE, roster: '校內幹部經歷', kind: 24, name: '校內幹部經歷', entries: 2, items: 2, notRequired: 0, submitted: [{ name: '校內幹部經歷.xlsx', sha256: sha256('校內幹部經歷') }] },
      { file: COURSE, roster: '課程學習成果', kind: 26, name: '課程學習成果', entries: 1, items: 1, notRequired: 0, submitted: [{ name: '課程學習成果.xlsx', sha256: sha256('課程學習成果') }] },
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
    const chenCourse = items.find((i) => i.student_id === chenId && JSON.parse(i.entry_json).學期課程學習成果);
    expect(JSON.parse(chenCourse.entry_json)).toEqual(JSON.parse(standardFiles()[COURSE]!.slice(1)).課程學習成果[0]);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['id', 'action', 'actor_id', 'entity_id']).where('parent_id', 'is', null).execute();
    expect(audit).toEqual([{ id: expect.any(String), action: 'receipt.batch.import', actor_id: 'r-staff', entity_id: done.data.batchId }]);
    // Under the batch's entry, one entry per item it created, naming the student.
    const itemEntries = await t.db.kysely.selectFrom('audit_log').select(['entity_id', 'student_id', 'action']).where('parent_id', '=', audit[0]!.id).execute();
    expect(itemEntries.map((e) => [e.entity_id, e.student_id, e.action]).sort()).toEqual(items.map((i) => [i.id, i.student_id, 'receipt.item.import']).sort());
  });

  it.each(['aes', 'zipcrypto'] as const)('imports a %s-encrypted receipt with the password the office types, and refuses a wrong or missing one writing nothing', async (cipher) => {
    await start();
    const zip = await receiptZip(standardFiles(), { password: 'Ab12#收訖', cipher });
    const wrong = await importZip(t, zip, { password: 'Ab12#收' });
    expect(wrong.error?.licheng?.code).toBe('receipt-zip-password-wrong');
    expect(wrong.error?.message).toBe('收訖明細壓縮檔的密碼不正確，請重新輸入');
    const missing = await importZip(t, zip);
    expect(missing.error?.licheng?.code).toBe('receipt-zip-password-required');
    expect(await rows(t, 'receipt_batches')).toEqual([]);
    expect(await rows(t, 'audit_log')).toEqual([]);
    const done = await importZip(t, zip, { password: 'Ab12#收訖' });
    expect(done.data).toMatchObject({ ok: true, items: 3 });
    expect(await rows(t, 'receipt_items')).toHaveLength(3);
    // The password is neither stored nor audited.
    const audit = JSON.stringify(await rows(t, 'audit_log'));
    expect(audit).not.toContain('Ab12');
  });

  it('refuses a tampered roster by name, still reports the other files, and writes nothing', async () => {
    await start();
    const files = standardFiles();
    const sha = [`${sha256(files[CADRE]!)},${CADRE}`, `${COURSE},${sha256(files[COURSE]!)}`, `${PERFORMANCE},${sha256('what was sent')}`].join('\r\n');
    const tampered = { ...files, [PERFORMANCE]: rosterJson('學生自填多元表現名冊', [{ ...chen, 競賽參與紀錄: [{ 競賽名稱: '改過的', 競賽等級代碼: 4 }] }]) };
    const res = await importZip(t, await receiptZip(tampered, { sha, password: 'pw', cipher: 'zipcrypto' }), { password: 'pw' });
    expect(res.data.ok).toBe(false);
    expect(res.data.items).toBe(0);
    expect(res.data.problems.map((p: any) => [p.code, p.file])).toEqual([['receipt-checksum-mismatch', PERFORMANCE]]);
    expect(res.data.problems[0].message).toBe(`檔案「${PERFORMANCE}」的檢查碼與 SHA.txt 不符`);
    expect(res.data.rosters.map((r: any) => [r.file, r.entries])).toEqual([
      [CADRE, 2],
      [COURSE, 1],
    ]);
    expect(await rows(t, 'receipt_batches')).toEqual([]);
    expect(await rows(t, 'receipt_items')).toEqual([]);
    const form = new FormData();
    form.set('file', new File([(await receiptZip(tampered, { sha })) as Uint8Array<ArrayBuffer>], 'receipt.zip'));
    form.set('windowStart', '2025-10-02');
    form.set('windowEnd', '2025-10-06');
    const en = await t.app.request('/trpc/receipt.batches.import', { method: 'POST', headers: { authorization: `Bearer ${await t.token(registry)}`, 'x-licheng-locale': 'en' }, body: form });
    expect(((await en.json()) as any).result.data.problems[0].message).toBe(`The checksum of "${PERFORMANCE}" does not match SHA.txt.`);
  });

  it('reports a receipt without SHA.txt, a malformed SHA.txt line and a file of no known roster', async () => {
    await start();
    const noSha = await importZip(t, await receiptZip(standardFiles(), { noSha: true }));
    expect(noSha.data.problems.map((p: any) => p.code)).toEqual(['receipt-sha-missing']);
    expect(noSha.data.problems[0].message).toBe('收訖明細壓縮檔中缺少檢查碼清單 SHA.txt');
    const files = standardFiles();
    const bad = await importZip(t, await receiptZip(files, { sha: `${CADRE},${sha256(files[CADRE]!)}\r\n${COURSE},abc\r\n` }));
    expect(bad.data.problems).toMatchObject([{ code: 'receipt-sha-line-invalid', params: { line: 2 }, file: COURSE }]);
    const unknown = { ...files, '114_1_123456_成績.json': rosterJson('學生成績名冊', [chen]) };
    const res = await importZip(t, await receiptZip(unknown));
    expect(res.data.ok).toBe(false);
    expect(res.data.problems.map((p: any) => [p.code, p.file])).toEqual([['receipt-roster-unknown', '114_1_123456_成績.json']]);
    expect(await rows(t, 'receipt_batches')).toEqual([]);
  });

  it('refuses a roster of another school and a file that is not a roster', async () => {
    await start();
    const files = { ...standardFiles(), [PERFORMANCE]: rosterJson('學生自填多元表現名冊', [chen], { 學校代碼: '654321' }), '114_0_課程學習成果x.json': '{"名冊資訊": 1' };
    const res = await importZip(t, await receiptZip(files));
    expect(res.data.ok).toBe(false);
    expect(res.data.problems.map((p: any) => [p.code, p.file])).toEqual([
      ['receipt-school-mismatch', PERFORMANCE],
      ['receipt-json-invalid', '114_0_課程學習成果x.json'],
    ]);
    expect(res.data.problems[0].message).toBe(`「${PERFORMANCE}」的學校代碼 654321 不是本校（123456）`);
  });

  it('reports unmatched students and wrong birth dates row by row with a masked ID', async () => {
    await start();
    const files = { [PERFORMANCE]: rosterJson('學生自填多元表現名冊', [chen, { 身分證號: 'Z199999999', 出生日期: '2009-01-01' }, { 身分證號: 'B223456782', 出生日期: '0980512' }, { 身分證號: 'c123456781', 出生日期: '2008-07-30' }]) };
    const res = await importZip(t, await receiptZip(files));
    expect(res.data.ok).toBe(false);
    expect(res.data.problems.map((p: any) => [p.code, p.file, p.index, p.params.id])).toEqual([
      ['receipt-student-unmatched', PERFORMANCE, 2, 'Z19****999'],
      ['receipt-birth-date-mismatch', PERFORMANCE, 4, 'C12****781'],
    ]);
    expect(res.data.problems[0].message).toBe(`「${PERFORMANCE}」第 2 筆：身分證號 Z19****999 不在本校學生名冊中`);
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
