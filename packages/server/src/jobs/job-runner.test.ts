import { afterEach, describe, expect, it } from 'vitest';
import { migrateScopes, openDatabase, type LichengDb } from '@licheng/db';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { platformMigrations } from '../platform/migrations.ts';
import { startJobRunner, type JobDefinition } from './job-runner.ts';

const HOUR = 3_600_000;

describe.each(testDialects())('the background job runner on %s', (dialect) => {
  let db: TestDatabase;
  let second: LichengDb;
  afterEach(async () => {
    await second?.destroy();
    await db?.destroy();
  });

  async function twoProcesses() {
    db = await createTestDatabase(dialect);
    await migrateScopes(db.kysely, [{ scope: 'platform', migrations: platformMigrations }]);
    // A second connection pool to the same database, as a second server process has.
    second = openDatabase({ url: db.url });
  }

  it('runs a job once per due period however many processes tick, and again when it is due', async () => {
    await twoProcesses();
    const clock = { now: new Date('2025-10-01T00:00:00Z') };
    const runs: string[] = [];
    const job = (who: string): JobDefinition => ({
      name: 'test-job',
      everyMs: HOUR,
      async run() {
        runs.push(who);
        await new Promise((r) => setTimeout(r, 30));
      },
    });
    const quiet = { log: () => undefined, now: () => clock.now, tickMs: 0 };
    const a = startJobRunner(db.kysely, { ...quiet, jobs: [job('a')], holder: 'process-a' });
    const b = startJobRunner(second.kysely, { ...quiet, jobs: [job('b')], holder: 'process-b' });
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(1);

    clock.now = new Date(clock.now.getTime() + HOUR - 1000);
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(1);

    clock.now = new Date(clock.now.getTime() + 1000);
    await Promise.all([b.tick(), a.tick(), b.tick()]);
    expect(runs).toHaveLength(2);
    const row = await db.kysely.selectFrom('job_leases').selectAll().where('name', '=', 'test-job').executeTakeFirstOrThrow();
    expect(['process-a', 'process-b']).toContain(row.holder);
    expect(row.next_run_at).toBe(new Date(clock.now.getTime() + HOUR).toISOString());
    await Promise.all([a.stop(), b.stop()]);
  });

  it('lets another process take over a lease its holder left running out (a crash), and retries a failed run on the next tick', async () => {
    await twoProcesses();
    const clock = { now: new Date('2025-10-01T00:00:00Z') };
    // The crashed process: it claimed the job and never released it.
    await db.kysely
      .insertInto('job_leases')
      .values({ name: 'test-job', holder: 'crashed', lease_until: new Date(clock.now.getTime() + 60_000).toISOString(), next_run_at: clock.now.toISOString(), last_started_at: clock.now.toISOString(), last_finished_at: null, last_error: null })
      .execute();
    let fail = true;
    const runs: string[] = [];
    const errors: string[] = [];
    const runner = startJobRunner(second.kysely, {
      jobs: [{ name: 'test-job', everyMs: HOUR, leaseMs: 60_000, run: async () => { runs.push('ran'); if (fail) throw new Error('smtp down'); } }],
      tickMs: 0,
      now: () => clock.now,
      holder: 'survivor',
      log: () => undefined,
      logError: (line) => errors.push(line),
    });
    await runner.tick();
    expect(runs).toHaveLength(0);

    clock.now = new Date(clock.now.getTime() + 60_000);
    await runner.tick();
    expect(runs).toHaveLength(1);
    expect(errors[0]).toContain('job test-job failed (the next tick tries again): smtp down');
    let row = await db.kysely.selectFrom('job_leases').selectAll().where('name', '=', 'test-job').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ holder: 'survivor', last_error: 'smtp down', next_run_at: '2025-10-01T00:00:00.000Z' });

    fail = false;
    await runner.tick();
    expect(runs).toHaveLength(2);
    row = await db.kysely.selectFrom('job_leases').selectAll().where('name', '=', 'test-job').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ last_error: null, next_run_at: new Date(clock.now.getTime() + HOUR).toISOString() });
    await runner.stop();
  });

  it('ticks on its own timer until stopped', async () => {
    await twoProcesses();
    let runs = 0;
    const runner = startJobRunner(db.kysely, { jobs: [{ name: 'timed', everyMs: 0, run: async () => void runs++ }], tickMs: 15, log: () => undefined });
    for (let i = 0; i < 100 && runs < 3; i++) await new Promise((r) => setTimeout(r, 15));
    await runner.stop();
    const seen = runs;
    expect(seen).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 60));
    expect(runs).toBe(seen);
  });
});
