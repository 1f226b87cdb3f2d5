import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { testDialects } from '@licheng/db/testing';
import type { Role } from '@licheng/core';
import { definePlugin } from './plugin.ts';
import { authedProcedure, router } from './trpc.ts';
import { createTestLicheng, TEST_SECRET, type TestLicheng } from './testing/index.ts';
import { signHostToken } from './identity/index.ts';

const echo = definePlugin({
  id: 'echo',
  office: { 'zh-TW': '回聲', en: 'Echo' },
  roles: ['registry-staff'],
  migrations: {
    '2026_11_24_001_echo': { up: async (db) => void (await db.schema.createTable('echo_notes').addColumn('id', 'varchar(36)', (c) => c.primaryKey()).execute()) },
  },
  router: router({
    whoami: authedProcedure(['registry-staff']).query(({ ctx }) => ({ user: ctx.identity.userId, role: ctx.actingRole })),
    crash: authedProcedure(['registry-staff']).query(() => {
      throw new Error('ER_NO_SUCH_TABLE: SELECT * FROM secret_table');
    }),
    shout: authedProcedure(['registry-staff']).input(z.object({ text: z.string().min(1).max(5) })).mutation(({ input }) => input.text.toUpperCase()),
  }),
});

/** An office whose reminder every student sees above every screen. */
const notices = definePlugin({
  id: 'notices',
  office: { 'zh-TW': '公告', en: 'Notices' },
  roles: ['registry-staff'],
  reminders: [{ tag: 'licheng-notices-reminder', roles: ['student'] }],
  router: router({}),
});

