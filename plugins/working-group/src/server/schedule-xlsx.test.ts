import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ACTIVITIES, activityLabels } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { signHostToken } from '@licheng/server';
import { createTestLicheng, TEST_SCHOOL, TEST_SECRET, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';
import { staff, taipei, testSchedule } from './test-schedule.ts';

/** The first worksheet's rows as plain values (blank cells as null), from row 1. */
async function readRows(res: Response): Promise<{ name: string; rows: unknown[][]; merges: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: 10 }, (_, i) => row.getCell(i + 1).value ?? null));
  }
  return { name: sheet.name, rows, merges: (sheet.model as unknown as { merges: string[] }).merges };
}

/** [activity label, 另行公告] for every core activity but `scheduled`, in the core's order. */
const unscheduledRows = (scheduled: string[]) => ACTIVITIES.filter((a) => !scheduled.includes(a)).map((a) => [activityLabels[a]['zh-TW'], '另行公告']);

describe.each(testDialects())('GET /api/working-group/schedule.xlsx on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const start = (now = taipei('2025-10-01')) =>
    createTestLicheng({ dialect, plugins: [plugin], config: { schedule: testSchedule }, now }).then((app) => (t = app));
  const get = async (query: string, user?: TestUser, headers: Record<string, string> = {}) =>
    t.app.request(`/api/working-group/schedule.xlsx${query}`, { headers: { ...(user ? { authorization: `Bearer ${await t.token(user)}` } : {}), ...headers } });

  it('writes the year’s schedule with a title, zh-TW headers, 民國 and ISO dates, states and 另行公告 rows', async () => {
    await start();
    const res = await get('?academicYear=114', users.chen);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="schedule-114.xlsx"; filename*=UTF-8''${encodeURIComponent('114學年度作業期程.xlsx')}`);
    const { name, rows, merges } = await readRows(res);
    expect(name).toBe('114學年度作業期程');
    expect(rows[0]![0]).toBe('測試高中 114 學年度學習歷程檔案作業期程');
    expect(rows[1]![0]).toBe('資料日期：114/10/01（2025-10-01）');
    expect(merges).toEqual(expect.arrayContaining(['A1:J1', 'A2:J2']));
    expect(rows.slice(2)).toEqual([
      ['作業項目', '學期', '年級', '開始日期', '結束日期', '狀態', '開始日期（西元）', '結束日期（西元）', '自我檢核日期', '班級、類別、梯次'],
      ['多元表現上傳', '全學年', '全年級', '114/08/01', '115/07/31', '開放中（剩 304 天）', '2025-08-01', '2026-07-31', null, null],
      ['多元表現上傳', '全學年', '3 年級', '114/08/01', '114/09/30', '已截止', '2025-08-01', '2025-09-30', null, null],
      ['課程學習成果上傳', '第 1 學期', '全年級', '114/09/01', '114/10/15', '開放中（剩 15 天）', '2025-09-01', '2025-10-15', null, null],
      ['課程學習成果認證', '第 1 學期', '全年級', '114/10/16', '114/10/31', '尚未開放（15 天後開放）', '2025-10-16', '2025-10-31', null, null],
      ['課程學習成果上傳', '第 2 學期', '全年級', '115/02/16', '115/03/31', '尚未開放（138 天後開放）', '2026-02-16', '2026-03-31', null, null],
      ['課程學習成果勾選', '全學年', '全年級', '115/06/01', '115/07/15', '尚未開放（243 天後開放）', '2026-06-01', '2026-07-15', null, null],
      ...unscheduledRows(['outcome-upload', 'outcome-certification', 'outcome-selection', 'performance-upload']).map(([activity, state]) => [activity, null, null, null, null, state, null, null, null, null]),
    ]);
  });

  it('writes each window’s self-check date and its classes, kinds and batch', async () => {
    t = await createTestLicheng({
      dialect,
      plugins: [plugin],
      config: { schedule: [{ activity: 'roster-submission', academicYear: 114, semester: 1, classes: ['101', '102'], recordKinds: ['outcome'], qualifier: '第 2 梯次', selfCheck: '2025-11-05', start: '2025-10-20', end: '2025-10-31' }] },
      now: taipei('2025-10-01'),
    });
    const { rows } = await readRows(await get('?academicYear=114', staff));
    expect(rows[3]).toEqual(['名冊提交', '第 1 學期', '全年級', '114/10/20', '114/10/31', '尚未開放（19 天後開放）', '2025-10-20', '2025-10-31', '114/11/05', '101、102 班；限 課程學習成果；第 2 梯次']);
  });

  it('writes the current academic year when none is asked for, and any other year asked for', async () => {
    await start(taipei('2026-08-03'));
    const current = await readRows(await get('', staff));
    expect(current.rows[0]![0]).toBe('測試高中 115 學年度學習歷程檔案作業期程');
    expect(current.rows[3]).toEqual(['課程學習成果上傳', '第 1 學期', '全年級', '115/09/01', '115/10/15', '尚未開放（29 天後開放）', '2026-09-01', '2026-10-15', null, null]);
    expect(current.rows.slice(4).map((r) => [r[0], r[5]])).toEqual(unscheduledRows(['outcome-upload']));
    expect(current.rows.slice(4).map((r) => r[0])).toContain('收訖明細確認');
    const past = await readRows(await get('?academicYear=114', staff));
    expect(past.rows[0]![0]).toBe('測試高中 114 學年度學習歷程檔案作業期程');
    expect(past.rows.slice(3, 9).every((r) => r[5] === '已截止')).toBe(true);
  });

  it('needs a valid token of this school; any role may download', async () => {
    await start();
    const anonymous = await get('?academicYear=114');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthenticated', message: '請先登入' } });
    const expiredToken = await signHostToken({ userId: 'wg-1', name: '教務主任', school: TEST_SCHOOL, roles: ['working-group'] }, TEST_SECRET, 60, Date.now() - 3_600_000);
    const expired = await t.app.request('/api/working-group/schedule.xlsx', { headers: { authorization: `Bearer ${expiredToken}` } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as any).error.code).toBe('token-expired');
    const otherSchool = await get('', { userId: 'x', roles: ['working-group'], school: '654321' });
    expect(otherSchool.status).toBe(403);
    for (const user of [users.chen, users.wang, users.registry, staff]) expect((await get('', user)).status, user.userId).toBe(200);
  });

  it('refuses an academic year that is not one, in the caller’s language', async () => {
    await start();
    const bad = await get('?academicYear=2025', staff);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'import-number-invalid', message: 'academicYear: 「學年度」應為 100 到 999 的整數（目前為「2025」）' } });
    const text = await get('?academicYear=abc', staff, { 'x-licheng-locale': 'en' });
    expect(text.status).toBe(400);
    expect(((await text.json()) as any).error.message).toBe('academicYear: "學年度" must be a whole number from 100 to 999 (found "abc").');
  });
});
