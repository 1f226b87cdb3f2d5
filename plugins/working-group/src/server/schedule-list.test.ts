import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITIES } from '@licheng/core';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';
import { staff, taipei, testSchedule } from './test-schedule.ts';

describe.each(testDialects())('working-group.schedule.list on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const start = (now = taipei('2025-10-01'), schedule: unknown[] = testSchedule) =>
    createTestLicheng({ dialect, plugins: [plugin], config: { schedule }, now }).then((app) => (t = app));
  const list = (input?: unknown, user: TestUser = staff) => t.query('working-group.schedule.list', input, user);

  it('publishes the current year’s windows in date order, where each stands today, and what is still to be announced', async () => {
    await start();
    const res = await list();
    expect(res.error).toBeNull();
    expect(res.data.academicYear).toBe(114);
    expect(res.data.today).toBe('2025-10-01');
    expect(res.data.years).toEqual([114, 115]);
    expect(res.data.windows).toEqual([
      { activity: 'performance-upload', semester: 0, grades: null, start: '2025-08-01', end: '2026-07-31', state: 'open', daysUntilOpen: null, daysLeft: 304 },
      { activity: 'performance-upload', semester: 0, grades: [3], start: '2025-08-01', end: '2025-09-30', state: 'closed', daysUntilOpen: null, daysLeft: null },
      { activity: 'outcome-upload', semester: 1, grades: null, start: '2025-09-01', end: '2025-10-15', state: 'open', daysUntilOpen: null, daysLeft: 15 },
      { activity: 'outcome-certification', semester: 1, grades: null, start: '2025-10-16', end: '2025-10-31', state: 'not-yet', daysUntilOpen: 15, daysLeft: null },
      { activity: 'outcome-upload', semester: 2, grades: null, start: '2026-02-16', end: '2026-03-31', state: 'not-yet', daysUntilOpen: 138, daysLeft: null },
      { activity: 'outcome-selection', semester: 0, grades: null, start: '2026-06-01', end: '2026-07-15', state: 'not-yet', daysUntilOpen: 243, daysLeft: null },
    ]);
    const scheduled114 = new Set(['outcome-upload', 'outcome-certification', 'outcome-selection', 'performance-upload']);
    expect(res.data.unscheduled).toEqual(ACTIVITIES.filter((a) => !scheduled114.has(a)));
    expect(res.data.unscheduled).toContain('receipt-confirmation');
    expect(res.data.download).toBe('/api/working-group/schedule.xlsx?academicYear=114');
  });

  it('moves each window along as the clock moves, on Taipei days', async () => {
    await start(new Date('2025-10-15T15:59:59Z'));
    const lastDay = await list();
    expect(lastDay.data.today).toBe('2025-10-15');
    const upload = (data: any) => data.windows.find((w: any) => w.activity === 'outcome-upload' && w.semester === 1);
    const certification = (data: any) => data.windows.find((w: any) => w.activity === 'outcome-certification');
    expect(upload(lastDay.data)).toMatchObject({ state: 'open', daysLeft: 1 });
    expect(certification(lastDay.data)).toMatchObject({ state: 'not-yet', daysUntilOpen: 1 });

    t.clock.now = new Date('2025-10-15T16:00:00Z'); // 00:00 on 10/16 in Taipei
    const nextDay = await list();
    expect(nextDay.data.today).toBe('2025-10-16');
    expect(upload(nextDay.data)).toMatchObject({ state: 'closed', daysLeft: null });
    expect(certification(nextDay.data)).toMatchObject({ state: 'open', daysLeft: 16 });

    t.clock.now = taipei('2026-07-31');
    const yearEnd = await list();
    expect(yearEnd.data.windows.map((w: any) => w.state)).toEqual(['open', 'closed', 'closed', 'closed', 'closed', 'closed']);
    expect(yearEnd.data.windows[0]).toMatchObject({ activity: 'performance-upload', grades: null, daysLeft: 1 });
  });

  it('switches to the new academic year on 1 August, and shows any year asked for', async () => {
    await start(taipei('2026-08-01', '00:00:00'));
    const current = await list();
    expect(current.data.academicYear).toBe(115);
    expect(current.data.windows).toEqual([
      { activity: 'outcome-upload', semester: 1, grades: null, start: '2026-09-01', end: '2026-10-15', state: 'not-yet', daysUntilOpen: 31, daysLeft: null },
    ]);
    expect(current.data.unscheduled).toEqual(ACTIVITIES.filter((a) => a !== 'outcome-upload'));

    const past = await list({ academicYear: 114 });
    expect(past.data.academicYear).toBe(114);
    expect(past.data.windows).toHaveLength(6);
    expect(past.data.windows.every((w: any) => w.state === 'closed')).toBe(true);

    const future = await list({ academicYear: 116 });
    expect(future.data).toMatchObject({ academicYear: 116, windows: [], years: [114, 115], download: '/api/working-group/schedule.xlsx?academicYear=116' });
    expect(future.data.unscheduled).toHaveLength(ACTIVITIES.length);
  });

  it('keeps grade-limited windows apart from the window for every grade', async () => {
    await start(taipei('2025-09-15'));
    const res = await list({ academicYear: 114 });
    const performance = res.data.windows.filter((w: any) => w.activity === 'performance-upload');
    expect(performance).toEqual([
      expect.objectContaining({ grades: null, end: '2026-07-31', state: 'open' }),
      expect.objectContaining({ grades: [3], end: '2025-09-30', state: 'open', daysLeft: 16 }),
    ]);
  });

  it('lists every activity as to be announced when the school has no schedule yet', async () => {
    await start(taipei('2025-10-01'), []);
    const res = await list();
    expect(res.data).toEqual({
      academicYear: 114,
      today: '2025-10-01',
      years: [],
      windows: [],
      unscheduled: [...ACTIVITIES],
      download: '/api/working-group/schedule.xlsx?academicYear=114',
      kindNames: expect.objectContaining({ outcome: { 'zh-TW': '課程學習成果', en: expect.any(String) } }),
    });
  });

  it('is readable by every signed-in user of the school, and by nobody else', async () => {
    await start();
    for (const user of [users.chen, users.wang, users.registry, staff, { userId: 'h-1', roles: ['homeroom-teacher'] } as TestUser]) {
      const res = await list(undefined, user);
      expect(res.error, user.userId).toBeNull();
      expect(res.data.windows).toHaveLength(6);
    }
    const anonymous = await t.query('working-group.schedule.list', undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.licheng?.code).toBe('unauthenticated');
    const otherSchool = await list(undefined, { userId: 'x', roles: ['student'], school: '654321' });
    expect(otherSchool.status).toBe(403);
    expect(otherSchool.error?.licheng?.code).toBe('forbidden');
  });

  it('refuses an academic year that is not one, saying what it must be', async () => {
    await start();
    for (const academicYear of [99, 2025, 114.5, '114', null]) {
      const res = await list({ academicYear });
      expect(res.status, String(academicYear)).toBe(400);
      expect(res.error?.licheng?.code).toBe('import-number-invalid');
    }
    const res = await list({ academicYear: 2025 });
    expect(res.error?.message).toBe('academicYear: 「學年度」應為 100 到 999 的整數（目前為「2025」）');
    const english = await t.app.request(`/trpc/working-group.schedule.list?input=${encodeURIComponent(JSON.stringify({ academicYear: 99 }))}`, {
      headers: { authorization: `Bearer ${await t.token(staff)}`, 'x-licheng-locale': 'en' },
    });
    expect(english.status).toBe(400);
    expect(((await english.json()) as any).error.message).toBe('academicYear: "學年度" must be a whole number from 100 to 999 (found "99").');
  });

  it('reads the platform’s schedule table, seeded once from the school config', async () => {
    await start();
    const rows = await t.db.kysely.selectFrom('schedule_windows' as any).selectAll().execute();
    expect(rows).toHaveLength(testSchedule.length);
  });

  it('is described in /openapi.json as open to any signed-in user, with the academic year’s range', async () => {
    await start();
    const doc = (await (await t.app.request('/openapi.json')).json()) as any;
    const operation = doc.paths['/trpc/working-group.schedule.list'].get;
    expect(operation['x-licheng-procedure']).toMatchObject({ type: 'query', roles: 'any' });
    expect(operation.parameters[0].content['application/json'].schema.properties.academicYear).toMatchObject({ type: 'integer', minimum: 100, maximum: 999 });
    expect(doc.paths['/api/working-group/schedule.xlsx'].get.security).toEqual([{ hostToken: [] }]);
  });
});
