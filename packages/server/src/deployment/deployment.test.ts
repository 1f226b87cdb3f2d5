import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { definePlugin } from '../plugin.ts';
import { authedProcedure, router } from '../trpc.ts';
import { signHostToken } from '../identity/index.ts';
import { LocalFileStorage } from '../storage/index.ts';
import type { LichengApp } from '../app.ts';
import { createDeployment, type Deployment } from './deployment.ts';
import { addSchool, updateSchool } from './school-store.ts';

const SECRET = 'deployment-test-secret-long-enough-for-hs256';
const A = '111111';
const B = '222222';

/** An office that tells which school answered, and whose students it counted in that school's rows. */
const probe = definePlugin({
  id: 'probe',
  office: { 'zh-TW': '探測', en: 'Probe' },
  roles: ['registry-staff'],
  router: router({
    where: authedProcedure(['registry-staff']).query(async ({ ctx }) => {
      const students = await ctx.db.selectFrom('students').select('name').where('school_code', '=', ctx.config.code).execute();
      return { school: ctx.config.code, name: ctx.config.name, students: students.map((s) => s.name) };
    }),
  }),
});
const extra = definePlugin({ id: 'extra', office: { 'zh-TW': '加開', en: 'Extra' }, roles: ['registry-staff'], router: router({}) });

const configOf = (code: string, name: string, plugins = ['probe']) => ({ code, name, type: 'general', plugins: { enabled: plugins } });
const staff = (school: string) => signHostToken({ userId: `staff-${school}`, name: '註冊組', school, roles: ['registry-staff'] }, SECRET);

describe.each(testDialects())('one deployment, many schools, on %s', (dialect) => {
  let db: TestDatabase;
  let files: string;
  afterEach(async () => {
    await db?.destroy();
    if (files) fs.rmSync(files, { recursive: true, force: true });
  });

  async function open(options: { refreshMs?: number; built?: Array<[string, string | null]> } = {}): Promise<Deployment> {
    const built = options.built;
    return createDeployment({
      db,
      storage: new LocalFileStorage(files),
      hostSecret: SECRET,
      plugins: [probe, extra],
      refreshMs: options.refreshMs ?? 60_000,
      ...(built ? { onSchoolApp: (app: LichengApp, replaced: LichengApp | null) => void built.push([app.config.name, replaced?.config.name ?? null]) } : {}),
    });
  }

  const call = async (deployment: Deployment, token: string | null, url = 'http://x/trpc/probe.where', headers: Record<string, string> = {}) => {
    const response = await deployment.fetch(new Request(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } }));
    return { status: response.status, body: (await response.json()) as any };
  };

  async function twoSchools() {
    db = await createTestDatabase(dialect);
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-deployment-'));
    const deployment = await open();
    await addSchool(db.kysely, configOf(A, '甲高中'), { by: 'operator' });
    await addSchool(db.kysely, configOf(B, '乙高中'), { by: 'operator' });
    const at = new Date().toISOString();
    const student = (school: string, no: string, name: string) => ({ id: `${school}-${no}`, school_code: school, student_no: no, host_user_id: `u-${school}-${no}`, name, national_id: `N${school}${no}`, birth_date: '2009-01-01', grade: 1, class_name: '101', seat_no: 1, division: 'day', department_code: null, status: 'enrolled', created_at: at, updated_at: at });
    // The platform's tables exist once the first school's app has migrated them.
    await deployment.schoolApp(A);
    await db.kysely.insertInto('students').values([student(A, 'S1', '甲生'), student(B, 'S1', '乙生')]).execute();
    return deployment;
  }

  it('hands each request to the school its token names, on one database', async () => {
    const deployment = await twoSchools();
    const a = await call(deployment, await staff(A));
    const b = await call(deployment, await staff(B));
    expect(a).toMatchObject({ status: 200, body: { result: { data: { school: A, name: '甲高中', students: ['甲生'] } } } });
    expect(b).toMatchObject({ status: 200, body: { result: { data: { school: B, name: '乙高中', students: ['乙生'] } } } });
    expect([...deployment.apps.keys()].sort()).toEqual([A, B]);
  });

  it('takes the school from a /schools/<code> path or the header, and lets the school refuse another school’s token', async () => {
    const deployment = await twoSchools();
    const health = await call(deployment, null, `http://x/schools/${B}/health`);
    expect(health).toMatchObject({ status: 200, body: { school: B, plugins: ['probe'] } });
    const byHeader = await call(deployment, null, 'http://x/health', {});
    expect(byHeader.body).toMatchObject({ status: 'ok', schools: 2 });
    const header = await deployment.fetch(new Request('http://x/anything', { headers: { 'x-licheng-school': A } }));
    expect(header.status).toBe(404); // A's app answered: it has no such route
    // A token of A on B's path reaches B's app, which refuses it.
    const crossed = await call(deployment, await staff(A), `http://x/schools/${B}/trpc/probe.where`);
    expect(crossed.status).toBe(403);
    expect(JSON.stringify(crossed.body)).not.toContain('乙生');
  });

  it('refuses a request that names no school or an unknown one, and never trusts an unsigned claim', async () => {
    const deployment = await twoSchools();
    expect(await call(deployment, null)).toMatchObject({ status: 400, body: { error: { code: 'SCHOOL_REQUIRED' } } });
    expect(await call(deployment, await staff('999999'))).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const forged = await signHostToken({ userId: 'x', name: 'x', school: A, roles: ['registry-staff'] }, 'another-secret-another-secret-another-sec');
    expect(await call(deployment, forged)).toMatchObject({ status: 400, body: { error: { code: 'SCHOOL_REQUIRED' } } });
  });

  it('serves a school an operator adds, and a changed configuration, without a restart', async () => {
    const built: Array<[string, string | null]> = [];
    db = await createTestDatabase(dialect);
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-deployment-'));
    const first = await open({ refreshMs: 0, built });
    // Another process of the same deployment, trusting its copy for a minute.
    const second = await open({ refreshMs: 60_000 });
    expect((await call(first, await staff(A))).status).toBe(404);
    await addSchool(db.kysely, configOf(A, '甲高中'), { by: 'operator' });
    expect(await call(first, await staff(A))).toMatchObject({ status: 200, body: { result: { data: { name: '甲高中' } } } });
    expect((await call(second, await staff(A))).status).toBe(200);
    await updateSchool(db.kysely, A, configOf(A, '甲高級中學', ['probe', 'extra']), { by: 'operator', expectedVersion: 1 });
    const health = await call(first, null, `http://x/schools/${A}/health`);
    expect(health.body.plugins).toEqual(['probe', 'extra']);
    expect(built).toEqual([
      ['甲高中', null],
      ['甲高級中學', '甲高中'],
    ]);
    // The second process keeps its copy until its refresh is due, then follows.
    expect((await call(second, null, `http://x/schools/${A}/health`)).body.plugins).toEqual(['probe']);
  });

  it('streams a request body on through a /schools/<code> path', async () => {
    const deployment = await twoSchools();
    const response = await deployment.fetch(
      new Request(`http://x/schools/${A}/trpc/probe.where`, { method: 'POST', headers: { authorization: `Bearer ${await staff(A)}`, 'content-type': 'application/json' }, body: '{}' }),
    );
    // A query asked by POST: the school's tRPC answers it (method refused), proving the body and path reached it.
    expect(response.status).toBe(405);
  });
});
