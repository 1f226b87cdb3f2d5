import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import { openApp } from './open-app.ts';
import { buildServer } from './server.ts';
import { readSettings } from './settings.ts';
import { tempDirs } from './testing/temp.ts';
import { cspDirectives, importMapHash } from './testing/csp.ts';

const temp = tempDirs();
const BUILT_MAP = {
  imports: {
    lit: '/shared/lit-abc.js',
    '@licheng/client': '/shared/licheng-client-abc.js',
    '@licheng/plugin-student/web': '/offices/student-abc.js',
    '@licheng/plugin-teaching/web': '/offices/teaching-abc.js',
    '@licheng/plugin-registry/web': '/offices/registry-abc.js',
    '@licheng/plugin-practicum/web': '/offices/practicum-abc.js',
  },
};
const page = (map: unknown) => `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8" /><script type="importmap">${JSON.stringify(map)}</script><title>歷程 portal</title></head><div id="root"></div></html>`;
const INDEX = page(BUILT_MAP);

/** A built portal as scripts/build.mjs leaves it: the page, its import map, modules, widgets. */
function builtPortal(): string {
  const portal = temp.make('licheng-portal-');
  fs.writeFileSync(path.join(portal, 'index.html'), INDEX);
  fs.writeFileSync(path.join(portal, 'importmap.json'), JSON.stringify(BUILT_MAP));
  for (const [dir, file, body] of [
    ['assets', 'app.js', 'console.log("portal");'],
    ['widgets', 'licheng-x.js', 'export {};'],
    ['offices', 'teaching-abc.js', 'export const mount = 1;'],
    ['shared', 'lit-abc.js', 'export const html = 1;'],
  ]) {
    fs.mkdirSync(path.join(portal, dir!), { recursive: true });
    fs.writeFileSync(path.join(portal, dir!, file!), body!);
  }
  return portal;
}

/** The import map of a served page. */
function importMapOf(html: string): Record<string, string> {
  return JSON.parse(/<script type="importmap">(.*?)<\/script>/s.exec(html)![1]!).imports;
}

