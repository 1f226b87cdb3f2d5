import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import { openApp } from '../open-app.ts';
import { buildServer } from '../server.ts';
import { appRoot, readSettings } from '../settings.ts';
import { HOST_SECRET, tempDirs } from '../testing/temp.ts';
import { seedDemo } from './seed.ts';

const temp = tempDirs();

describe('demo sign-in routes (demo mode)', () => {
  let db: LichengDb;
  let server: ReturnType<typeof buildServer>;

  beforeAll(async () => {
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_PORTAL_DIR: temp.make() });
    const opened = await openApp(settings);
    db = opened.db;
    await seedDemo(opened.app);
    server = buildServer(opened.app, settings);
    // Seeding the demo runs every office's own procedures: minutes on a loaded 2-core machine.
  }, 180_000);
  afterAll(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  const tokenFor = (userId: unknown) =>
    server.request('/demo/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });

  it('/demo/users lists students, teachers, registry staff and the working group', async () => {
    const res = await server.request('/demo/users');
    expect(res.status).toBe(200);
    const users = (await res.json()) as Array<{ userId: string; name: string; school: string; roles: string[]; label: string }>;
    const withRole = (role: string) => users.filter((u) => u.roles.includes(role));
    expect(withRole('student')).toHaveLength(14); // seats 1–4 of three day classes, and the night-division class 901's two
    expect(withRole('subject-teacher').map((u) => u.userId)).toEqual(['demo-t-wang', 'demo-t-lee', 'demo-t-chou', 'demo-t-kuo', 'demo-t-lin']);
    expect(withRole('registry-staff')).toEqual([expect.objectContaining({ userId: 'demo-registry', label: '註冊組' })]);
    // Homeroom teachers (導師) of the demo classes sign in with that role as well.
    expect(withRole('homeroom-teacher').map((u) => [u.userId, u.label])).toEqual([
      ['demo-t-wang', '任課教師・101 班導師'],
      ['demo-t-lee', '任課教師・102 班導師'],
      ['demo-t-chou', '任課教師・201 班導師'],
    ]);
    expect(withRole('working-group')).toEqual([expect.objectContaining({ userId: 'demo-working-group', name: '教務處 張主任' })]);
    expect(withRole('practicum-staff')).toEqual([]); // the demo school is a general school: no practicum office
    expect(withRole('course-consultant').map((u) => [u.userId, u.label])).toEqual([['demo-t-kuo', '任課教師・課程諮詢教師']]);
    expect(withRole('counseling-staff')).toEqual([expect.objectContaining({ userId: 'demo-counseling', label: '輔導室' })]);
    expect(withRole('library-staff')).toEqual([expect.objectContaining({ userId: 'demo-library', label: '圖書館' })]);
    expect(withRole('curriculum-staff')).toEqual([expect.objectContaining({ userId: 'demo-curriculum', label: '教學組' })]);
    expect(users.find((u) => u.userId === 'demo-s-101-1')).toMatchObject({ school: '999901', label: '學生 101 班 1 號' });
  });

  it('/demo/token returns a token that /trpc/platform.me accepts', async () => {
    const res = await tokenFor('demo-s-101-1');
    expect(res.status).toBe(200);
    const { token, user } = (await res.json()) as { token: string; user: { userId: string } };
    expect(token.split('.')).toHaveLength(3);
    expect(user.userId).toBe('demo-s-101-1');
    const me = await server.request('/trpc/platform.me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as any;
    expect(body.result.data.user).toMatchObject({ userId: 'demo-s-101-1', school: '999901', roles: ['student'] });
    expect(body.result.data.offices.map((o: any) => o.id)).toEqual(['student', 'registry', 'receipt', 'library', 'autobiography']);
    const courses = await server.request('/trpc/student.courses.list', { headers: { authorization: `Bearer ${token}` } });
    expect(((await courses.json()) as any).result.data.courses).toHaveLength(4);
  });

  it('/demo/token refuses an unknown user and a malformed body', async () => {
    expect((await tokenFor('someone-else')).status).toBe(404);
    expect((await tokenFor('')).status).toBe(400);
    const notJson = await server.request('/demo/token', { method: 'POST', body: 'userId=demo-s-101-1' });
    expect(notJson.status).toBe(400);
  });
});

describe('demo routes outside demo mode', () => {
  it('are not mounted: /demo/users and /demo/token are 404', async () => {
    const settings = readSettings({
      LICHENG_HOST_SECRET: HOST_SECRET,
      LICHENG_SCHOOL_CONFIG: `${appRoot}/config/demo-school.json`,
      LICHENG_DATA_DIR: temp.make(),
      LICHENG_PORTAL_DIR: temp.make(),
    });
    const { app, db } = await openApp(settings);
    try {
      const server = buildServer(app, settings);
      expect((await server.request('/demo/users')).status).toBe(404);
      expect((await server.request('/demo/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"demo-registry"}' })).status).toBe(404);
      expect((await server.request('/health')).status).toBe(200);
    } finally {
      await db.destroy();
      temp.cleanup();
    }
  });
});
