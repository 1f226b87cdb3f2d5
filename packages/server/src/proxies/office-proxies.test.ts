import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { definePlugin } from '../plugin.ts';
import { authedProcedure, router } from '../trpc.ts';
import { writeAudit } from '../audit.ts';
import { createTestLicheng, type TestLicheng, type TestUser } from '../testing/index.ts';

/** An office procedure that writes an audit entry as the caller. */
const office = definePlugin({
  id: 'office',
  office: { 'zh-TW': '註冊組', en: 'Registry' },
  roles: ['registry-staff'],
  router: router({
    note: authedProcedure(['registry-staff']).mutation(async ({ ctx }) => {
      await writeAudit(ctx.db, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, action: 'office.note', entity: 'note', entityId: 'n1', after: { ok: true }, at: ctx.now() });
      return { roles: ctx.identity.roles, role: ctx.actingRole };
    }),
    anything: authedProcedure().query(({ ctx }) => ctx.identity.userId),
  }),
});

/** 代理人 for an office: the acting proxy takes on the list's roles only while acting; departed accounts are refused. */
describe.each(testDialects())('office proxies and departed accounts on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const chief: TestUser = { userId: 'r-chief', name: '註冊組長', roles: ['registry-staff'] }
  const wu: TestUser = { userId: 't-wu', name: '吳老師', roles: ['subject-teacher'] }
  const hsu: TestUser = { userId: 't-hsu', name: '許老師', roles: ['subject-teacher'] }

  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [office] });
    const base = { school_code: t.config.code, scope: 'registry', principal_user_id: chief.userId, principal_name: chief.name, roles_json: '["registry-staff"]', created_by: 'wg', created_at: new Date().toISOString(), removed_at: null };
    await t.db.kysely
      .insertInto('proxies')
      .values([
        { ...base, id: 'p1', proxy_user_id: wu.userId, proxy_name: wu.name, position: 1 },
        { ...base, id: 'p2', proxy_user_id: hsu.userId, proxy_name: hsu.name, position: 2 },
      ] as any)
      .execute();
  }
  const absent = (userId: string, fromDate: string, toDate: string) =>
    t.db.kysely.insertInto('staff_absences').values({ id: `a-${userId}`, school_code: t.config.code, user_id: userId, from_date: fromDate, to_date: toDate, reason: '病假', created_by: 'wg', created_at: new Date().toISOString(), removed_at: null } as any).execute();
  const depart = (userId: string, departedOn: string, certificationUntil: string | null) =>
    t.db.kysely.insertInto('staff_departures').values({ id: `d-${userId}`, school_code: t.config.code, user_id: userId, departed_on: departedOn, certification_until: certificationUntil, note: '', created_by: 'wg', created_at: new Date().toISOString() } as any).execute();

  it('grants the office roles to the first available proxy only while the officer is away, and the audit names the officer', async () => {
    await setup();
    expect((await t.mutate('office.note', null, wu)).status).toBe(403);
    await absent(chief.userId, '2025-10-01', '2025-10-02');
    const res = await t.mutate('office.note', null, wu);
    expect(res.error).toBeNull();
    expect(res.data).toEqual({ roles: ['subject-teacher', 'registry-staff'], role: 'registry-staff' });
    expect((await t.mutate('office.note', null, hsu)).status).toBe(403);
    const [entry] = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'office.note').execute();
    expect(entry).toMatchObject({ actor_id: 't-wu', actor_role: 'registry-staff', acted_for: 'r-chief', acted_for_name: '註冊組長' });
    // The officer's own entries name no one.
    expect((await t.mutate('office.note', null, chief)).error).toBeNull();
    const own = await t.db.kysely.selectFrom('audit_log').selectAll().where('actor_id', '=', 'r-chief').execute();
    expect(own[0]).toMatchObject({ acted_for: null, acted_for_name: null });
    // The officer is back: the roles are gone.
    t.clock.now = new Date('2025-10-03T04:00:00Z');
    expect((await t.mutate('office.note', null, wu)).status).toBe(403);
  });

  it('a departed officer: the next proxy acts; the officer is refused every call', async () => {
    await setup();
    await depart(chief.userId, '2025-09-15', null);
    await absent(wu.userId, '2025-10-01', '2025-10-01');
    expect((await t.mutate('office.note', null, wu)).status).toBe(403);
    expect((await t.mutate('office.note', null, hsu)).error).toBeNull();
    const refused = await t.query('office.anything', undefined, chief);
    expect(refused.status).toBe(403);
    expect(refused.error?.licheng?.code).toBe('account-departed');
    expect(refused.error?.message).toBe('您已離職，帳號已停用；如有疑問請洽工作小組');
  });

  it('a departed teacher kept for certification is refused other procedures, with the date', async () => {
    await setup();
    await depart(wu.userId, '2025-09-30', '2025-10-05');
    const refused = await t.query('office.anything', undefined, wu);
    expect(refused.status).toBe(403);
    expect(refused.error?.licheng?.code).toBe('account-certification-only');
    expect(refused.error?.message).toContain('114/10/05');
    expect((await t.query('platform.me', undefined, wu)).error).toBeNull();
    // Before the leaving day, nothing changes.
    t.clock.now = new Date('2025-09-29T04:00:00Z');
    expect((await t.query('office.anything', undefined, wu)).error).toBeNull();
  });
});
