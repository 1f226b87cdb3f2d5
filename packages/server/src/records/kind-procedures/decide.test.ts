import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { definePlugin } from '../../plugin.ts';
import { router } from '../../trpc.ts';
import { createTestLicheng, seedRoster, users, type TestLicheng, type TestUser } from '../../testing/index.ts';
import { recordKindProcedures } from './index.ts';

/** An office keeping kinds students enter and sections certify (fitness: 體育組; out-of-school service: 訓育組). */
const office = definePlugin({
  id: 'office',
  office: { 'zh-TW': '處室', en: 'Office' },
  roles: ['pe-staff'],
  router: router({ records: recordKindProcedures({ kinds: ['fitness', 'service-hours-out', 'attendance'] }) }),
});

const pe: TestUser = { userId: 'sa-pe', name: '體育組長', roles: ['pe-staff'] };
const pe2: TestUser = { userId: 'sa-pe2', name: '體育組幹事', roles: ['pe-staff'] };
const activities: TestUser = { userId: 'sa-act', name: '訓育組長', roles: ['activities-staff'] };
const fitness = { date: '2025-09-15', height: 170, weight: 60, sitAndReach: 30, standingJump: 200, sitUps: 40, run: 600 };
const service = { name: '淨灘', unit: '海洋保育署', startDate: '2025-09-20', endDate: null, hours: 3 };

/** `<office>.records.decide` / `.reopen`: the generic certification of what students enter. */
describe.each(testDialects())('record kind certification on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function start() {
    t = await createTestLicheng({ dialect, plugins: [office] });
    await seedRoster(t);
  }
  const enter = (user: TestUser, kind: string, data: Record<string, unknown>, studentNo = 'S001') =>
    t.mutate('office.records.enter', { kind, studentNo, academicYear: 114, semester: 1, summary: '', data }, user);
  const decide = (user: TestUser, id: string, version: number, decision: 'pass' | 'fail', reason?: string) =>
    t.mutate('office.records.decide', { id, version, decision, ...(reason === undefined ? {} : { reason }) }, user);

  it('passes a student-entered record once; fails another with a reason the student then reads', async () => {
    await start();
    const mine = await enter(users.chen, 'fitness', fitness);
    expect(mine.data).toMatchObject({ status: 'pending', version: 1 });
    const id = mine.data.id as string;
    const pending = await t.query('office.records.list', { kind: 'fitness', status: 'pending' }, pe);
    expect(pending.data.rows.map((r: { id: string }) => r.id)).toEqual([id]);

    expect((await decide(pe, id, 1, 'pass')).data).toMatchObject({ status: 'passed', version: 2 });
    expect((await decide(pe2, id, 1, 'fail', '數據不合理')).error?.licheng?.code).toBe('record-changed');
    expect((await decide(pe2, id, 2, 'fail', '數據不合理')).error?.licheng?.code).toBe('already-decided');

    const other = await enter(users.chen, 'service-hours-out', service);
    const otherId = other.data.id as string;
    expect((await decide(activities, otherId, 1, 'fail')).error?.licheng?.code).toBe('reason-required');
    expect((await decide(activities, otherId, 1, 'fail', '缺服務證明')).data).toMatchObject({ status: 'failed' });
    const seen = await t.query('office.records.list', { kind: 'service-hours-out' }, users.chen);
    expect(seen.data.rows[0]).toMatchObject({ status: 'failed', statusReason: '缺服務證明', decidedByName: '訓育組長' });
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', 'in', [id, otherId]).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['fitness.certify.pass', 'service-hours-out.certify.fail']));
  });

  it('another section, the student and a peer cannot decide: the record reads as not found', async () => {
    await start();
    const id = (await enter(users.chen, 'fitness', fitness)).data.id as string;
    for (const user of [activities, users.chen, users.lin, users.registry]) {
      expect((await decide(user, id, 1, 'pass')).error?.licheng?.code, user.userId).toBe('not-found');
    }
    const record = await t.db.kysely.selectFrom('records').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(record).toEqual({ status: 'pending', version: 1 });
  });

  it('reopens only the certifier’s own decision, back to pending with the reason', async () => {
    await start();
    const id = (await enter(users.chen, 'fitness', fitness)).data.id as string;
    await decide(pe, id, 1, 'pass');
    // The list offers 撤回決定 to the one who decided, and to no one else.
    const reopenable = async (user: typeof pe) => ((await t.query('office.records.list', { kind: 'fitness' }, user)).data.rows as Array<{ id: string; reopenable: boolean }>).find((r) => r.id === id)?.reopenable;
    expect(await reopenable(pe)).toBe(true);
    expect(await reopenable(pe2)).toBe(false);
    expect((await t.mutate('office.records.reopen', { id, reason: '誤按' }, pe2)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('office.records.reopen', { id, reason: '誤按' }, activities)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('office.records.reopen', { id, reason: ' ' }, pe)).error).not.toBeNull();
    const reopened = await t.mutate('office.records.reopen', { id, reason: '誤按' }, pe);
    expect(reopened.data).toMatchObject({ status: 'pending', version: 3 });
    expect(await reopenable(pe)).toBe(false);
    expect((await decide(pe2, id, 3, 'pass')).data).toMatchObject({ status: 'passed' });
  });
});
