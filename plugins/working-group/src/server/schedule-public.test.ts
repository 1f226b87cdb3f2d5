import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, TEST_SCHOOL, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { staff, taipei, testSchedule } from './test-schedule.ts';

/** The school website's schedule page reads the published schedule without signing in. */
describe.each(testDialects())('the public schedule on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const start = (config: Record<string, unknown> = {}) =>
    createTestLicheng({ dialect, plugins: [plugin], config: { schedule: testSchedule, ...config }, now: taipei('2025-10-01') }).then((app) => (t = app));

  it('gives anyone the same windows the school sees, with the school’s name and the public Excel file', async () => {
    await start();
    const open = await t.query('working-group.schedule.public', { academicYear: 114 });
    expect(open.error).toBeNull();
    const signedIn = await t.query('working-group.schedule.list', { academicYear: 114 }, staff);
    expect(open.data.windows).toEqual(signedIn.data.windows);
    expect(open.data.unscheduled).toEqual(signedIn.data.unscheduled);
    expect(open.data.school).toEqual({ code: TEST_SCHOOL, name: t.config.name });
    expect(open.data.download).toBe('/api/working-group/public/schedule.xlsx?academicYear=114');

    const res = await t.app.request(open.data.download);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(String(workbook.worksheets[0]!.getCell('A1').value)).toContain('114');
  });

  it('answers for this school’s code only', async () => {
    await start();
    expect((await t.query('working-group.schedule.public', { school: TEST_SCHOOL })).error).toBeNull();
    const other = await t.query('working-group.schedule.public', { school: '999999' });
    expect(other.error?.licheng?.code).toBe('not-found');
    expect(other.status).toBe(404);
    const bad = await t.query('working-group.schedule.public', { school: 'abc' });
    expect(bad.status).toBe(400);
  });

  it('is refused, in words, when the school does not publish its schedule; signed-in users still read it', async () => {
    await start({ publicSchedule: false });
    const refused = await t.query('working-group.schedule.public', {});
    expect(refused.status).toBe(404);
    expect(refused.error?.licheng?.code).toBe('schedule-not-public');
    expect(refused.error?.message).toBe('本校未公開作業期程，請登入後查看');
    const file = await t.app.request('/api/working-group/public/schedule.xlsx?academicYear=114');
    expect(file.status).toBe(404);
    expect(((await file.json()) as any).error.code).toBe('schedule-not-public');
    expect((await t.query('working-group.schedule.list', {}, staff)).error).toBeNull();
  });
});
