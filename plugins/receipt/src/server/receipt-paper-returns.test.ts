import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { runRetention, syncStudentStatus, upsertStatusChanges } from '@licheng/server';
import { createTestLicheng, seedRoster, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { recordDeemedConfirmations } from './deemed-confirmed.ts';
import { unconfirmedReceipts } from './unconfirmed.ts';
import plugin from './index.ts';
import { chenUser, importZip, receiptZip, registry, rows, setDay, standardFiles } from './test-support.ts';

/** 學務處訓育組: the office 校內幹部經歷 issues go to. */
const activities: TestUser = { userId: 'a-staff', name: '訓育組長', roles: ['activities-staff'] };

describe.each(testDialects())('recording returned paper confirmation forms on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  /**
   * The usual receipt (window 2025-10-02 – 2025-10-06; 校內幹部經歷 for chen and lin, 課程學習成果
   * for chen) after chen (S001) has been suspended (休學): chen confirms on paper.
   */
  async function start() {
    t = await createTestLicheng({ dialect, plugins: [plugin] });
    await seedRoster(t);
    const db = t.db.kysely as any;
    await upsertStatusChanges(db, t.config.code, [{ studentNo: 'S001', date: '2025-09-15', kind: 'suspend', statusCode: '', note: '' }] as any, t.clock.now);
    const ids = (await db.selectFrom('students').select('id').execute()).map((r: any) => r.id);
    await syncStudentStatus(db, t.config.code, ids, t.clock.now);
    const res = await importZip(t, await receiptZip(standardFiles()));
    expect(res.data?.ok).toBe(true);
    const batchId = res.data.batchId as string;
    const students = await db.selectFrom('students').select(['id', 'student_no']).execute();
    const chen = students.find((s: any) => s.student_no === 'S001').id as string;
    const lin = students.find((s: any) => s.student_no === 'S002').id as string;
    const items = await db.selectFrom('receipt_items').innerJoin('receipt_rosters', 'receipt_rosters.id', 'receipt_items.roster_id').select(['receipt_items.id', 'receipt_items.student_id', 'receipt_rosters.kind']).execute();
    const item = (student: string, kind: number) => items.find((i: any) => i.student_id === student && Number(i.kind) === kind).id as string;
    return { batchId, chen, lin, cadre: item(chen, 24), course: item(chen, 26), linCadre: item(lin, 24) };
  }

  const record = (input: object, user: TestUser = registry) => t.mutate('receipt.paperReturns.record', input, user);
  const items = async () => Object.fromEntries((await rows(t, 'receipt_items')).map((r) => [r.id, r]));

  it('records a form: one roster confirmed, an issue on the other routed to the owning office, each marked as from paper, audited', async () => {
    const s = await start();
    setDay(t, '2025-10-05');
    const res = await record({ batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-04', answers: [{ itemId: s.course, outcome: 'confirmed' }, { itemId: s.cadre, outcome: 'issue', text: '  我不是班長  ' }] });
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ studentId: s.chen, returnedOn: '2025-10-04', recordedByName: registry.name, outcomes: [{ itemId: s.course, outcome: 'confirmed', changed: true, kind: 26 }, { itemId: s.cadre, outcome: 'issue', issueId: expect.any(String) }] });
    const now = await items();
    expect(now[s.course]).toMatchObject({ status: 'confirmed', paper_return_id: res.data.id });
    expect(now[s.cadre]).toMatchObject({ status: 'issue', paper_return_id: res.data.id, open_issue_id: res.data.outcomes[1].issueId });
    expect(now[s.linCadre]).toMatchObject({ status: 'pending', paper_return_id: null });

    // The issue reaches the office that owns the record, as one raised online would, marked as from paper.
    const routed = (await t.query('receipt.issues.list', {}, activities)).data;
    expect(routed).toHaveLength(1);
    expect(routed[0]).toMatchObject({ text: '我不是班長', fromPaper: true, status: 'open', routedTo: { office: 'student-affairs' }, student: { studentNo: 'S001' } });

    // The desk lists the return: who recorded it, when, the date on the form, what it said.
    const list = (await t.query('receipt.paperReturns.list', { batchId: s.batchId }, registry)).data;
    expect(list.recordRefusal).toBeNull();
    expect(list.returns).toEqual([
      expect.objectContaining({ id: res.data.id, returnedOn: '2025-10-04', recordedByName: registry.name, recordedAt: '2025-10-05T04:00:00.000Z', withdrawn: null, withdrawRefusal: null, student: expect.objectContaining({ studentNo: 'S001' }) }),
    ]);
    expect(list.students).toEqual([expect.objectContaining({ studentId: s.chen, returnId: res.data.id, items: [expect.objectContaining({ id: s.cadre, status: 'issue', openIssue: true, onPaper: true }), expect.objectContaining({ id: s.course, status: 'confirmed', onPaper: true })] })]);
    // The office's workbook says where each issue came from.
    const workbook = await t.app.request(`/api/receipt/batches/${s.batchId}/progress.xlsx`, { headers: { authorization: `Bearer ${await t.token(registry)}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbook.arrayBuffer()) as never);
    expect(book.worksheets[1]!.getRow(1).getCell(14).value).toBe('來源');
    expect(book.worksheets[1]!.getRow(2).getCell(14).value).toBe('紙本確認單');
    // The homeroom's count of unanswered items reads both as answered (lin's stays).
    const waiting = await unconfirmedReceipts(t.db.kysely as any, t.config.code, [s.chen, s.lin], '2025-10-05');
    expect([...waiting]).toEqual([[s.lin, 1]]);
    // Progress reads the paper confirmation as confirmed.
    const progress = (await t.query('receipt.batches.progress', { batchId: s.batchId }, registry)).data.rosters;
    expect(progress.find((r: any) => r.kind === 26)).toMatchObject({ confirmed: 1, pending: 0 });

    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_id', 'student_id', 'after']).where('action', 'like', 'receipt.%').where('action', 'not in', ['receipt.batch.import', 'receipt.item.import']).orderBy('action').execute();
    expect(audit.map((a: any) => [a.action, a.actor_id])).toEqual([
      ['receipt.issue.raise', registry.userId],
      ['receipt.item.confirm', registry.userId],
      ['receipt.item.issue', registry.userId],
      ['receipt.paper-return.record', registry.userId],
    ]);
    expect(audit.every((a: any) => a.student_id === s.chen)).toBe(true);
    // A reader tells a paper confirmation from the student's own by the entry's source.
    expect(JSON.parse(audit[1]!.after as string)).toMatchObject({ status: 'confirmed', source: 'paper', paper_return_id: res.data.id });
  });

  it('refuses a student who has not left, an unknown or another student’s item, an item with an open issue, dates outside the window or ahead, and a student', async () => {
    const s = await start();
    setDay(t, '2025-10-01');
    const early = await record({ batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-01', answers: [{ itemId: s.course, outcome: 'confirmed' }] });
    expect(early.error?.licheng).toMatchObject({ code: 'receipt-window-not-open', params: { start: '2025-10-02' } });
    expect((await t.query('receipt.paperReturns.list', { batchId: s.batchId }, registry)).data.recordRefusal).toBe('收訖確認尚未開始，將於 114/10/02 開始');

    setDay(t, '2025-10-03');
    const ok = { batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-03' };
    expect((await record({ ...ok, studentId: s.lin, answers: [{ itemId: s.linCadre, outcome: 'confirmed' }] })).error?.licheng?.code).toBe('receipt-paper-form-none');
    expect((await record({ ...ok, answers: [{ itemId: 'nope', outcome: 'confirmed' }] })).error?.licheng?.code).toBe('not-found');
    expect((await record({ ...ok, answers: [{ itemId: s.linCadre, outcome: 'confirmed' }] })).error?.licheng?.code).toBe('not-found');
    expect((await record({ ...ok, batchId: 'nope', answers: [{ itemId: s.course, outcome: 'confirmed' }] })).error?.licheng?.code).toBe('not-found');
    expect((await record({ ...ok, returnedOn: '2025-10-04', answers: [{ itemId: s.course, outcome: 'confirmed' }] })).error?.licheng?.code).toBe('receipt-paper-return-future');
    expect((await record({ ...ok, returnedOn: '2025-10-01', answers: [{ itemId: s.course, outcome: 'confirmed' }] })).error?.licheng).toMatchObject({ code: 'receipt-paper-return-outside', params: { start: '2025-10-02', end: '2025-10-06' } });
    expect((await record({ ...ok, answers: [{ itemId: s.course, outcome: 'issue', text: '   ' }] })).status).toBe(400);
    expect((await record({ ...ok, answers: [{ itemId: s.course, outcome: 'confirmed' }, { itemId: s.course, outcome: 'confirmed' }] })).status).toBe(400);
    expect((await record({ ...ok, answers: [{ itemId: s.course, outcome: 'confirmed' }] }, chenUser)).status).toBe(403);
    expect((await record({ ...ok, answers: [{ itemId: s.cadre, outcome: 'issue', text: 'x', row: { sheet: '幹部經歷紀錄', index: 5 } }] })).error?.licheng?.code).toBe('receipt-issue-row-unknown');

    // An issue raised online (before the form came back) waits for the office: the form cannot answer that item.
    const [cadre] = (await t.query('receipt.mine', undefined, chenUser)).data.batches[0].items;
    expect((await t.mutate('receipt.raiseIssue', { itemId: cadre.id, text: '職務有誤' }, chenUser)).error).toBeNull();
    const open = await record({ ...ok, answers: [{ itemId: s.course, outcome: 'confirmed' }, { itemId: s.cadre, outcome: 'confirmed' }] });
    expect(open.error?.licheng?.code).toBe('receipt-issue-open');
    // Nothing of a refused return was written.
    expect(await rows(t, 'receipt_paper_returns')).toEqual([]);
    expect((await items())[s.course]).toMatchObject({ status: 'pending', paper_return_id: null });
  });

  it('keeps an item the student confirmed already as it was, and one standing return per student: two at once leave one', async () => {
    const s = await start();
    setDay(t, '2025-10-03');
    const [, course] = (await t.query('receipt.mine', undefined, chenUser)).data.batches[0].items;
    await t.mutate('receipt.confirm', { itemIds: [course.id] }, chenUser);
    const input = { batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-03', answers: [{ itemId: s.course, outcome: 'confirmed' }, { itemId: s.cadre, outcome: 'confirmed' }] };
    const results = await Promise.all([record(input), record(input)]);
    const won = results.filter((r) => r.error === null);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.error !== null).map((r) => r.error?.licheng?.code)[0]).toMatch(/^(try-again|receipt-paper-return-exists)$/);
    expect((await rows(t, 'receipt_paper_returns')).filter((r) => r.active !== null)).toHaveLength(1);
    expect(won[0]!.data.outcomes.map((o: any) => [o.itemId, o.changed])).toEqual([
      [s.course, false],
      [s.cadre, true],
    ]);
    const now = await items();
    expect(now[s.course]).toMatchObject({ status: 'confirmed', paper_return_id: null }); // the student's own
    expect(now[s.cadre]).toMatchObject({ status: 'confirmed', paper_return_id: won[0]!.data.id });
    const again = await record(input);
    expect(again.error?.licheng).toMatchObject({ code: 'receipt-paper-return-exists', params: { date: '2025-10-03' } });
    const confirms = await t.db.kysely.selectFrom('audit_log').select('entity_id').where('action', '=', 'receipt.item.confirm').where('actor_id', '=', registry.userId).execute();
    expect(confirms.map((c) => c.entity_id)).toEqual([s.cadre]);
  });

  it('the closing job leaves paper-recorded items alone; a form back in time is recorded after the window over 視同確認, a late one is refused', async () => {
    const s = await start();
    setDay(t, '2025-10-04');
    expect((await record({ batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-04', answers: [{ itemId: s.course, outcome: 'confirmed' }] })).error).toBeNull();
    setDay(t, '2025-10-07');
    expect(await recordDeemedConfirmations(t.db.kysely as any, t.config.code, t.clock.now)).toEqual({ batches: 1, items: 2 }); // chen's and lin's 校內幹部經歷
    const after = await items();
    expect(after[s.course]).toMatchObject({ status: 'confirmed', deemed_confirmed_at: null });
    expect(after[s.cadre]).toMatchObject({ status: 'deemed-confirmed' });
    const deemed = await t.db.kysely.selectFrom('audit_log').select('entity_id').where('action', '=', 'receipt.item.deem-confirmed').execute();
    expect(deemed.map((d) => d.entity_id)).not.toContain(s.course);

    // Withdrawn (recorded by mistake) and recorded again after the window, dated inside it: the answers replace 視同確認.
    const standing = (await t.query('receipt.paperReturns.list', { batchId: s.batchId }, registry)).data.returns[0];
    expect((await t.mutate('receipt.paperReturns.withdraw', { returnId: standing.id }, registry)).error).toBeNull();
    const late = await record({ batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-07', answers: [{ itemId: s.cadre, outcome: 'confirmed' }] });
    expect(late.error?.licheng?.code).toBe('receipt-paper-return-outside');
    const inTime = await record({ batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-06', answers: [{ itemId: s.cadre, outcome: 'issue', text: '職務有誤' }, { itemId: s.course, outcome: 'confirmed' }] });
    expect(inTime.error).toBeNull();
    const now = await items();
    expect(now[s.cadre]).toMatchObject({ status: 'issue', paper_return_id: inTime.data.id, deemed_confirmed_at: null });
    expect(now[s.course]).toMatchObject({ status: 'confirmed', paper_return_id: inTime.data.id });
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    expect(await recordDeemedConfirmations(t.db.kysely as any, t.config.code, t.clock.now)).toEqual({ batches: 0, items: 0 });
  });

  it('withdraws a return recorded by mistake while its issue is unanswered, not once answered; the rows go with the graduate', async () => {
    const s = await start();
    setDay(t, '2025-10-04');
    const first = await record({ batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-04', answers: [{ itemId: s.cadre, outcome: 'issue', text: '我不是班長' }, { itemId: s.course, outcome: 'confirmed' }] });
    const withdrawn = await t.mutate('receipt.paperReturns.withdraw', { returnId: first.data.id }, registry);
    expect(withdrawn.data).toMatchObject({ id: first.data.id, items: 2, issues: 1, withdrawnByName: registry.name });
    expect(await rows(t, 'receipt_issues')).toEqual([]);
    const now = await items();
    expect([now[s.cadre].status, now[s.course].status, now[s.cadre].open_issue_id]).toEqual(['pending', 'pending', null]);
    expect((await t.mutate('receipt.paperReturns.withdraw', { returnId: first.data.id }, registry)).error?.licheng?.code).toBe('receipt-paper-return-withdrawn');
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('action', 'in', ['receipt.paper-return.withdraw', 'receipt.issue.withdraw', 'receipt.item.paper-withdraw']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['receipt.issue.withdraw', 'receipt.item.paper-withdraw', 'receipt.item.paper-withdraw', 'receipt.paper-return.withdraw']);

    const second = await record({ batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-04', answers: [{ itemId: s.cadre, outcome: 'issue', text: '我是副班長' }] });
    expect(second.error).toBeNull();
    const [issue] = (await t.query('receipt.issues.list', {}, activities)).data;
    expect((await t.mutate('receipt.issues.answer', { issueId: issue.id, answer: '已更正為副班長', corrected: true }, activities)).error).toBeNull();
    expect((await t.mutate('receipt.paperReturns.withdraw', { returnId: second.data.id }, registry)).error?.licheng?.code).toBe('receipt-paper-return-answered');
    const list = (await t.query('receipt.paperReturns.list', { batchId: s.batchId }, registry)).data.returns;
    expect(list.map((r: any) => [r.id, r.withdrawn === null, r.withdrawRefusal])).toEqual([
      [second.data.id, true, '此回條提出的疑義已有承辦處室回覆，不能撤回'],
      [first.data.id, false, null],
    ]);

    await upsertStatusChanges(t.db.kysely as never, t.config.code, [{ studentNo: 'S001', date: '2026-06-15', kind: 'graduate', statusCode: '900', note: '' }], t.clock.now);
    const purged = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T16:00:00Z'), [plugin]);
    expect(purged.purged.find((p) => p.studentNo === 'S001')?.offices).toContainEqual({ office: 'receipt', table: 'receipt_paper_returns', rows: 2 });
    expect(await rows(t, 'receipt_paper_returns')).toEqual([]);
  });

  it('keeps a scan of the signed form, checked by content, with the return; a new scan replaces it; it goes with the graduate', async () => {
    const s = await start();
    setDay(t, '2025-10-04');
    const recorded = await record({ batchId: s.batchId, studentId: s.chen, returnedOn: '2025-10-04', answers: [{ itemId: s.course, outcome: 'confirmed' }] });
    const scan = (bytes: string | Uint8Array, name: string, returnId = recorded.data.id as string, user: TestUser = registry) => {
      const form = new FormData();
      form.set('returnId', returnId);
      form.set('file', new File([bytes as BlobPart], name, { type: 'application/octet-stream' }));
      return t.upload('receipt.paperReturns.scan', form, user);
    };
    const notScan = await scan('just text, named as a PDF', '回條.pdf');
    expect(notScan.error?.licheng?.code).toBe('file-type-not-allowed');
    expect((await scan('%PDF-1.7\n%signed form\n', '回條.pdf', recorded.data.id, chenUser)).status).toBe(403);
    const pdf = await scan('%PDF-1.7\n%signed form\n', '回條.pdf');
    expect(pdf.error).toBeNull();
    expect(pdf.data.scan).toMatchObject({ fileName: '回條.pdf', type: 'pdf' });
    const got = await t.app.request(pdf.data.scan.url, { headers: { authorization: `Bearer ${await t.token(registry)}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    const png = await scan(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]), 'scan.png');
    expect(png.error).toBeNull();
    const files = (await rows(t, 'stored_files')).map((f) => f.id);
    expect(files).toContain(png.data.scan.fileId);
    expect(files).not.toContain(pdf.data.scan.fileId); // the replaced scan's file row is gone
    const listed = (await t.query('receipt.paperReturns.list', { batchId: s.batchId }, registry)).data.returns[0];
    expect(listed.scan).toEqual({ fileId: png.data.scan.fileId, fileName: 'scan.png', url: `/api/files/${png.data.scan.fileId}` });
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'receipt.paper-return.scan').execute();
    expect(audit).toHaveLength(2);

    await upsertStatusChanges(t.db.kysely as never, t.config.code, [{ studentNo: 'S001', date: '2026-06-15', kind: 'graduate', statusCode: '900', note: '' }], t.clock.now);
    const purged = await runRetention(t.db.kysely as never, dialect, t.config, new Date('2031-06-14T16:00:00Z'), [plugin]);
    expect(purged.purged.find((p) => p.studentNo === 'S001')?.files).toBe(1);
    expect((await rows(t, 'stored_files')).map((f) => f.id)).not.toContain(png.data.scan.fileId);
  });
});
