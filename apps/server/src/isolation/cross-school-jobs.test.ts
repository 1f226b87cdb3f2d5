import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { enabledPluginJobs, enabledPlugins, reminderJob, retentionJob, type JobDefinition } from '@licheng/server';
import { availablePlugins } from '../plugins.ts';
import { dumpSchool, listSchoolTables, makeLeakFinder, stringsOnlyIn, type SchoolTable } from './school-dump.ts';
import { openTwoSchools, SCHOOL_A, SCHOOL_B, type TwoSchools } from './two-schools.ts';

/**
 * The background jobs of school A's app (reminders, retention, the offices' jobs such as the
 * receipt's 視同確認) run on the shared database beside school B: they change A's rows only and
 * write nothing of B into A's.
 */
describe.each(testDialects())('school isolation of the background jobs on one shared database (%s)', (dialect) => {
  let s: TwoSchools;
  let tables: SchoolTable[];

  beforeAll(async () => {
    s = await openTwoSchools(dialect);
    tables = (await listSchoolTables(s.db.kysely)).withSchool;
  }, 120_000);
  afterAll(async () => s?.close());

  it('change nothing of B and copy nothing of B into A, today, after every window and years on', async () => {
    const beforeB = await dumpSchool(s.db.kysely, tables, SCHOOL_B);
    const beforeA = await dumpSchool(s.db.kysely, tables, SCHOOL_A);
    const find = makeLeakFinder(stringsOnlyIn(beforeB, beforeA));
    const config = s.a.config;
    const jobs: JobDefinition[] = [
      reminderJob({ db: s.db.kysely, config, mail: null }),
      retentionJob({ db: s.db.kysely, dialect: s.db.dialect, config, offices: enabledPlugins(config, availablePlugins) }),
      ...enabledPluginJobs(config, availablePlugins, s.db.kysely),
    ];
    expect(jobs.map((j) => j.name).sort()).toEqual([`receipt-deemed-confirmed:${SCHOOL_A}`, `reminders:${SCHOOL_A}`, `retention:${SCHOOL_A}`]);
    const day = 24 * 3600 * 1000;
    const logs: string[] = [];
    // Today; the day before the term's windows end (reminders due: the week-before ones were sent as the schools were filled); after the receipt window; years on.
    for (const at of [s.now, new Date('2027-02-13T02:00:00Z'), new Date(s.now.getTime() + 20 * day), new Date(s.now.getTime() + 8 * 365 * day)]) {
      for (const job of jobs) logs.push(`${job.name} ${at.toISOString()}: ${(await job.run(at)) ?? ''}`);
    }
    console.log(logs.join('\n'));
    const afterA = await dumpSchool(s.db.kysely, tables, SCHOOL_A);
    // The jobs did work in A (reminders sent, items deemed confirmed), so they were reached.
    expect(afterA.reminders!.length).toBeGreaterThan(beforeA.reminders!.length);
    expect(afterA.receipt_items!.some((row) => row.includes('deemed-confirmed'))).toBe(true);
    expect(await dumpSchool(s.db.kysely, tables, SCHOOL_B)).toEqual(beforeB);
    const copied = Object.entries(afterA).flatMap(([table, rows]) => rows.flatMap((row) => find(row).map((n) => `${table}: ${n}`)));
    expect(copied, logs.join('\n')).toEqual([]);
  });
});