describe.each(testDialects())('createLicheng on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('answers /health with the database it uses and migrates enabled plugins', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo] });
    const res = await t.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: dialect, plugins: ['echo'] });
    const tables = (await t.db.kysely.introspection.getTables()).map((x) => x.name);
    expect(tables).toEqual(expect.arrayContaining(['echo_notes', 'licheng_migrations_echo', 'licheng_migrations_platform', 'records', 'audit_log']));
  });

  it('refuses a request body over the limit with 413 and still answers queries by GET', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo] });
    const token = await signHostToken({ userId: 'r1', name: 'r', school: '123456', roles: ['registry-staff'] }, TEST_SECRET);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const big = await t.app.request('/trpc/echo.shout', { method: 'POST', body: new Uint8Array(21 * 1024 * 1024 + 1), headers });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error.code).toBe('PAYLOAD_TOO_LARGE');
    const small = await t.app.request('/trpc/echo.shout', { method: 'POST', body: JSON.stringify({ text: 'hi' }), headers });
    expect(((await small.json()) as any).result.data).toBe('HI');
    const read = await t.app.request('/trpc/echo.whoami', { headers });
    expect(((await read.json()) as any).result.data).toEqual({ user: 'r1', role: 'registry-staff' });
  });

  it('refuses missing, forged and expired tokens with 401 and a clear code', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo] });
    const missing = await t.query('echo.whoami', undefined);
    expect(missing.status).toBe(401);
    expect(missing.error?.licheng?.code).toBe('unauthenticated');
    const forged = await signHostToken({ userId: 'x', name: 'x', school: '123456', roles: ['registry-staff'] }, 'another-secret-another-secret-another-secret');
    const res = await t.app.request('/trpc/echo.whoami', { headers: { authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(401);
    const expired = await signHostToken({ userId: 'x', name: 'x', school: '123456', roles: ['registry-staff'] }, TEST_SECRET, -10);
    const res2 = await t.app.request('/trpc/echo.whoami', { headers: { authorization: `Bearer ${expired}` } });
    expect(res2.status).toBe(401);
    expect(((await res2.json()) as any).error.data.licheng.code).toBe('token-expired');
  });

  it('platform.me lists the offices a user may use and the reminders their roles must see', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo, notices] });
    const student = await t.query('platform.me', undefined, { userId: 's1', roles: ['student'] });
    expect(student.data.offices).toEqual([]);
    expect(student.data.reminders).toEqual([{ office: 'notices', tag: 'licheng-notices-reminder' }]);
    const staff = await t.query('platform.me', undefined, { userId: 'r1', roles: ['registry-staff'] });
    expect(staff.data.offices.map((o: { id: string }) => o.id)).toEqual(['echo', 'notices']);
    expect(staff.data.reminders).toEqual([]);
  });

  it('platform.me lists a desk every office uses after the user’s own offices, whatever the plugin order', async () => {
    const shared = definePlugin({ id: 'shared-desk', office: { 'zh-TW': '共用', en: 'Shared' }, roles: ['registry-staff'], sharedDesk: true, router: router({}) });
    t = await createTestLicheng({ dialect, plugins: [shared, echo, notices] });
    const staff = await t.query('platform.me', undefined, { userId: 'r1', roles: ['registry-staff'] });
    expect(staff.data.offices.map((o: { id: string }) => o.id)).toEqual(['echo', 'notices', 'shared-desk']);
  });

  it('platform.me names an office by the user’s role where the office gives a label, and its staff by its name', async () => {
    const grades = definePlugin({ id: 'grades-office', office: { 'zh-TW': '註冊組', en: 'Registry' }, roles: ['registry-staff', 'student'], labels: { student: { 'zh-TW': '我的成績', en: 'My grades' } }, router: router({}) });
    t = await createTestLicheng({ dialect, plugins: [grades] });
    const name = async (roles: Role[]) => (await t.query('platform.me', undefined, { userId: 'u', roles })).data.offices[0].office['zh-TW'];
    expect(await name(['student'])).toBe('我的成績');
    expect(await name(['registry-staff'])).toBe('註冊組');
    expect(await name(['registry-staff', 'student'])).toBe('註冊組');
  });

  it('checks roles and school on every procedure', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo] });
    const ok = await t.query('echo.whoami', undefined, { userId: 'r1', roles: ['student', 'registry-staff'] });
    expect(ok.data).toEqual({ user: 'r1', role: 'registry-staff' });
    const student = await t.query('echo.whoami', undefined, { userId: 's1', roles: ['student'] });
    expect(student.status).toBe(403);
    const otherSchool = await t.query('echo.whoami', undefined, { userId: 'r1', roles: ['registry-staff'], school: '654321' });
    expect(otherSchool.status).toBe(403);
  });

  it('validates input with zod and answers 400 naming the field', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo] });
    const bad = await t.mutate('echo.shout', { text: 'too long' }, { userId: 'r1', roles: ['registry-staff'] });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/text/);
    const good = await t.mutate('echo.shout', { text: 'hi' }, { userId: 'r1', roles: ['registry-staff'] });
    expect(good.data).toBe('HI');
  });

  it('hides the text of unexpected errors from callers', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo] });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await t.query('echo.crash', undefined, { userId: 'r1', roles: ['registry-staff'] });
    expect(res.status).toBe(500);
    expect(res.error?.licheng?.code).toBe('internal-error');
    expect(res.error?.message).not.toMatch(/secret_table/);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('answers cross-origin calls only from the configured host origins', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo], corsOrigins: ['https://portal.school.example'] });
    const preflight = await t.app.request('/trpc/echo.whoami', {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.school.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,x-licheng-locale' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://portal.school.example');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const token = await t.token({ userId: 'r1', roles: ['registry-staff'] });
    const call = await t.app.request('/trpc/echo.whoami', { headers: { origin: 'https://portal.school.example', authorization: `Bearer ${token}` } });
    expect(call.headers.get('access-control-allow-origin')).toBe('https://portal.school.example');
    const foreign = await t.app.request('/trpc/echo.whoami', { headers: { origin: 'https://evil.example', authorization: `Bearer ${token}` } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('accepts batches of up to ten calls and refuses larger ones', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo] });
    const headers = { authorization: `Bearer ${await t.token({ userId: 'r1', roles: ['registry-staff'] })}` };
    const batch = (n: number) => t.app.request(`/trpc/${Array(n).fill('echo.whoami').join(',')}?batch=1&input=${encodeURIComponent('{}')}`, { headers });
    expect((await batch(10)).status).toBe(200);
    expect((await batch(11)).status).toBe(400);
  });

  it('serves only enabled plugins', async () => {
    t = await createTestLicheng({ dialect, plugins: [echo], config: { plugins: { enabled: [] } } });
    expect((await t.query('echo.whoami', undefined, { userId: 'r1', roles: ['registry-staff'] })).status).toBe(404);
    const tables = (await t.db.kysely.introspection.getTables()).map((x) => x.name);
    expect(tables).not.toContain('echo_notes');
  });
});
