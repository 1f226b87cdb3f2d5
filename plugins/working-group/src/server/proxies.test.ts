import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import plugin from './index.ts';
import { staff, taipei } from './test-schedule.ts';

/** working-group.proxies / absences / departures: the lists the working group keeps, audited. */
describe.each(testDialects())('working-group proxies on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start() {
    t = await createTestLicheng({ dialect, plugins: [plugin], now: taipei('2025-10-01') });
    await seedRoster(t);
  }
  const save = (proxies: { userId: string; name?: string }[], scope = 'certification', principal: { userId: string; name?: string } = { userId: 't-wang' }, user = staff) =>
    t.mutate('working-group.proxies.save', { principal, scope, proxies }, user);
  const list = async () => (await t.query('working-group.proxies.list', {}, staff)).data;
  const activeRows = () => t.db.kysely.selectFrom('proxies').selectAll().where('removed_at', 'is', null).orderBy('position').execute();

  it('saves an ordered list, reorders, removes softly, and audits each save', async () => {
    await start();
    const first = await save([{ userId: 't-li' }, { userId: 't-chen', name: '陳老師' }]);
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ principal: { userId: 't-wang', name: '王老師' }, proxies: [{ userId: 't-li', name: '李老師' }, { userId: 't-chen', name: '陳老師' }], roles: [] });
    expect((await activeRows()).map((r) => [r.proxy_user_id, r.position])).toEqual([['t-li', 1], ['t-chen', 2]]);
    await save([{ userId: 't-chen', name: '陳老師' }, { userId: 't-li' }]);
    expect((await activeRows()).map((r) => [r.proxy_user_id, r.position])).toEqual([['t-chen', 1], ['t-li', 2]]);
    await save([{ userId: 't-chen', name: '陳老師' }]);
    expect((await activeRows()).map((r) => r.proxy_user_id)).toEqual(['t-chen']);
    expect(await t.db.kysely.selectFrom('proxies').select('id').execute()).toHaveLength(2);
    const audits = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'proxies.save').orderBy('at').orderBy('id').execute();
    expect(audits).toHaveLength(3);
    expect(audits.map((a) => JSON.parse(a.after!).proxies)).toContainEqual(['陳老師']);
    const l = await list();
    expect(l.lists).toEqual([{ principal: { userId: 't-wang', name: '王老師' }, scope: 'certification', proxies: [expect.objectContaining({ userId: 't-chen', name: '陳老師', position: 1 })], actingToday: null }]);
    expect(l.teachers).toEqual([{ userId: 't-wang', name: '王老師' }, { userId: 't-li', name: '李老師' }]);
  });

  it('an office list grants its roles; bad lists are refused with nothing written', async () => {
    await start();
    const office = await save([{ userId: 't-li' }], 'registry', { userId: 'r-chief', name: '註冊組長' });
    expect(office.data.roles).toEqual(['registry-staff']);
    for (const [proxies, scope, code] of [
      [[{ userId: 't-wang' }], 'certification', 'proxy-self'],
      [[{ userId: 't-li' }, { userId: 't-li' }], 'certification', 'proxy-duplicate'],
      [[{ userId: 't-nobody' }], 'certification', 'staff-unknown'],
      [[{ userId: 't-li' }], 'kitchen', 'proxy-scope-unknown'],
    ] as const) {
      const res = await save([...proxies], scope);
      expect(res.status, code).toBe(400);
      expect(res.error?.licheng?.code).toBe(code);
    }
    expect(await activeRows()).toHaveLength(1);
    expect((await save([{ userId: 't-li' }], 'certification', { userId: 't-wang' }, users.wang)).status).toBe(403);
  });

  it('records and ends absences; the list says who acts today', async () => {
    await start();
    await save([{ userId: 't-li' }]);
    const bad = await t.mutate('working-group.absences.record', { member: { userId: 't-wang' }, fromDate: '2025-10-03', toDate: '2025-10-01', reason: '病假' }, staff);
    expect(bad.error?.licheng?.code).toBe('absence-dates');
    const rec = await t.mutate('working-group.absences.record', { member: { userId: 't-wang' }, fromDate: '2025-09-29', toDate: '2025-10-03', reason: '公假' }, staff);
    expect(rec.data).toMatchObject({ name: '王老師', fromDate: '2025-09-29', toDate: '2025-10-03' });
    let l = await list();
    expect(l.lists[0].actingToday).toEqual({ userId: 't-li', name: '李老師' });
    expect(l.absences).toEqual([expect.objectContaining({ id: rec.data.id, name: '王老師', current: true })]);
    const ended = await t.mutate('working-group.absences.end', { id: rec.data.id }, staff);
    expect(ended.data).toEqual({ id: rec.data.id, toDate: '2025-09-30', removed: false });
    l = await list();
    expect(l.lists[0].actingToday).toBeNull();
    expect(l.absences).toEqual([]);
    // One not begun yet is withdrawn.
    const later = await t.mutate('working-group.absences.record', { member: { userId: 't-wang' }, fromDate: '2025-11-01', toDate: '2025-11-02', reason: '事假' }, staff);
    expect((await t.mutate('working-group.absences.end', { id: later.data.id }, staff)).data).toMatchObject({ removed: true });
    expect((await t.mutate('working-group.absences.end', { id: later.data.id }, staff)).status).toBe(404);
    expect(await t.db.kysely.selectFrom('audit_log').select('action').where('entity', '=', 'staff-absence').execute()).toHaveLength(4);
  });

  it('records a departure with certification-only access, corrects it, and withdraws it', async () => {
    await start();
    const bad = await t.mutate('working-group.departures.record', { member: { userId: 't-wang' }, departedOn: '2025-10-01', certificationUntil: '2025-09-30' }, staff);
    expect(bad.error?.licheng?.code).toBe('departure-dates');
    const rec = await t.mutate('working-group.departures.record', { member: { userId: 't-wang' }, departedOn: '2025-10-01', certificationUntil: '2025-10-31', note: '調校' }, staff);
    expect(rec.data).toMatchObject({ name: '王老師', certificationUntil: '2025-10-31' });
    const again = await t.mutate('working-group.departures.record', { member: { userId: 't-wang' }, departedOn: '2025-10-01', certificationUntil: null }, staff);
    expect(again.data.id).toBe(rec.data.id);
    expect((await list()).departures).toEqual([expect.objectContaining({ name: '王老師', departedOn: '2025-10-01', certificationUntil: null })]);
    // 王老師 is refused now.
    expect((await t.query('platform.me', undefined, users.wang)).error?.licheng?.code).toBe('account-departed');
    expect((await t.mutate('working-group.departures.withdraw', { id: rec.data.id }, staff)).error).toBeNull();
    expect((await t.query('platform.me', undefined, users.wang)).error).toBeNull();
    const audits = await t.db.kysely.selectFrom('audit_log').selectAll().where('entity', '=', 'staff-departure').execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['departures.record', 'departures.record', 'departures.withdraw']);
  });
});
