import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import student from '../index.ts';

describe.each(testDialects())('consent to release the portfolio on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function setUp() {
    t = await createTestLicheng({ dialect, plugins: [student], now: new Date('2025-10-01T04:00:00Z') });
    await seedRoster(t);
  }
  const audit = () => (t.db.kysely as any).selectFrom('audit_log').select(['action', 'actor_id', 'before', 'after']).where('entity', '=', 'consent').orderBy('at').orderBy('id').execute();

  it('is given with a scope, replaced by a new one, withdrawn, audited, and shown to the registry', async () => {
    await setUp();
    const none = await t.query('student.consent.get', {}, users.chen);
    expect(none.data).toMatchObject({ current: null, history: [], parts: ['course-records', 'outcomes', 'performances'], years: [114] });

    const given = await t.mutate('student.consent.give', { parts: ['performances', 'outcomes'], academicYears: [114] }, users.chen);
    expect(given.error).toBeNull();
    expect(given.data).toMatchObject({ parts: ['outcomes', 'performances'], academicYears: [114], givenAt: '2025-10-01T04:00:00.000Z', withdrawnAt: null });

    t.clock.now = new Date('2025-10-02T04:00:00Z');
    await t.mutate('student.consent.give', { parts: ['course-records'], academicYears: [114] }, users.chen);
    const after = await t.query('student.consent.get', {}, users.chen);
    expect(after.data.current).toMatchObject({ parts: ['course-records'] });
    expect(after.data.history.map((c: any) => c.endedBy)).toEqual([null, 'replaced']);

    const registry = await t.query('student.consents.list', { className: '101' }, users.registry);
    expect(registry.data.map((r: any) => [r.studentNo, r.state])).toEqual([['S001', 'given'], ['S002', 'none'], ['S003', 'none']]);
    expect(registry.data[0].consent).toMatchObject({ parts: ['course-records'], academicYears: [114], givenAt: '2025-10-02T04:00:00.000Z' });

    t.clock.now = new Date('2025-10-03T04:00:00Z');
    const withdrawn = await t.mutate('student.consent.withdraw', {}, users.chen);
    expect(withdrawn.data).toMatchObject({ withdrawnAt: '2025-10-03T04:00:00.000Z', endedBy: 'withdrawn' });
    expect((await t.query('student.consent.get', {}, users.chen)).data.current).toBeNull();
    expect((await t.query('student.consents.list', {}, users.registry)).data[0]).toMatchObject({ state: 'withdrawn', consent: { withdrawnAt: '2025-10-03T04:00:00.000Z' } });
    expect((await t.mutate('student.consent.withdraw', {}, users.chen)).error?.licheng?.code).toBe('consent-not-given');

    const entries = await audit();
    expect(entries.map((e: any) => [e.action, e.actor_id])).toEqual([['consent.give', 's-chen'], ['consent.give', 's-chen'], ['consent.withdraw', 's-chen']]);
    // Lin's consent state is untouched by Chen's.
    expect((await t.query('student.consent.get', {}, users.lin)).data.current).toBeNull();
  });

  it('refuses a year not the student’s, an empty scope, an unknown part, and anyone but the student or registry', async () => {
    await setUp();
    expect((await t.mutate('student.consent.give', { parts: ['outcomes'], academicYears: [110] }, users.chen)).error?.licheng).toEqual({ code: 'consent-year-not-yours', params: { year: 110 } });
    expect((await t.mutate('student.consent.give', { parts: [], academicYears: [114] }, users.chen)).error?.code).toBe('BAD_REQUEST');
    expect((await t.mutate('student.consent.give', { parts: ['grades'], academicYears: [114] }, users.chen)).error?.code).toBe('BAD_REQUEST');
    expect((await t.mutate('student.consent.give', { parts: ['outcomes'], academicYears: [114] }, users.wang)).error?.code).toBe('FORBIDDEN');
    expect((await t.query('student.consents.list', {}, users.chen)).error?.code).toBe('FORBIDDEN');
    expect(await audit()).toEqual([]);
  });
});
