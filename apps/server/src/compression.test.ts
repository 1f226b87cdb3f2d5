import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LichengDb } from '@licheng/db';
import { signHostToken } from '@licheng/server';
import { precompress } from '../../portal/scripts/precompress.mjs';
import { openApp } from './open-app.ts';
import { buildServer } from './server.ts';
import { readSettings, type Settings } from './settings.ts';
import { tempDirs } from './testing/temp.ts';
import { importMapHash } from './testing/csp.ts';

const temp = tempDirs();
const MAP = { imports: { lit: '/shared/lit-abc.js', '@licheng/plugin-student/web': '/offices/student-abc.js' } };
/** A module big enough to be worth compressing, as the build leaves it. */
const MODULE = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `課程學習成果 ${i}`))};\n`;
const PAGE = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8" /><script type="importmap">${JSON.stringify(MAP)}</script><title>歷程</title></head><body>${'<p>學習歷程檔案</p>'.repeat(100)}</body></html>`;

function builtPortal(): string {
  const portal = temp.make('licheng-portal-');
  fs.writeFileSync(path.join(portal, 'index.html'), PAGE);
  fs.writeFileSync(path.join(portal, 'importmap.json'), JSON.stringify(MAP));
  fs.mkdirSync(path.join(portal, 'offices'));
  fs.writeFileSync(path.join(portal, 'offices', 'student-abc.js'), MODULE);
  fs.mkdirSync(path.join(portal, 'assets'));
  fs.writeFileSync(path.join(portal, 'assets', 'photo.jpg'), new Uint8Array(4096));
  precompress(portal);
  return portal;
}

const decode = (coding: string | null, bytes: Buffer) => (coding === 'br' ? zlib.brotliDecompressSync(bytes) : coding === 'gzip' ? zlib.gunzipSync(bytes) : bytes).toString('utf8');

describe('the standalone server compresses what the browser accepts compressed', () => {
  let db: LichengDb;
  let server: ReturnType<typeof buildServer>;
  let settings: Settings;
  let token = '';

  beforeAll(async () => {
    settings = readSettings({ LICHENG_DEMO: '1', LICHENG_DATA_DIR: temp.make(), LICHENG_PORTAL_DIR: builtPortal() });
    const opened = await openApp(settings);
    db = opened.db;
    server = buildServer(opened.app, settings);
    token = await signHostToken({ userId: 's-1', name: '學生', school: settings.config.code, roles: ['student'] }, settings.hostSecret);
  });
  afterAll(async () => {
    await db?.destroy();
    temp.cleanup();
  });

  const me = (acceptEncoding?: string) => server.request('/trpc/platform.me', { headers: { authorization: `Bearer ${token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });

  it('answers a JSON call with brotli or gzip when accepted, and as it is when not; the same JSON either way', async () => {
    const plain = await me();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const json = await plain.json();
    expect(JSON.stringify(json).length).toBeGreaterThan(1024);
    for (const [accept, coding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', null],
    ] as const) {
      const res = await me(accept);
      expect(res.headers.get('content-encoding'), accept).toBe(coding);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(decode(coding, Buffer.from(await res.arrayBuffer())))).toEqual(json);
    }
  });

  it('serves a built module from its precompressed copy, with that copy’s length', async () => {
    for (const [accept, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await server.request('/offices/student-abc.js', { headers: { 'accept-encoding': accept } });
      expect(res.headers.get('content-encoding'), accept).toBe(coding);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.headers.get('cache-control')).toContain('immutable');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
      expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(MODULE) / 3);
      expect(decode(coding, bytes)).toBe(MODULE);
    }
    const plain = await server.request('/offices/student-abc.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(MODULE);
  });

  it('never compresses an already compressed file type', async () => {
    expect(fs.existsSync(path.join(settings.portalDir, 'assets', 'photo.jpg.br'))).toBe(false);
    const res = await server.request('/assets/photo.jpg', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-length')).toBe('4096');
  });

  it('compresses the portal page, whose CSP still holds the hash of the import map it carries', async () => {
    const res = await server.request('/', { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    const html = decode('br', Buffer.from(await res.arrayBuffer()));
    expect(html).toContain('學習歷程檔案');
    expect(res.headers.get('content-security-policy')).toContain(importMapHash(html));
  });
});
