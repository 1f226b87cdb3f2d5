import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn } from '../support/browser.ts';
import { freePort, repoRoot, startDemoServer, type StartedServer } from '../support/server.ts';

const dist = path.join(repoRoot, 'apps/portal/dist');
const builtMap = () => JSON.parse(fs.readFileSync(path.join(dist, 'importmap.json'), 'utf8')) as { imports: Record<string, string> };

/**
 * The portal is a single-spa root config whose import map names each office module and the
 * shared libraries. Proven in Chromium against the real server: the teaching office is
 * deployed on its own (a copy of its module on another origin, named by the school's
 * LICHENG_IMPORT_MAP), two offices mount one after the other in the same page, and Lit, the
 * client and single-spa were each fetched once and exist once.
 */
describe('offices joined by an import map', () => {
  let server: StartedServer;
  let cdn: http.Server;
  let cdnUrl = '';
  let browser: Browser;
  let overrides = '';
  const cdnRequests: string[] = [];

  beforeAll(async () => {
    // "Another deployment" of the teaching office: its built module, served elsewhere with CORS.
    const teaching = builtMap().imports['@licheng/plugin-teaching/web']!;
    const body = fs.readFileSync(path.join(dist, teaching));
    const port = await freePort();
    cdnUrl = `http://127.0.0.1:${port}`;
    cdn = http.createServer((req, res) => {
      cdnRequests.push(req.url ?? '');
      if (req.url !== '/teaching/v2/teaching.js') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(body);
    });
    await new Promise<void>((resolve) => cdn.listen(port, '127.0.0.1', resolve));
    overrides = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-map-')), 'importmap.json');
    fs.writeFileSync(overrides, JSON.stringify({ imports: { '@licheng/plugin-teaching/web': `${cdnUrl}/teaching/v2/teaching.js` } }));
    server = await startDemoServer({ LICHENG_IMPORT_MAP: overrides });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => cdn?.close(resolve));
    if (overrides) fs.rmSync(path.dirname(overrides), { recursive: true, force: true });
  });

  it('the built office modules carry no copy of Lit, the client or single-spa', () => {
    const { imports } = builtMap();
    const read = (url: string) => fs.readFileSync(path.join(dist, url), 'utf8');
    // What a copy would look like: lit-html registers its version; @licheng/ui defines its dialog.
    const litCopy = 'litHtmlVersions';
    const uiCopy = /customElements\.define\(["'`]licheng-dialog["'`]/;
    const sharedCode = Object.entries(imports).filter(([name]) => !name.startsWith('@licheng/plugin-')).map(([, url]) => url);
    const sharedFiles = fs.readdirSync(path.join(dist, 'shared')).filter((f) => f.endsWith('.js')).map((f) => read(`/shared/${f}`));
    expect(sharedCode.length).toBeGreaterThanOrEqual(4);
    expect(sharedFiles.filter((code) => code.includes(litCopy))).toHaveLength(1);
    expect(sharedFiles.filter((code) => uiCopy.test(code))).toHaveLength(1);
    const offices = Object.entries(imports).filter(([name]) => name.startsWith('@licheng/plugin-'));
    expect(offices.map(([name]) => name).sort()).toEqual(expect.arrayContaining(['@licheng/plugin-registry/web', '@licheng/plugin-student/web', '@licheng/plugin-teaching/web']));
    for (const [name, url] of offices) {
      const code = read(url);
      expect(code, name).toMatch(/from\s*["']lit["']/);
      expect(code, name).not.toContain(litCopy);
      expect(code, name).not.toMatch(uiCopy);
    }
  });

  it('mounts an office deployed elsewhere and a second office, loading each shared library once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    const warnings: string[] = [];
    const fetched: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    page.on('request', (r) => r.resourceType() === 'script' && fetched.push(r.url()));

    // The subject teacher: the teaching office comes from the other origin.
    await signIn(page, server.url, '王美玲');
    await page.waitForURL('**/teaching');
    await page.getByRole('heading', { name: '課程學習成果認證' }).waitFor();
    expect(cdnRequests).toContain('/teaching/v2/teaching.js');
    expect(fetched.filter((u) => u.includes('/offices/teaching-'))).toEqual([]);

    // Same page, no reload: sign out and in as the registry; its office mounts beside the shared libraries already loaded.
    await page.locator('licheng-portal').getByRole('button', { name: '登出' }).click();
    await page.locator('licheng-portal .users button', { hasText: '註冊組 林組長' }).first().click();
    await page.waitForURL('**/registry');
    await page.getByRole('heading', { name: '註冊組名冊作業' }).waitFor();

    const imports = (await page.evaluate(() => JSON.parse(document.querySelector('script[type="importmap"]')!.textContent!))).imports as Record<string, string>;
    for (const name of ['lit', 'single-spa', '@licheng/client', '@licheng/ui']) {
      const url = new URL(imports[name]!, server.url).href;
      expect(fetched.filter((u) => u === url), name).toHaveLength(1);
    }
    expect(await page.evaluate(() => (globalThis as { litHtmlVersions?: string[] }).litHtmlVersions?.length)).toBe(1);
    expect(warnings.filter((w) => /Multiple versions of Lit/i.test(w))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
