import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { CADRE, chen, chenUser, importZip, linUser, receiptZip, registry, rosterJson, rows, setDay, standardFiles } from './test-support.ts';

describe.each(testDialects())('receipt confirmation on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /** Imports the usual receipt with the window 2025-10-02 – 2025-10-06 and returns its batch id. */
  async function start(): Promise<string> {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    await seedRoster(t);
    const res = await importZip(t, await receiptZip(standardFiles()));
    expect(res.data?.ok).toBe(true);
    return res.data.batchId;
  }

  const mine = async (user = chenUser) => (await t.query('receipt.mine', undefined, user)).data;
  const itemsOf = async (user = chenUser) => (await mine(user)).batches[0].items as Array<{ id: string; rosterName: string; status: string }>;

  it('shows nothing before the window, then the items by roster with what was received and the reminder', async () => {
    await start();
    expect(await mine()).toEqual({ today: '2025-10-01', batches: [], reminder: null });
    setDay(t, '2025-10-04');
    const seen = await mine();
    expect(seen.batches).toHaveLength(1);
    expect(seen.batches[0]).toMatchObject({ academicYear: 114, semester: 1, window: { start: '2025-10-02', end: '2025-10-06' }, phase: 'open', daysLeft: 3 });
    expect(seen.batches[0].items.map((i: any) => [i.kind, i.rosterName, i.status])).toEqual([
      [24, '校內幹部經歷', 'pending'],
      [26, '課程學習成果', 'pending'],
    ]);
    expect(seen.batches[0].items[0].entry.幹部經歷紀錄[0].擔任職務).toBe('班長');
    expect(seen.reminder).toEqual({ confirmed: [], unconfirmed: ['校內幹部經歷', '課程學習成果'], text: '您尚未完成確認：校內幹部經歷、課程學習成果。' });
  });

  it('confirms inside the window, idempotently, with an audit row, and updates the reminder', async () => {
    await start();
    setDay(t, '2025-10-02');
    const [cadre] = await itemsOf();
    const first = await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser);
    expect(first.data).toEqual({ confirmed: [cadre!.id], changed: 1 });
    const again = await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser);
    expect(again.data).toEqual({ confirmed: [cadre!.id], changed: 0 });
    const seen = await mine();
    expect(seen.reminder.text).toBe('您已完成確認：校內幹部經歷。您尚未完成確認：課程學習成果。');
    const en = await t.app.request('/trpc/receipt.mine', { headers: { authorization: `Bearer ${await t.token(chenUser)}`, 'x-licheng-locale': 'en' } });
    expect(((await en.json()) as any).result.data.reminder.text).toBe('You have confirmed: 校內幹部經歷. You have not yet confirmed: 課程學習成果.');
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'receipt.item.confirm').execute();
    expect(audit).toEqual([{ action: 'receipt.item.confirm', actor_id: 's-chen' }]);
  });

  it('confirms several items at once with one audit entry per item (on MySQL too, where entity ids are at most 64 characters)', async () => {
    await start();
    setDay(t, '2025-10-02');
    const items = await itemsOf();
    const res = await t.mutate('receipt.confirm', { itemIds: items.map((i) => i.id) }, chenUser);
    expect(res.error).toBeNull();
    expect(res.data.changed).toBe(2);
    const audit = await t.db.kysely.selectFrom('audit_log').select('entity_id').where('action', '=', 'receipt.item.confirm').orderBy('entity_id').execute();
    expect(audit.map((a) => a.entity_id)).toEqual(items.map((i) => i.id).sort());
    expect((await mine()).reminder).toBeNull(); // nothing left to confirm
  });

  it('refuses to confirm before or after the window and another student’s item', async () => {
    await start();
    setDay(t, '2025-10-03');
    const [cadre] = await itemsOf();
    setDay(t, '2025-10-01');
    const early = await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser);
    expect(early.error?.licheng).toMatchObject({ code: 'receipt-window-not-open', params: { start: '2025-10-02' } });
    setDay(t, '2025-10-07');
    const late = await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser);
    expect(late.error?.licheng).toMatchObject({ code: 'receipt-window-closed', params: { end: '2025-10-06' } });
    const lateIssue = await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text: '職務有誤' }, chenUser);
    expect(lateIssue.error?.licheng?.code).toBe('receipt-window-closed');
    setDay(t, '2025-10-03');
    const other = await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, linUser);
    expect(other.status).toBe(404);
    expect(other.error?.licheng?.code).toBe('not-found');
    // Another student's item reads exactly as one that does not exist, for confirming and for raising an issue.
    expect(other).toEqual(await t.mutate('receipt.confirm', { itemIds: ['no-such-item'] }, linUser));
    const otherIssue = await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text: '職務有誤' }, linUser);
    expect(otherIssue.status).toBe(404);
    expect(otherIssue).toEqual(await t.mutate('receipt.raiseIssue', { itemId: 'no-such-item', text: '職務有誤' }, linUser));
    expect((await rows(t, 'receipt_items')).every((i) => i.status === 'pending')).toBe(true);
  });

  it('reads pending items as deemed confirmed after the window, for the student and in the progress', async () => {
    const batchId = await start();
    setDay(t, '2025-10-03');
    const [cadre] = await itemsOf();
    await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser);
    const [linCadre] = await itemsOf(linUser);
    await t.mutate('receipt.raiseIssue', { itemId: linCadre!.id, text: '我不是會長' }, linUser);
    const during = await t.query('receipt.batches.progress', { batchId }, registry);
    expect(during.data.rosters.map((r: any) => [r.kind, r.total, r.confirmed, r.issue, r.pending, r.deemedConfirmed])).toEqual([
      [24, 2, 1, 1, 0, 0],
      [26, 1, 0, 0, 1, 0],
    ]);
    setDay(t, '2025-10-07');
    expect((await itemsOf()).map((i) => i.status)).toEqual(['confirmed', 'deemed-confirmed']);
    expect((await mine()).reminder).toBeNull();
    const after = await t.query('receipt.batches.progress', { batchId }, registry);
    expect(after.data.rosters.map((r: any) => [r.kind, r.confirmed, r.issue, r.pending, r.deemedConfirmed])).toEqual([
      [24, 1, 1, 0, 0],
      [26, 0, 0, 0, 1],
    ]);
    const list = await t.query('receipt.batches.list', undefined, registry);
    expect(list.data).toMatchObject([{ id: batchId, phase: 'after', openIssues: 1, academicYear: 114 }]);
  });

  it('keeps one open issue per item when two arrive at once', async () => {
    await start();
    setDay(t, '2025-10-03');
    const [cadre] = await itemsOf();
    const results = await Promise.all(['第一次', '第二次', '第三次'].map((text) => t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text }, chenUser)));
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    for (const r of results.filter((r) => r.error !== null)) expect(['receipt-issue-open', 'try-again']).toContain(r.error?.licheng?.code);
    expect((await rows(t, 'receipt_issues')).filter((i) => i.status === 'open')).toHaveLength(1);
    const confirm = await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser);
    expect(confirm.error?.licheng?.code).toBe('receipt-issue-open');
  });

  it('validates the issue text: free text (no control characters, not blank once invisible characters are removed), 1 to 500 characters', async () => {
    await start();
    setDay(t, '2025-10-03');
    const [cadre] = await itemsOf();
    expect((await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text: '   ' }, chenUser)).error?.message).toMatch(/^text: /);
    expect((await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text: '字'.repeat(501) }, chenUser)).error?.licheng?.code).toBe('text-too-long');
    // NUL-only, zero-width-only and control characters are refused (400) and nothing is written.
    for (const [text, code] of [['\u0000', 'text-control-character'], ['\u200b\u200b', 'text-blank'], ['\ufeff', 'text-blank'], ['錯了\u0007', 'text-control-character']] as const) {
      const refused = await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text }, chenUser);
      expect(refused.status, JSON.stringify(text)).toBe(400);
      expect(refused.error?.licheng?.code).toBe(code);
    }
    expect(await (t.db.kysely as any).selectFrom('receipt_issues').selectAll().execute()).toEqual([]);
    const ok = await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text: ` ${'字'.repeat(500)} ` }, chenUser);
    expect(ok.data.text).toBe('字'.repeat(500));
  });

  it('lets the office list and answer issues once, after which the student may confirm', async () => {
    const batchId = await start();
    setDay(t, '2025-10-03');
    const [cadre] = await itemsOf();
    const raised = await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text: '結束日期應為 2026-01-20' }, chenUser);
    const open = await t.query('receipt.issues.list', { batchId }, registry);
    expect(open.data).toMatchObject([{ id: raised.data.id, status: 'open', rosterName: '校內幹部經歷', text: '結束日期應為 2026-01-20', student: { name: '陳小明', className: '101', seatNo: 1, studentNo: 'S001' } }]);
    expect((await t.query('receipt.issues.list', undefined, chenUser)).status).toBe(403);

    const answered = await t.mutate('receipt.issues.answer', { issueId: raised.data.id, answer: '已更正結束日期並重新提交', corrected: true }, registry);
    expect(answered.data).toMatchObject({ status: 'answered', answer: '已更正結束日期並重新提交', corrected: true, answeredByName: '註冊組長' });
    const twice = await t.mutate('receipt.issues.answer', { issueId: raised.data.id, answer: '再一次', corrected: false }, registry);
    expect(twice.error?.licheng?.code).toBe('receipt-issue-answered');
    expect((await t.query('receipt.issues.list', { batchId }, registry)).data).toEqual([]);
    expect((await t.query('receipt.issues.list', { batchId, status: 'answered' }, registry)).data).toHaveLength(1);

    const item = (await itemsOf())[0] as any;
    expect(item.issues).toMatchObject([{ status: 'answered', answer: { text: '已更正結束日期並重新提交', byName: '註冊組長', corrected: true } }]);
    expect(item.status).toBe('pending');
    const progress = (await t.query('receipt.batches.progress', { batchId }, registry)).data;
    expect(progress.rosters.find((r: any) => r.kind === 24)).toMatchObject({ issue: 0, pending: 2 });
    expect((await t.mutate('receipt.confirm', { itemIds: [cadre!.id] }, chenUser)).data.changed).toBe(1);
    const actions = (await t.db.kysely.selectFrom('audit_log').select('action').execute()).map((a) => a.action).sort();
    expect(actions).toEqual(['receipt.batch.import', 'receipt.correction.mark', 'receipt.issue.raise', 'receipt.issue.resolve', 'receipt.item.confirm', 'receipt.item.import', 'receipt.item.import', 'receipt.item.import', 'receipt.item.issue', 'receipt.item.reopen']);
    // The item's status before and after each change, from the trail of that item alone.
    const trail = await t.db.kysely.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', cadre!.id).orderBy('at').orderBy('id').execute();
    expect(trail.map((e) => [e.action, JSON.parse(e.before ?? 'null')?.status ?? null, JSON.parse(e.after ?? 'null')?.status ?? null])).toEqual([
      ['receipt.item.import', null, 'pending'],
      ['receipt.item.issue', 'pending', 'issue'],
      ['receipt.item.reopen', 'issue', 'pending'],
      ['receipt.item.confirm', 'pending', 'confirmed'],
    ]);
  });

  it('lists the open issues of every batch, newest first, each with its batch, until answered', async () => {
    const first = await start();
    setDay(t, '2025-10-03');
    const [cadre] = await itemsOf();
    const older = await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text: '職務有誤' }, chenUser);
    const second = await importZip(t, await receiptZip({ [CADRE.replace('114_1_', '114_2_')]: rosterJson('校內幹部經歷', [{ ...chen, 幹部經歷紀錄: [{ 單位名稱: '社團', 擔任職務: '社長' }] }]) }), { start: '2025-10-03', end: '2025-10-10' });
    expect(second.data?.problems ?? second.error).toEqual([]);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const newest = (await mine()).batches.find((b: any) => b.semester === 2).items.find((i: any) => i.kind === 24);
    const newer = await t.mutate('receipt.raiseIssue', { itemId: newest.id, text: '社團名稱有誤' }, chenUser);
    expect(newer.error).toBeNull();

    const all = await t.query('receipt.issues.list', { status: 'open', order: 'newest' }, registry);
    expect(all.data.map((i: any) => [i.id, i.batchId, i.batch])).toEqual([
      [newer.data.id, second.data.batchId, { academicYear: 114, semester: 2 }],
      [older.data.id, first, { academicYear: 114, semester: 1 }],
    ]);
    // One batch alone, oldest first as before.
    expect((await t.query('receipt.issues.list', { batchId: first }, registry)).data.map((i: any) => i.id)).toEqual([older.data.id]);
    await t.mutate('receipt.issues.answer', { issueId: older.data.id, answer: '已更正', corrected: true }, registry);
    expect((await t.query('receipt.issues.list', { order: 'newest' }, registry)).data.map((i: any) => i.id)).toEqual([newer.data.id]);
    expect((await t.query('receipt.issues.list', { order: 'latest' }, registry)).status).toBe(400);
  });

  it('exports the progress and the issues as an Excel workbook for the office only', async () => {
    const batchId = await start();
    setDay(t, '2025-10-03');
    const [cadre] = await itemsOf();
    await t.mutate('receipt.raiseIssue', { itemId: cadre!.id, text: '職務有誤' }, chenUser);
    const res = await t.app.request(`/api/receipt/batches/${batchId}/progress.xlsx`, { headers: { authorization: `Bearer ${await t.token(registry)}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as never);
    const [progress, issues] = book.worksheets;
    expect(progress!.getRow(3).values).toEqual([undefined, 24, '校內幹部經歷', 2, 0, 1, 1, 0]);
    expect(issues!.getRow(2).getCell(6).value).toBe('職務有誤');
    const student = await t.app.request(`/api/receipt/batches/${batchId}/progress.xlsx`, { headers: { authorization: `Bearer ${await t.token(chenUser)}` } });
    expect(student.status).toBe(403);
    const missing = await t.app.request('/api/receipt/batches/nope/progress.xlsx', { headers: { authorization: `Bearer ${await t.token(registry)}` } });
    expect(missing.status).toBe(404);
  });
});

describe.each(testDialects())('receipt in platform.me on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('lists the receipt reminder for students, the routed issues for teachers and 學務處, none for the registry (its desk has them)', async () => {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    expect((await t.query('platform.me', undefined, chenUser)).data.reminders).toEqual([{ office: 'receipt', tag: 'licheng-receipt-reminder' }]);
    expect((await t.query('platform.me', undefined, users.wang)).data.reminders).toEqual([{ office: 'receipt', tag: 'licheng-receipt-issues-reminder' }]);
    expect((await t.query('platform.me', undefined, registry)).data.reminders).toEqual([]);
    expect((await t.query('platform.me', undefined, registry)).data.offices.map((o: { id: string }) => o.id)).toEqual(['receipt']);
  });
});
