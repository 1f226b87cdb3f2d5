import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import { openApp } from './open-app.ts';
import { buildServer } from './server.ts';
import { readSettings } from './settings.ts';
import { tempDirs } from './testing/temp.ts';

const temp = tempDirs();
const INDEX = '<!doctype html><html lang="zh-Hant"><title>歷程 portal</title><div id="root"></div></html>';

describe('the standalone server with a built portal', () => {
  let db: LichengDb;
  let server: ReturnType<typeof buildServer>;

  beforeAll(async () => {
    const portal = temp.make('licheng-portal-');
    fs.writeFileSync(path.join(portal, 'index.html'), INDEX);
    fs.mkdirSync(path.join(portal, 'assets'));
    fs.writeFileSync(path.join(portal, 'assets', 'app.js'), 'console.log("portal");');
    fs.mkdirSync(path.join(portal, 'widgets'));
    fs.writeFileSync(path.join(portal, 'widgets', 'licheng-x.js'), 'export {};');
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_PORTAL_DIR: portal });
    const opened = await openApp(settings);
    db = opened.db;
    server = buildServer(opened.app, settings);
  });
  afterAll(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  it('serves /health as JSON', async () => {
    const res = await server.request('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ status: 'ok', school: '999901', database: 'sqlite', plugins: ['student', 'teaching', 'registry'] });
  });

  it('serves index.html for portal routes (client-side routing)', async () => {
    for (const route of ['/', '/student', '/teaching/queue', '/registry/imports?kind=students']) {
      const res = await server.request(route);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type'), route).toMatch(/text\/html/);
      expect(await res.text(), route).toBe(INDEX);
    }
  });

  it('serves the portal files themselves', async () => {
    const res = await server.request('/assets/app.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("portal");');
  });

  it('serves the widget modules to pages on any origin, and 404 for a missing one', async () => {
    const res = await server.request('/widgets/licheng-x.js', { headers: { origin: 'https://portal.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toBe('export {};');
    const missing = await server.request('/widgets/licheng-nothing.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<html');
  });

  it('answers unknown API paths with 404, never the portal page', async () => {
    for (const route of ['/api/x', '/api/registry/nothing', '/trpc/x', '/trpc/student.nothing', '/demo/nothing']) {
      const res = await server.request(route);
      expect(res.status, route).toBe(404);
      expect(await res.text(), route).not.toContain('<html');
    }
    const trpc = (await (await server.request('/trpc/x')).json()) as any;
    expect(trpc.error.data.code).toBe('NOT_FOUND');
  });
});

describe('the standalone server without a built portal', () => {
  it('says so at / instead of failing', async () => {
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_PORTAL_DIR: temp.make('licheng-empty-') });
    const { app, db } = await openApp(settings);
    try {
      const server = buildServer(app, settings);
      const res = await server.request('/');
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/portal is not built/);
      expect((await server.request('/student')).status).toBe(404);
    } finally {
      await db.destroy();
      temp.cleanup();
    }
  });
});
