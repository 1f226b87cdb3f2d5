import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { SELF_CHECK_LIST } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { groupApp, staff, teacher } from './test-group.ts';
import { demoNow, seedDemoSemester } from './test-semester.ts';

const figures = (item: any) => Object.fromEntries(item.auto.figures.map((f: any) => [f.label, f.value]));

describe.each(testDialects())('working-group self-check on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const get = (input?: unknown) => t.query('working-group.selfCheck.get', input, staff);

  it('fills itself from the data of a demo semester, with figures and how they were computed', async () => {
    t = await groupApp(dialect, demoNow);
    await seedDemoSemester(t);
    const res = await get();
    expect(res.error).toBeNull();
    const view = res.data;
    expect([view.academicYear, view.semester, view.today, view.version]).toEqual([114, 1, '2026-01-20', SELF_CHECK_LIST.version]);
    expect(view.download).toBe('/api/working-group/self-check.xlsx?academicYear=114&semester=1');
    const item = Object.fromEntries(view.items.map((i: any) => [i.id, i]));
    expect(view.items.map((i: any) => i.id)).toEqual(SELF_CHECK_LIST.items.map((i) => i.id));
    expect(view.items.every((i: any) => i.sources.length > 0)).toBe(true);

    expect(item['group-leads'].auto.state).toBe('met');
    expect(figures(item['group-leads'])).toEqual({ 召集人: '陳校長', 執行秘書: '李主任' });
    expect(item['group-meeting'].auto.state).toBe('met');
    expect(figures(item['group-meeting'])).toEqual({ 已召開: '1', 召開日期: '2025-09-10' });
    // The parent session is missing, but the semester runs to 1/31.
    expect([item['group-trainings'].auto.state, figures(item['group-trainings'])['尚未辦理']]).toEqual(['not-yet', '親師說明']);

    expect(item['schedule-published'].auto.state).toBe('not-met');
    expect(figures(item['schedule-published'])).toEqual({
      已排定作業項目: '5 / 10',
      '尚未排定（另行公告）': '多元表現上傳、多元表現勾選、收訖明細確認、自傳與學習計畫撰寫、開課預檢',
      未訂自我檢核日期的期程: '2 / 5',
    });

    expect(item['precheck-4-weeks'].auto.state).toBe('met');
    expect(figures(item['precheck-4-weeks'])).toEqual({ '第 1 次比對日期': '2025-08-20', 期限: '2025-08-28', 本學期比對次數: '2' });
    expect(item['precheck-4-weeks'].auto.how).toContain('curriculum.precheck.run');

    // 王老師 3 outcomes (1 passed, 1 failed, 1 pending), 李老師 2 passed; the window closed 10/31.
    expect(item.certification.auto.state).toBe('not-met');
    expect(figures(item.certification)).toEqual({ 全校認證率: '80%', 待認證: '1', 教師人數: '2' });
    expect(item.certification.auto.rows.rows).toEqual([
      ['王老師', '3', '1', '1', '1', '67%'],
      ['李老師', '2', '2', '0', '0', '100%'],
    ]);

    // 101: 2 of 3 students selecting (3 selections); 102: nobody — listed first.
    expect(item.selection.auto.state).toBe('info');
    expect(figures(item.selection)).toEqual({ 全校勾選率: '40%', 已勾選學生: '2 / 5' });
    expect(item.selection.auto.rows.rows).toEqual([
      ['102', '2', '0', '0', '0%'],
      ['101', '3', '2', '3', '67%'],
    ]);

    expect(item['grade-check'].auto.state).toBe('met');
    expect(figures(item['grade-check'])).toEqual({ 成績複查期程: '2026-01-05–2026-01-10', 最早名冊提交: '2026-01-15' });

    expect(item['receipt-window'].auto.state).toBe('met');
    expect(figures(item['receipt-window'])).toEqual({ '第 1 批確認期間': '2026-01-10–2026-01-12（3 日）' });
    expect(item['receipt-confirmed'].auto.state).toBe('not-met');
    expect(figures(item['receipt-confirmed'])).toEqual({ 明細筆數: '5', 學生已確認: '2（40%）', 視同確認: '2', 確認期間中未確認: '0', 疑義未處理: '1' });

    for (const id of ['rules-complete', 'rules-passed', 'rules-published', 'precheck-roster', 'outcome-load', 'evaluation']) {
      expect([item[id].mode, item[id].auto, item[id].hand, item[id].stateText]).toEqual(['hand', null, null, '尚未填答']);
    }
  });

  it('says where the data cannot answer instead of guessing', async () => {
    t = await groupApp(dialect, demoNow);
    const item = Object.fromEntries((await get({ academicYear: 114, semester: 1 })).data.items.map((i: any) => [i.id, i]));
    for (const id of ['certification', 'selection', 'receipt-window', 'receipt-confirmed']) expect(item[id].auto.state).toBe('no-data');
    expect(item['receipt-window'].auto.how).toBe('本學期尚未匯入收訖明細（稽核紀錄 receipt.batch.import），無確認期間可檢核。');
    expect(item['precheck-4-weeks'].auto.state).toBe('not-met');
    expect(item['group-leads'].auto.state).toBe('not-met');
    expect(item['group-leads'].stateText).toBe('未符合');
  });

  it('keeps hand answers per term with who and when, audited, and takes one back', async () => {
    t = await groupApp(dialect, demoNow);
    const answer = (input: Record<string, unknown>) => t.mutate('working-group.selfCheck.answer', { academicYear: 114, semester: 1, ...input }, staff);
    const saved = await answer({ itemId: 'rules-passed', answer: 'yes', note: '114 年 1 月 16 日校務會議通過' });
    expect(saved.error).toBeNull();
    const item = saved.data.items.find((i: any) => i.id === 'rules-passed');
    expect(item.hand).toMatchObject({ answer: 'yes', note: '114 年 1 月 16 日校務會議通過', byName: '教務主任', listVersion: SELF_CHECK_LIST.version });
    expect(item.stateText).toBe('是');
    expect((await answer({ itemId: 'rules-passed', answer: 'no', note: '' })).data.items.find((i: any) => i.id === 'rules-passed').hand.answer).toBe('no');
    // Another term keeps its own answers.
    expect((await get({ academicYear: 114, semester: 2 })).data.items.find((i: any) => i.id === 'rules-passed').hand).toBeNull();
    const cleared = await answer({ itemId: 'rules-passed', answer: null });
    expect(cleared.data.items.find((i: any) => i.id === 'rules-passed').stateText).toBe('尚未填答');
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity', '=', 'working-group-self-check').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['working-group.self-check.answer', 'working-group.self-check.answer', 'working-group.self-check.clear']);
  });

  it('keeps one answer per item and term when two people answer at the same moment', async () => {
    t = await groupApp(dialect, demoNow);
    const answer = (note: string) => t.mutate('working-group.selfCheck.answer', { academicYear: 114, semester: 1, itemId: 'evaluation', answer: 'yes', note }, staff);
    const results = await Promise.all([answer('甲'), answer('乙'), answer('丙')]);
    for (const r of results) if (r.error) expect(r.error.licheng?.code).toBe('try-again');
    expect(results.some((r) => !r.error)).toBe(true);
    const rows = await t.db.kysely.selectFrom('working_group_self_checks' as any).selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses an automatic item, a bad term and a teacher, and writes nothing', async () => {
    t = await groupApp(dialect, demoNow);
    const auto = await t.mutate('working-group.selfCheck.answer', { academicYear: 114, semester: 1, itemId: 'certification', answer: 'yes', note: '' }, staff);
    expect(auto.status).toBe(400);
    const term = await t.mutate('working-group.selfCheck.answer', { academicYear: 114, semester: 3, itemId: 'rules-passed', answer: 'yes', note: '' }, staff);
    expect(term.status).toBe(400);
    const year = await get({ academicYear: 99 });
    expect(year.error?.message).toContain('「學年度」應為 100 到 999 的整數');
    const forbidden = await t.mutate('working-group.selfCheck.answer', { academicYear: 114, semester: 1, itemId: 'rules-passed', answer: 'yes', note: '' }, teacher);
    expect(forbidden.status).toBe(403);
    expect(await t.db.kysely.selectFrom('working_group_self_checks' as any).selectAll().execute()).toEqual([]);
  });

  it('exports the self-check as an Excel file for the school’s records', async () => {
    t = await groupApp(dialect, demoNow);
    await seedDemoSemester(t);
    await t.mutate('working-group.selfCheck.answer', { academicYear: 114, semester: 1, itemId: 'rules-published', answer: 'yes', note: '已公告於學校網站' }, staff);
    const res = await t.app.request('/api/working-group/self-check.xlsx?academicYear=114&semester=1', { headers: { authorization: `Bearer ${await t.token(staff)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="self-check-114-1.xlsx"; filename*=UTF-8''${encodeURIComponent('114學年度第1學期自我檢核表.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rows = Array.from({ length: sheet.rowCount }, (_, r) => Array.from({ length: 7 }, (_, c) => sheet.getRow(r + 1).getCell(c + 1).value ?? null));
    expect(rows[0]![0]).toBe('測試高中 114 學年度第 1 學期學習歷程檔案工作小組自我檢核表');
    expect(rows[4]).toEqual(['項目', '檢核內容', '填答方式', '結果', '數據', '計算方式／說明', '出處']);
    const byText = (text: string) => rows.find((r) => r[1] === text)!;
    expect(byText('教師是否完成課程學習成果認證？（各教師認證率）').slice(2, 5)).toEqual(['由資料計算', '未符合', '全校認證率：80%\n待認證：1\n教師人數：2']);
    expect(byText('補充規定是否公告於學校網站？').slice(2, 6)).toEqual(['人工填答', '是', '', '已公告於學校網站\n填答：教務主任，2026-01-20']);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['自我檢核表', '各教師認證', '各班勾選']);
    const bad = await t.app.request('/api/working-group/self-check.xlsx?academicYear=abc', { headers: { authorization: `Bearer ${await t.token(staff)}` } });
    expect(bad.status).toBe(400);
    const other = await t.app.request('/api/working-group/self-check.xlsx', { headers: { authorization: `Bearer ${await t.token(teacher)}` } });
    expect(other.status).toBe(403);
  });
});
