import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import registry from '@licheng/plugin-registry/server';
import student from '@licheng/plugin-student/server';
import teaching from '@licheng/plugin-teaching/server';
import { verifyHostToken } from '@licheng/server';
import { createTestLicheng, fakeFile, openSchedule, seedRoster, TEST_SCHOOL, TEST_SECRET, type TestLicheng } from '@licheng/server/testing';
import { createHostApp } from './host-app.ts';

const SESSION_SECRET = 'the-campus-systems-own-cookie-secret';

describe.each(testDialects())('the example host on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function host() {
    t = await createTestLicheng({ dialect, plugins: [student, teaching, registry], config: { schedule: openSchedule } });
    const app = createHostApp({ licheng: t.app, hostSecret: TEST_SECRET, sessionSecret: SESSION_SECRET, schoolCode: TEST_SCHOOL });
    return app;
  }

  /** Signs in to the campus system as `userId`; returns the session cookie. */
  async function signIn(app: Awaited<ReturnType<typeof host>>, userId: string): Promise<string> {
    const res = await app.request('/login', { method: 'POST', body: new URLSearchParams({ userId }) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^campus_session=.*HttpOnly/);
    return cookie.split(';')[0]!;
  }

  async function portfolioToken(app: Awaited<ReturnType<typeof host>>, cookie: string): Promise<string> {
    const res = await app.request('/portfolio-token', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return ((await res.json()) as { token: string }).token;
  }

  it('keeps the host’s own routes: home, sign-in with its own session cookie, sign-out', async () => {
    const app = await host();
    expect(await (await app.request('/')).text()).toContain('尚未登入');
    expect(await (await app.request('/login')).text()).toContain('王老師（t-wang）');
    const refused = await app.request('/login', { method: 'POST', body: new URLSearchParams({ userId: 'nobody' }) });
    expect(refused.status).toBe(401);
    const cookie = await signIn(app, 't-wang');
    const home = await (await app.request('/', { headers: { cookie } })).text();
    expect(home).toContain('歡迎，王老師');
    expect(home).toContain("fetch('/portfolio-token')");
    const forged = await app.request('/', { headers: { cookie: 'campus_session=t-wang' } });
    expect(await forged.text()).toContain('尚未登入');
    const out = await app.request('/logout', { method: 'POST', headers: { cookie } });
    expect(out.headers.get('set-cookie')).toMatch(/campus_session=;.*Max-Age=0/);
  });

  it('signs portfolio tokens for its signed-in user only, with the shared secret and the Licheng claims', async () => {
    const app = await host();
    expect((await app.request('/portfolio-token')).status).toBe(401);
    const token = await portfolioToken(app, await signIn(app, 't-wang'));
    expect(await verifyHostToken(`Bearer ${token}`, TEST_SECRET)).toEqual({
      ok: true,
      identity: { userId: 't-wang', name: '王老師', school: TEST_SCHOOL, roles: ['subject-teacher', 'homeroom-teacher'] },
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    expect(Math.abs(payload.exp - Date.now() / 1000 - 15 * 60)).toBeLessThan(5);
  });

  it('serves the mounted API under /portfolio: health, procedures with the host’s token, OpenAPI', async () => {
    const app = await host();
    const health = await app.request('/portfolio/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', school: TEST_SCHOOL, plugins: ['student', 'teaching', 'registry'] });
    const token = await portfolioToken(app, await signIn(app, 'r-staff'));
    const me = await app.request('/portfolio/trpc/platform.me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { result: { data: { user: { userId: string }; offices: { id: string }[] } } };
    expect(body.result.data.user.userId).toBe('r-staff');
    expect(body.result.data.offices.map((o) => o.id)).toEqual(['registry']);
    expect((await app.request('/portfolio/trpc/platform.me')).status).toBe(401);
    const openapi = (await (await app.request('/portfolio/openapi.json')).json()) as { servers: { url: string }[] };
    expect(openapi.servers).toEqual([{ url: '/portfolio' }]);
    // Licheng answers only below its mount point.
    expect((await app.request('/health')).status).toBe(404);
    expect((await app.request('/trpc/platform.me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('serves uploads and file downloads under the prefix', async () => {
    const app = await host();
    const { courseIds } = await seedRoster(t);
    const token = await portfolioToken(app, await signIn(app, 's-chen'));
    const auth = { authorization: `Bearer ${token}` };
    const form = new FormData();
    form.append('courseId', courseIds['國語文']!);
    form.append('summary', '讀書報告');
    form.append('document', fakeFile('pdf', 2048, '報告.pdf'));
    const upload = await app.request('/portfolio/trpc/student.outcomes.upload', { method: 'POST', headers: auth, body: form });
    expect(upload.status).toBe(200);
    const outcome = ((await upload.json()) as { result: { data: { documentFileId: string } } }).result.data;
    const file = await app.request(`/portfolio/api/files/${outcome.documentFileId}?download=1`, { headers: auth });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await file.arrayBuffer()).byteLength).toBe(2048);
    expect((await app.request(`/api/files/${outcome.documentFileId}`, { headers: auth })).status).toBe(404);

    const staff = { authorization: `Bearer ${await portfolioToken(app, await signIn(app, 'r-staff'))}` };
    const template = await app.request('/portfolio/api/registry/templates/students.csv', { headers: staff });
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toMatch(/^text\/csv/);
  });
});
