import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestDatabase } from '@licheng/db/testing';
import { enabledPluginJobs, enabledPlugins, reminderJob, retentionJob, type JobDefinition, type LichengApp } from '@licheng/server';
import { availablePlugins } from '../plugins.ts';
import { dumpSchool, listSchoolTables, makeLeakFinder, stringsOnlyIn, type SchoolTable } from './school-dump.ts';
import { openSchoolAlone, openTwoSchools, SCHOOL_A, SCHOOL_B, type TwoSchools } from './two-schools.ts';

/**
 * The background jobs of school A's app (reminders, retention, the offices' jobs such as the
 * receipt's 視同確認) run on the shared database beside school B: they change A's rows only and
 * write nothing of B into A's.
 */
describe.each(testDialects())('school isolation of the background jobs on one shared database (%s)', (dialect) => {
  let s: TwoSchools;
  let alone: Awaited<ReturnType<typeof openSchoolAlone>>;
  let tables: SchoolTable[];

  beforeAll(async () => {
    s = await openTwoSchools(dialect);
    alone = await openSchoolAlone(dialect);
    tables = (await listSchoolTables(s.db.kysely)).withSchool;
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await alone?.close();
  });

  const day = 24 * 3600 * 1000;
  /** Today; the day before the term's windows end (reminders due: the week-before ones were sent as the schools were filled); after the receipt window; years on. */
  const moments = (now: Date) => [now, new Date('2027-02-13T02:00:00Z'), new Date(now.getTime() + 20 * day), new Date(now.getTime() + 8 * 365 * day)];
  const jobsOf = (app: LichengApp, db: TestDatabase): JobDefinition[] => [
    reminderJob({ db: db.kysely, config: app.config, mail: null }),
    retentionJob({ db: db.kysely, dialect: db.dialect, config: app.config, offices: enabledPlugins(app.config, availablePlugins) }),
    ...enabledPluginJobs(app.config, availablePlugins, db.kysely),
  ];
  /** A school's rows with ids and hashes set aside (they differ between two databases: the demo's receipt ZIP holds ids), for comparing by content. */
  const content = (dump: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(dump).map(([t, rows]) => [t, rows.map((r) => r.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>').replace(/[0-9a-f]{64}/g, '<sha256>')).sort()]));

  it('change nothing of B and copy nothing of B into A, today, after every window and years on', async () => {
    const beforeB = await dumpSchool(s.db.kysely, tables, SCHOOL_B);
    const beforeA = await dumpSchool(s.db.kysely, tables, SCHOOL_A);
    const find = makeLeakFinder(stringsOnlyIn(beforeB, beforeA));
    const jobs = jobsOf(s.a, s.db);
    expect(jobs.map((j) => j.name).sort()).toEqual([`receipt-deemed-confirmed:${SCHOOL_A}`, `reminders:${SCHOOL_A}`, `retention:${SCHOOL_A}`]);
    const logs: string[] = [];
    for (const at of moments(s.now)) {
      for (const job of jobs) logs.push(`${job.name} ${at.toISOString()}: ${(await job.run(at)) ?? ''}`);
    }
    const afterA = await dumpSchool(s.db.kysely, tables, SCHOOL_A);
    // The jobs did work in A (reminders sent, items deemed confirmed), so they were reached.
    expect(afterA.reminders!.length).toBeGreaterThan(beforeA.reminders!.length);
    expect(afterA.receipt_items!.some((row) => row.includes('deemed-confirmed'))).toBe(true);
    expect(await dumpSchool(s.db.kysely, tables, SCHOOL_B)).toEqual(beforeB);
    const copied = Object.entries(afterA).flatMap(([table, rows]) => rows.flatMap((row) => find(row).map((n) => `${table}: ${n}`)));
    expect(copied, logs.join('\n')).toEqual([]);
  });

  it('leave A as they leave A on a database of its own', async () => {
    for (const at of moments(s.now)) for (const job of jobsOf(alone.a, alone.db)) await job.run(at);
    const [shared, own] = [content(await dumpSchool(s.db.kysely, tables, SCHOOL_A)), content(await dumpSchool(alone.db.kysely, tables, SCHOOL_A))];
    expect(Object.keys(shared).filter((t) => JSON.stringify(shared[t]) !== JSON.stringify(own[t])).map((t) => ({ table: t, shared: shared[t]!.filter((r) => !own[t]!.includes(r)), alone: own[t]!.filter((r) => !shared[t]!.includes(r)) }))).toEqual([]);
  });
});
