import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { signHostToken } from '@licheng/server';
import { openDeployment, type OpenedDeployment } from './open-deployment.ts';
import { appRoot, readDeploymentSettings } from './settings.ts';
import { runCli } from './testing/run-cli.ts';
import { tempDirs } from './testing/temp.ts';

const SECRET = 'deployment-server-test-secret-0123456789';
const config = (name: string) => path.join(appRoot, 'config', `${name}.json`);
const CHIMING = '373501';
const HUWEI = '094301';
const LUODONG = '020302';

async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(testDialects())('a deployment of many schools on %s', (dialect) => {
  const temp = tempDirs();
  let db: TestDatabase | undefined;
  let opened: OpenedDeployment | undefined;
  afterEach(async () => {
    await opened?.close();
    await db?.destroy();
    temp.cleanup();
  });

  it('serves the seeded schools, and one an operator adds with the CLI, each with its own offices and jobs, without a restart', async () => {
    db = await createTestDatabase(dialect);
    const env = {
      LICHENG_MULTI_SCHOOL: '1',
      LICHENG_HOST_SECRET: SECRET,
      LICHENG_DATA_DIR: temp.make('licheng-deployment-'),
      // The embedded database lives in the data folder; MariaDB is this run's own database.
      ...(dialect === 'mysql' ? { LICHENG_DATABASE_URL: db.url } : {}),
      LICHENG_SCHOOL_CONFIG: `${config('chiming')},${config('huwei')}`,
      LICHENG_JOB_TICK_SECONDS: '0.1',
      LICHENG_SWEEP_INTERVAL_MINUTES: '0',
      LICHENG_PORTAL_DIR: temp.make('licheng-no-portal-'),
    };
    opened = await openDeployment(readDeploymentSettings(env), { watchMs: 100, refreshMs: 0 });
    expect(opened.seeded).toEqual([CHIMING, HUWEI]);
    const me = async (school: string) => {
      const token = await signHostToken({ userId: `t-${school}`, name: '老師', school, roles: ['subject-teacher'] }, SECRET);
      const response = await opened!.server.fetch(new Request('http://x/trpc/platform.me', { headers: { authorization: `Bearer ${token}` } }));
      return { status: response.status, body: (await response.json()) as any };
    };
    const chiming = await me(CHIMING);
    const huwei = await me(HUWEI);
    expect(chiming.body.result.data.school).toEqual({ code: CHIMING, name: '臺北市立啟明學校', type: 'special-education' });
    expect(huwei.body.result.data.school).toEqual({ code: HUWEI, name: '國立虎尾高級農工職業學校', type: 'vocational' });
    expect((await me(LUODONG)).status).toBe(404);

    // Each school's background jobs run under its own lease.
    const jobs = () => opened!.db.kysely.selectFrom('job_leases').select('name').where('last_finished_at', 'is not', null).execute();
    await until(async () => ((await jobs()).some((j) => j.name === `reminders:${HUWEI}`) && (await jobs()).some((j) => j.name === `reminders:${CHIMING}`) ? true : undefined), 'both schools’ reminder jobs');

    // The operator adds 羅東高中 while the deployment runs.
    const cliEnv = { ...env, LICHENG_SCHOOL_CONFIG: '' };
    const added = await runCli(['schools', 'add', config('luodong')], cliEnv);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain(`added ${LUODONG}`);
    expect((await me(LUODONG)).body.result.data.school.name).toBe('國立羅東高級中學');
    await until(async () => ((await jobs()).some((j) => j.name === `reminders:${LUODONG}`) ? true : undefined), 'the added school’s reminder job');
    const again = await runCli(['schools', 'add', config('luodong')], cliEnv);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already');
    const listed = await runCli(['schools', 'list'], cliEnv);
    expect(listed.stdout.split('\n').filter(Boolean).map((l) => l.slice(0, 6))).toEqual([HUWEI, LUODONG, CHIMING].sort());

    // A school's own commands name it; its token works against the deployment.
    const token = await runCli(['token', '--school', LUODONG, '--user', 'r1', '--roles', 'registry-staff'], cliEnv);
    const response = await opened.server.fetch(new Request('http://x/trpc/platform.me', { headers: { authorization: `Bearer ${token.stdout.trim()}` } }));
    expect(((await response.json()) as any).result.data.school.code).toBe(LUODONG);
    expect((await runCli(['token', '--user', 'r1', '--roles', 'registry-staff'], cliEnv)).stderr).toContain('--school');
  });

  it('refuses a seed file that is not a school configuration before opening anything', () => {
    const bad = temp.json('bad.json', { code: '12', name: '' });
    expect(() => readDeploymentSettings({ LICHENG_MULTI_SCHOOL: '1', LICHENG_HOST_SECRET: SECRET, LICHENG_DATA_DIR: temp.make(), LICHENG_SCHOOL_CONFIG: bad })).toThrow(/6-digit school code/);
    expect(() => readDeploymentSettings({ LICHENG_MULTI_SCHOOL: '1', LICHENG_DEMO: '1' })).toThrow(/one demo school/);
  });
});
