import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { seedSchedule, scheduleOf } from '@licheng/server';
import { createTestLicheng, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import plugin from './index.ts';
import { staff, taipei, testSchedule } from './test-schedule.ts';

const upload115 = { activity: 'outcome-upload', academicYear: 115, semester: 1, start: '2026-09-01', end: '2026-10-15' };

describe.each(testDialects())('working-group schedule editing on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const start = (schedule: unknown[] = testSchedule) => createTestLicheng({ dialect, plugins: [plugin], config: { schedule }, now: taipei('2026-08-10') }).then((app) => (t = app));
  const save = (input: unknown, user: TestUser = staff) => t.mutate('working-group.schedule.save', input, user);
  const windows = (academicYear = 115, user: TestUser = staff) => t.query('working-group.schedule.windows', { academicYear }, user);
  const audit = () => t.db.kysely.selectFrom('audit_log' as any).selectAll().where('entity' as any, '=', 'schedule-window').orderBy('at' as any).orderBy('id' as any).execute() as Promise<any[]>;

  it('seeds the table once from the config, the rows naming the config as their author, and never again', async () => {
    await start();
    const stored = await windows(114);
    expect(stored.data.windows).toHaveLength(6);
    expect(stored.data.windows.every((w: any) => w.version === 1 && w.updatedBy === 'school-config')).toBe(true);
    const seeded = await t.db.kysely.selectFrom('schedule_schools' as any).selectAll().execute();
    expect(seeded).toEqual([expect.objectContaining({ school_code: t.config.code, seeded_at: t.clock.now.toISOString() })]);
    expect(await audit()).toEqual([]);
    // Another process starting with a different config finds the school seeded and leaves it.
    expect(await seedSchedule(t.db.kysely as any, { code: t.config.code, schedule: [] })).toBe(false);
    const ctx = { db: t.db.kysely as any, config: t.config, now: () => t.clock.now };
    expect(await scheduleOf(ctx)).toHaveLength(testSchedule.length);
  });

  it('seeds a config’s relative window with its anchor pointing at the seeded row', async () => {
    await start([
      { id: 'national', ...upload115, qualifier: '全國', end: '2026-10-31' },
      { ...upload115, end: '2026-10-17', endFrom: { anchor: 'national', edge: 'end', offsetDays: -14 } },
    ]);
    const stored = (await windows()).data.windows;
    const national = stored.find((w: any) => w.qualifier === '全國');
    const school = stored.find((w: any) => !w.qualifier);
    expect(school.endFrom).toEqual({ anchor: national.id, edge: 'end', offsetDays: -14 });
    expect(school.end).toBe('2026-10-17');
    expect((await save({ id: national.id, version: 1, window: { ...upload115, qualifier: '全國', end: '2026-11-14' } })).error).toBeNull();
    expect((await windows()).data.windows.find((w: any) => w.id === school.id).end).toBe('2026-10-31');
  });

  it('adds, changes at the version read, and refuses a stale version; every change audited', async () => {
    await start([]);
    const created = await save({ window: { ...upload115, classes: ['101', '102'], selfCheck: '2026-10-20' } });
    expect(created.error).toBeNull();
    expect(created.data).toMatchObject({ ...upload115, classes: ['101', '102'], selfCheck: '2026-10-20', version: 1, updatedBy: 'wg-1', updatedByName: '教務主任' });
    const id = created.data.id;
    const changed = await save({ id, version: 1, window: { ...upload115, end: '2026-10-22' } });
    expect(changed.error).toBeNull();
    expect(changed.data).toMatchObject({ end: '2026-10-22', version: 2 });
    expect(changed.data.classes).toBeUndefined();
    const stale = await save({ id, version: 1, window: { ...upload115, end: '2026-10-30' } });
    expect(stale.status).toBe(409);
    expect(stale.error?.licheng).toEqual({ code: 'schedule-version-conflict', params: { latest: 2 } });
    expect(stale.error?.message).toContain('第 2 版');
    const entries = await audit();
    expect(entries.map((a) => a.action)).toEqual(['schedule.window.create', 'schedule.window.update']);
    expect(JSON.parse(entries[1].before)).toEqual({ end: '2026-10-15', classes: ['101', '102'], selfCheck: '2026-10-20' });
    expect(JSON.parse(entries[1].after)).toEqual({ end: '2026-10-22', classes: null, selfCheck: null });
    const list = await t.query('working-group.schedule.list', { academicYear: 115 }, users.chen);
    expect(list.data.windows).toEqual([expect.objectContaining({ activity: 'outcome-upload', end: '2026-10-22' })]);
  });

  it('keeps a window’s own reminder lead times (提醒), audited, and refuses ones out of range, writing nothing', async () => {
    await start([]);
    const created = await save({ window: { ...upload115, reminderLeadDays: [3, 14, 0] } });
    expect(created.error).toBeNull();
    expect(created.data.reminderLeadDays).toEqual([14, 3, 0]);
    const changed = await save({ id: created.data.id, version: 1, window: upload115 });
    expect(changed.data.reminderLeadDays).toBeUndefined();
    const entries = await audit();
    expect(JSON.parse(entries[0].after)).toMatchObject({ reminderLeadDays: [14, 3, 0] });
    expect(JSON.parse(entries[1].before)).toEqual({ reminderLeadDays: [14, 3, 0] });
    for (const bad of [[-1], [7, 7], [61], [1, 2, 3, 4, 5, 6], [null], [1.5]]) {
      const refused = await save({ window: { ...upload115, grades: [2], reminderLeadDays: bad } });
      expect(refused.status).toBe(400);
      expect(refused.error?.licheng?.code).toBe('schedule-reminder-leads-invalid');
      expect(refused.error?.message).toContain('提醒天數須為 0 到 60 的整數天、彼此不同，至多 5 個');
    }
    expect((await windows()).data.windows).toHaveLength(1);
  });

  it('refuses a second window for the same work and audience, a short receipt window and missing dates, writing nothing', async () => {
    await start([]);
    expect((await save({ window: upload115 })).error).toBeNull();
    const twice = await save({ window: { ...upload115, end: '2026-11-01' } });
    expect(twice.error?.licheng?.code).toBe('schedule-window-collides');
    expect((await save({ window: { ...upload115, grades: [3] } })).error).toBeNull();
    const receipt = await save({ window: { activity: 'receipt-confirmation', academicYear: 115, semester: 1, start: '2026-12-01', end: '2026-12-02' } });
    expect(receipt.error?.licheng).toEqual({ code: 'receipt-window-too-short', params: { min: 3, days: 2 } });
    const noEnd = await save({ window: { activity: 'pre-check', academicYear: 115, semester: 1, start: '2026-09-01' } });
    expect(noEnd.status).toBe(400);
    expect(noEnd.error?.message).toContain('請填寫結束日');
    expect((await windows()).data.windows).toHaveLength(2);
  });

  it('keeps one of two identical windows saved at the same moment, and one of two changes at the same version', async () => {
    await start([]);
    const both = await Promise.all([save({ window: upload115 }), save({ window: upload115 })]);
    expect(both.filter((r) => r.error === null)).toHaveLength(1);
    expect(both.map((r) => r.error?.licheng?.code).filter(Boolean)).toEqual([expect.stringMatching(/^(schedule-window-collides|try-again)$/)]);
    const id = both.find((r) => r.error === null)!.data.id;
    const changes = await Promise.all([save({ id, version: 1, window: { ...upload115, end: '2026-10-20' } }), save({ id, version: 1, window: { ...upload115, end: '2026-10-25' } })]);
    expect(changes.filter((r) => r.error === null)).toHaveLength(1);
    expect((await windows()).data.windows).toEqual([expect.objectContaining({ id, version: 2 })]);
  });

  it('follows a relative window’s anchor (two weeks before the national deadline), refuses a circle, and keeps an anchor in use', async () => {
    await start([]);
    const national = (await save({ window: { ...upload115, qualifier: '全國', end: '2026-11-15' } })).data;
    const school = await save({ window: { ...upload115, start: '2026-09-01', endFrom: { anchor: national.id, edge: 'end', offsetDays: -14 } } });
    expect(school.error).toBeNull();
    expect(school.data.end).toBe('2026-11-01');
    // The national deadline moves: the school's follows without being saved again.
    expect((await save({ id: national.id, version: 1, window: { ...upload115, qualifier: '全國', end: '2026-11-30' } })).error).toBeNull();
    const schoolNow = (await windows()).data.windows.find((w: any) => w.id === school.data.id);
    expect(schoolNow.end).toBe('2026-11-16');
    const circle = await save({ id: national.id, version: 2, window: { ...upload115, qualifier: '全國', endFrom: { anchor: school.data.id, edge: 'end', offsetDays: 14 } } });
    expect(circle.error?.licheng?.code).toBe('schedule-cycle');
    const remove = await t.mutate('working-group.schedule.remove', { id: national.id, version: 2 }, staff);
    expect(remove.error?.licheng).toEqual({ code: 'schedule-anchor-in-use', params: { count: 1 } });
  });

  it('removes a window softly and restores it as it was, at the version read', async () => {
    await start([]);
    const w = (await save({ window: upload115 })).data;
    const removed = await t.mutate('working-group.schedule.remove', { id: w.id, version: 1 }, staff);
    expect(removed.error).toBeNull();
    expect(removed.data.removedAt).not.toBeNull();
    const listed = (await windows()).data;
    expect(listed.windows).toEqual([]);
    expect(listed.removed).toEqual([expect.objectContaining({ id: w.id, version: 2 })]);
    expect((await t.query('working-group.schedule.list', { academicYear: 115 }, users.chen)).data.windows).toEqual([]);
    expect((await save({ id: w.id, version: 2, window: upload115 })).error?.licheng?.code).toBe('schedule-window-removed');
    expect((await t.mutate('working-group.schedule.restore', { id: w.id, version: 1 }, staff)).error?.licheng?.code).toBe('schedule-version-conflict');
    const restored = await t.mutate('working-group.schedule.restore', { id: w.id, version: 2 }, staff);
    expect(restored.error).toBeNull();
    expect(restored.data).toMatchObject({ ...upload115, version: 3, removedAt: null });
    expect((await t.mutate('working-group.schedule.restore', { id: w.id, version: 3 }, staff)).error?.licheng?.code).toBe('schedule-window-not-removed');
    expect((await audit()).map((a) => a.action)).toEqual(['schedule.window.create', 'schedule.window.remove', 'schedule.window.restore']);
  });

  it('lets only the working group and the admin change or plan the schedule', async () => {
    await start([]);
    for (const user of [users.chen, users.wang, users.registry, { userId: 'h-1', roles: ['homeroom-teacher'] } as TestUser]) {
      expect((await save({ window: upload115 }, user)).status, user.userId).toBe(403);
      expect((await windows(115, user)).status).toBe(403);
      expect((await t.query('working-group.schedule.load', { window: upload115 }, user)).status).toBe(403);
    }
    expect((await save({ window: upload115 }, { userId: 'a-1', name: '管理者', roles: ['admin'] })).error).toBeNull();
    expect(await audit()).toHaveLength(1);
  });
});