describe('the standalone server with a built portal', () => {
  let db: LichengDb;
  let server: ReturnType<typeof buildServer>;
  let portalDir = '';

  beforeAll(async () => {
    portalDir = builtPortal();
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_PORTAL_DIR: portalDir });
    const opened = await openApp(settings);
    db = opened.db;
    server = buildServer(opened.app, settings);
  });
  afterAll(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  it('sends each page a CSP whose one inline script is the import map it serves, by that text’s hash', async () => {
    for (const url of ['/', '/index.html', '/student/outcomes']) {
      const res = await server.request(url);
      const csp = cspDirectives(res.headers.get('content-security-policy'));
      const html = await res.text();
      expect(csp['script-src'], url).toEqual(["'self'", importMapHash(html)]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'self'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('sends nosniff and the referrer policy with modules, widgets, the API and the demo sign-in', async () => {
    for (const url of ['/assets/app.js', '/widgets/licheng-x.js', '/offices/teaching-abc.js', '/health', '/demo/users', '/trpc/platform.me']) {
      const res = await server.request(url);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(res.headers.get('content-security-policy'), url).toMatch(/default-src 'none'/);
    }
  });

  it('serves /health as JSON', async () => {
    const res = await server.request('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ status: 'ok', school: '999901', database: 'sqlite', plugins: ['student', 'teaching', 'registry', 'working-group', 'homeroom', 'receipt', 'counseling', 'library', 'competitions', 'student-affairs', 'autobiography', 'curriculum'] });
  });

  it('serves the portal page for portal routes (client-side routing), never cached', async () => {
    const first = await (await server.request('/')).text();
    for (const route of ['/', '/index.html', '/student', '/teaching/queue', '/registry/imports?kind=students']) {
      const res = await server.request(route);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type'), route).toMatch(/text\/html/);
      expect(res.headers.get('cache-control'), route).toBe('no-cache');
      expect(await res.text(), route).toBe(first);
    }
    expect(first).toContain('<title>歷程 portal</title>');
  });

  it('writes only the enabled offices into the page’s import map, with the shared libraries', async () => {
    const imports = importMapOf(await (await server.request('/')).text());
    expect(imports).toEqual({
      lit: '/shared/lit-abc.js',
      '@licheng/client': '/shared/licheng-client-abc.js',
      '@licheng/plugin-student/web': '/offices/student-abc.js',
      '@licheng/plugin-teaching/web': '/offices/teaching-abc.js',
      '@licheng/plugin-registry/web': '/offices/registry-abc.js',
    });
  });

  it('serves the rebuilt page after the portal is built again, without a restart', async () => {
    const imports = { ...BUILT_MAP.imports, '@licheng/plugin-student/web': '/offices/student-new.js' };
    fs.writeFileSync(path.join(portalDir, 'index.html'), page(BUILT_MAP).replace('歷程 portal', '歷程 portal 2'));
    fs.writeFileSync(path.join(portalDir, 'importmap.json'), JSON.stringify({ imports }));
    const later = new Date(Date.now() + 5000);
    for (const f of ['index.html', 'importmap.json']) fs.utimesSync(path.join(portalDir, f), later, later);
    try {
      const html = await (await server.request('/student')).text();
      expect(html).toContain('歷程 portal 2');
      expect(importMapOf(html)['@licheng/plugin-student/web']).toBe('/offices/student-new.js');
    } finally {
      fs.writeFileSync(path.join(portalDir, 'index.html'), INDEX);
      fs.writeFileSync(path.join(portalDir, 'importmap.json'), JSON.stringify(BUILT_MAP));
      const latest = new Date(Date.now() + 10_000);
      for (const f of ['index.html', 'importmap.json']) fs.utimesSync(path.join(portalDir, f), latest, latest);
    }
  });

  it('serves office modules and shared libraries to any origin, cached for good (their names carry their hash)', async () => {
    for (const [route, body] of [
      ['/offices/teaching-abc.js', 'export const mount = 1;'],
      ['/shared/lit-abc.js', 'export const html = 1;'],
    ]) {
      const res = await server.request(route!, { headers: { origin: 'https://portal.example' } });
      expect(res.status, route).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), route).toBe('*');
      expect(res.headers.get('cache-control'), route).toBe('public, max-age=31536000, immutable');
      expect(await res.text(), route).toBe(body);
    }
    const missing = await server.request('/offices/nothing-abc.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
    expect(await missing.text()).not.toContain('<html');
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

describe('the standalone server with a school’s import-map overrides', () => {
  it('points an office at its own deployment and never adds an office the config keeps off', async () => {
    const overrides = temp.json('importmap.json', {
      imports: { '@licheng/plugin-teaching/web': 'https://cdn.school.example/teaching-2.js', '@licheng/plugin-practicum/web': '/offices/practicum-abc.js', lit: '/shared/lit-xyz.js' },
    });
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_PORTAL_DIR: builtPortal(), LICHENG_IMPORT_MAP: overrides });
    const { app, db } = await openApp(settings);
    try {
      const imports = importMapOf(await (await buildServer(app, settings).request('/student')).text());
      expect(imports['@licheng/plugin-teaching/web']).toBe('https://cdn.school.example/teaching-2.js');
      expect(imports.lit).toBe('/shared/lit-xyz.js');
      expect(imports['@licheng/plugin-student/web']).toBe('/offices/student-abc.js');
      expect(imports).not.toHaveProperty('@licheng/plugin-practicum/web');
      // The school's map is the page's one inline script, and its module origin may serve scripts.
      const res = await buildServer(app, settings).request('/');
      const csp = cspDirectives(res.headers.get('content-security-policy'));
      expect(csp['script-src']).toEqual(["'self'", 'https://cdn.school.example', importMapHash(await res.text())]);
      expect(csp['script-src']).not.toContain(importMapHash(INDEX));
    } finally {
      await db.destroy();
    }
  });

  it('lets only the school’s host origins (LICHENG_CORS_ORIGINS) frame its pages', async () => {
    const settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_PORTAL_DIR: builtPortal(), LICHENG_CORS_ORIGINS: 'https://portal.school.example, http://localhost:8080' });
    const { app, db } = await openApp(settings);
    try {
      const res = await buildServer(app, settings).request('/');
      expect(cspDirectives(res.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'self'", 'https://portal.school.example', 'http://localhost:8080']);
    } finally {
      await db.destroy();
    }
    for (const bad of ['https://portal.school.example/path', "https://a.example; script-src 'unsafe-inline'", 'portal.school.example', 'javascript:alert(1)']) {
      expect(() => readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_CORS_ORIGINS: bad }), bad).toThrow(/LICHENG_CORS_ORIGINS must list origins/);
    }
  });

  it('refuses to start on an overrides file that is not an import map, saying where', () => {
    const bad = temp.json('bad-map.json', { imports: { '@licheng/plugin-teaching/web': 'javascript:alert(1)' } });
    expect(() => readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_IMPORT_MAP: bad })).toThrow(
      /import map file .*bad-map\.json \(LICHENG_IMPORT_MAP\).*imports\.@licheng\/plugin-teaching\/web: must be an http\(s\) URL or a path starting with \//,
    );
    const wrongShape = temp.json('wrong-map.json', { teaching: '/x.js' });
    expect(() => readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_IMPORT_MAP: wrongShape })).toThrow(/LICHENG_IMPORT_MAP/);
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
      // A link made for a deployment of many schools (/schools/<code>/…) works for this school, and only for it.
      expect(await (await server.request('/schools/999901/health')).json()).toMatchObject({ status: 'ok', school: '999901' });
      expect((await server.request('/schools/123456/health')).status).toBe(404);
    } finally {
      await db.destroy();
      temp.cleanup();
    }
  });
});
