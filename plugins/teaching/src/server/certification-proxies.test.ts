import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import { enterRecord, stageFiles } from '@licheng/server';
import teaching from './index.ts';

/** 代理人: the acting proxy of an absent or departed teacher certifies that teacher's items, and the record says for whom. */
describe.each(testDialects())('certification by proxy on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const chenT = { userId: 't-chen', name: '陳老師', roles: ['subject-teacher'] } as const;

  /** 王老師 (國語文) has the certification proxies 陳老師 then 李老師; the clock is 2025-10-01 noon in Taipei. */
  async function setup() {
    t = await createTestLicheng({ dialect, plugins: [teaching], config: { schedule: openSchedule } });
    const { courseIds } = await seedRoster(t);
    const chen = (await t.db.kysely.selectFrom('students').selectAll().where('student_no', '=', 'S001').executeTakeFirstOrThrow()) as any;
    const studentCtx = await t.app.actAs({ userId: chen.host_user_id, name: chen.name, school: t.config.code, roles: ['student'] });
    const ids: string[] = [];
    for (const [i, subject] of ['國語文', '國語文', '物理'].entries()) {
      const files = await stageFiles(studentCtx, { document: fakeFile('pdf', 700 + i) });
      ids.push((await enterRecord(studentCtx, { kind: 'outcome', student: chen, courseId: courseIds[subject]!, academicYear: 114, semester: 1, summary: `成果${i}`, files })).id);
    }
    const at = new Date().toISOString();
    const base = { school_code: t.config.code, scope: 'certification', principal_user_id: 't-wang', principal_name: '王老師', roles_json: '[]', created_by: 'wg', created_at: at, removed_at: null };
    await t.db.kysely
      .insertInto('proxies')
      .values([
        { ...base, id: 'p1', proxy_user_id: 't-chen', proxy_name: '陳老師', position: 1 },
        { ...base, id: 'p2', proxy_user_id: 't-li', proxy_name: '李老師', position: 2 },
      ] as any)
      .execute();
    return { ids };
  }
  const absent = (userId: string, fromDate: string, toDate: string, id = `a-${userId}`) =>
    t.db.kysely.insertInto('staff_absences').values({ id, school_code: t.config.code, user_id: userId, from_date: fromDate, to_date: toDate, reason: '公假', created_by: 'wg', created_at: new Date().toISOString(), removed_at: null } as any).execute();
  const depart = (userId: string, departedOn: string, certificationUntil: string | null) =>
    t.db.kysely.insertInto('staff_departures').values({ id: `d-${userId}`, school_code: t.config.code, user_id: userId, departed_on: departedOn, certification_until: certificationUntil, note: '', created_by: 'wg', created_at: new Date().toISOString() } as any).execute();
  const decide = (recordId: string, user: any, decision: 'pass' | 'fail' = 'pass') =>
    t.mutate('teaching.certifications.decide', { recordId, decision, ...(decision === 'fail' ? { reason: '非本課程之作品' } : {}) }, user);
  const queue = async (user: any) => (await t.query('teaching.certifications.queue', { status: 'all' }, user)).data;
  const record = (id: string) => t.db.kysely.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('nobody acts for a teacher who is present', async () => {
    const { ids } = await setup();
    await absent('t-wang', '2025-10-02', '2025-10-03');
    expect((await queue(chenT)).items).toEqual([]);
    expect((await decide(ids[0]!, chenT)).status).toBe(404);
  });

  it('the first proxy certifies while the teacher is absent, for the teacher, and the audit says so', async () => {
    const { ids } = await setup();
    await absent('t-wang', '2025-09-29', '2025-10-03');
    const q = await queue(chenT);
    expect(q.items.map((i: any) => i.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(q.items[0].actingFor).toEqual({ userId: 't-wang', name: '王老師' });
    // 李老師 is second on the list: only their own course, and 王老師's items read as not found.
    expect((await queue(users.li)).items.map((i: any) => i.id)).toEqual([ids[2]]);
    expect((await decide(ids[0]!, users.li)).status).toBe(404);

    const res = await decide(ids[0]!, chenT);
    expect(res.error).toBeNull();
    expect(await record(ids[0]!)).toMatchObject({ status: 'passed', decided_by: 't-chen', decided_by_name: '陳老師', decided_role: 'subject-teacher', decided_for: 't-wang', decided_for_name: '王老師' });
    const [entry] = await t.db.kysely.selectFrom('audit_log').selectAll().where('entity_id', '=', ids[0]!).where('action', '=', 'outcome.certify.pass').execute();
    expect(entry).toMatchObject({ actor_id: 't-chen', actor_role: 'subject-teacher', acted_for: 't-wang', acted_for_name: '王老師' });
    expect(JSON.parse(entry!.after!)).toMatchObject({ decided_for: 't-wang', decided_for_name: '王老師' });
    const item = (await queue(users.wang)).items.find((i: any) => i.id === ids[0]);
    // The teacher sees who decided for them, and may take it back.
    expect(item).toMatchObject({ decidedByName: '陳老師', decidedForName: '王老師', decidedByMe: true, actingFor: null });
    // The teacher's own decision records no one.
    expect((await decide(ids[1]!, users.wang)).error).toBeNull();
    expect(await record(ids[1]!)).toMatchObject({ decided_by: 't-wang', decided_for: null });
  });

  it('when the first proxy is also away, the next acts; the first cannot', async () => {
    const { ids } = await setup();
    await absent('t-wang', '2025-09-29', '2025-10-03');
    await absent('t-chen', '2025-10-01', '2025-10-01');
    expect((await decide(ids[0]!, chenT)).status).toBe(404);
    expect((await queue(users.li)).items.find((i: any) => i.id === ids[0])).toMatchObject({ actingFor: { userId: 't-wang', name: '王老師' } });
    expect((await decide(ids[0]!, users.li)).error).toBeNull();
    expect(await record(ids[0]!)).toMatchObject({ decided_by: 't-li', decided_for: 't-wang' });
    // The next day 陳老師 is back: they act, 李老師 no longer does.
    t.clock.now = new Date('2025-10-02T04:00:00Z');
    expect((await decide(ids[1]!, users.li)).status).toBe(404);
    expect((await decide(ids[1]!, chenT)).error).toBeNull();
  });

  it('a removed proxy or an ended absence no longer lets the proxy act', async () => {
    const { ids } = await setup();
    await absent('t-wang', '2025-09-29', '2025-10-03');
    await t.db.kysely.updateTable('proxies').set({ removed_at: new Date().toISOString() }).where('id', '=', 'p1').execute();
    expect((await decide(ids[0]!, chenT)).status).toBe(404);
    expect((await decide(ids[0]!, users.li)).error).toBeNull();
    await t.db.kysely.updateTable('staff_absences').set({ removed_at: new Date().toISOString() }).execute();
    expect((await decide(ids[1]!, users.li)).status).toBe(404);
  });

  it('a proxy and the returning teacher deciding at once: exactly one wins', async () => {
    const { ids } = await setup();
    await absent('t-wang', '2025-09-29', '2025-10-03');
    for (const id of [ids[0]!, ids[1]!]) {
      const [a, b] = await Promise.all([decide(id, chenT, 'pass'), decide(id, users.wang, 'fail')]);
      expect([a.error, b.error].filter((e) => e === null)).toHaveLength(1);
      expect([a, b].find((r) => r.error)?.error?.licheng?.code).toBe('already-decided');
      const audits = await t.db.kysely.selectFrom('audit_log').selectAll().where('entity_id', '=', id).where('action', 'like', 'outcome.certify%').execute();
      expect(audits).toHaveLength(1);
    }
  });

  it('reopen follows the same rule: the acting proxy or the teacher takes a proxy decision back', async () => {
    const { ids } = await setup();
    await absent('t-wang', '2025-09-29', '2025-10-01');
    await decide(ids[0]!, chenT);
    await decide(ids[1]!, chenT);
    const reopen = (id: string, user: any) => t.mutate('teaching.certifications.reopen', { recordId: id, reason: '誤按通過' }, user);
    expect((await reopen(ids[0]!, users.li)).status).toBe(404);
    expect((await reopen(ids[0]!, chenT)).error).toBeNull();
    expect(await record(ids[0]!)).toMatchObject({ status: 'pending', decided_by: null, decided_for: null, decided_for_name: null });
    const [entry] = await t.db.kysely.selectFrom('audit_log').selectAll().where('entity_id', '=', ids[0]!).where('action', '=', 'outcome.certify.reopen').execute();
    expect(entry).toMatchObject({ actor_id: 't-chen', acted_for: 't-wang' });
    // The teacher is back: the proxy may no longer take back, the teacher may.
    t.clock.now = new Date('2025-10-02T04:00:00Z');
    expect((await reopen(ids[1]!, chenT)).status).toBe(404);
    expect((await reopen(ids[1]!, users.wang)).error).toBeNull();
  });

  it('a departed teacher certifies until the kept date, is refused everything else, then everything', async () => {
    const { ids } = await setup();
    await depart('t-wang', '2025-09-30', '2025-10-05');
    // Certification-only access: no proxy acts for certification meanwhile.
    expect((await decide(ids[0]!, chenT)).status).toBe(404);
    expect((await queue(users.wang)).items).toHaveLength(2);
    expect((await t.query('platform.me', undefined, users.wang)).error).toBeNull();
    expect((await decide(ids[0]!, users.wang)).error).toBeNull();
    t.clock.now = new Date('2025-10-06T04:00:00Z');
    const refused = await t.query('teaching.certifications.queue', { status: 'all' }, users.wang);
    expect(refused.status).toBe(403);
    expect(refused.error?.licheng?.code).toBe('account-departed');
    expect((await t.query('platform.me', undefined, users.wang)).error?.licheng?.code).toBe('account-departed');
    // Now the proxy acts for certification.
    expect((await decide(ids[1]!, chenT)).error).toBeNull();
    expect(await record(ids[1]!)).toMatchObject({ decided_for: 't-wang' });
  });
});
