import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage, signIn } from '../support/browser.ts';
import { demoToken, freePort, startDemoServer, type StartedServer } from '../support/server.ts';
import { mutate, query } from '../support/trpc.ts';

interface Violation {
  directive: string;
  blocked: string;
  page: string;
}

/** Collects the page's CSP violations (from every document it loads) and its console errors. */
async function watched(browser: Browser, errors: string[]): Promise<{ page: Page; violations: () => Promise<Violation[]> }> {
  const page = await newPage(browser, errors, { acceptDownloads: true });
  // Injected by the browser itself, not by the page, so the page's CSP does not apply to it.
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, page: location.pathname }));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  return { page, violations: () => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations) };
}

/** A host page on its own origin (127.0.0.1:`port`) that frames the portal. */
async function framingHost(port: number, portalUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const host = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>host</title><iframe id="licheng" src="${portalUrl}/" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => host.close(() => resolve())) };
}

/**
 * The pages the standalone server sends (portal, widget catalogue, embed page) work under their
 * Content-Security-Policy in Chromium with no violation: a student signs in, uploads an outcome
 * (the progress bar, the file field) and opens it; the catalogue loads every widget; the embed
 * page shows the student's list. A script injected into the page does not run.
 */
describe('pages under their Content-Security-Policy in Chromium', () => {
  let server: StartedServer;
  let browser: Browser;
  let files: string;
  let allowedHost: Awaited<ReturnType<typeof framingHost>>;
  let otherHost: Awaited<ReturnType<typeof framingHost>>;
  const errors: string[] = [];

  beforeAll(async () => {
    // The host that may frame the portal is named before the server starts (LICHENG_CORS_ORIGINS).
    const hostPort = await freePort();
    server = await startDemoServer({ LICHENG_CORS_ORIGINS: `http://127.0.0.1:${hostPort}` });
    allowedHost = await framingHost(hostPort, server.url);
    otherHost = await framingHost(await freePort(), server.url);
    browser = await launchChromium();
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-csp-files-'));
  });
  afterAll(async () => {
    await browser?.close();
    await allowedHost?.close();
    await otherHost?.close();
    await server?.stop();
    if (files) fs.rmSync(files, { recursive: true, force: true });
  });

  it('sends each page a CSP naming its import map by hash, with no unsafe-inline or unsafe-eval', async () => {
    for (const page of ['/', '/catalogue.html', '/embed.html']) {
      const res = await fetch(`${server.url}${page}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, page).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
      expect(csp, page).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp, page).toContain("object-src 'none'");
      expect(csp, page).toContain(`frame-ancestors 'self' http://127.0.0.1:`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('the portal works for a student who uploads and opens an outcome, with no violation', async () => {
    const { page, violations } = await watched(browser, errors);
    await signIn(page, server.url, '陳怡君');
    await page.waitForURL('**/student');
    await page.getByRole('heading', { name: '我的課程學習成果' }).waitFor();
    await page.getByRole('button', { name: '上傳成果', exact: true }).click();
    const select = page.locator('licheng-outcome-upload select#course');
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    await select.selectOption((await select.locator('option').nth(1).getAttribute('value'))!);
    await page.locator('licheng-outcome-upload textarea#summary').fill('內容安全政策測試');
    const pdf = path.join(files, '報告.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.locator('licheng-outcome-upload licheng-file-field[name="document"] input[type="file"]').setInputFiles(pdf);
    await page.locator('licheng-outcome-upload button[type="submit"]').click();
    await page.getByText(/已上傳「.*」的成果/).waitFor();
    await page.getByRole('button', { name: '我的成果' }).click();
    const row = page.locator('licheng-my-outcomes tr', { hasText: '內容安全政策測試' });
    await row.waitFor();
    // The file opens from a blob: URL in a frame of the page, which the policy allows.
    await row.getByRole('button', { name: /開啟文件檔/ }).click();
    await page.locator('licheng-file-viewer iframe').waitFor();
    await page.waitForTimeout(500);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('the catalogue loads and renders every widget, and the embed page the student’s list, with no violation', async () => {
    const { page, violations } = await watched(browser, errors);
    await signIn(page, server.url, '陳怡君');
    await page.waitForURL('**/student');
    await page.goto(`${server.url}/catalogue.html`);
    await page.locator('main#widgets[aria-busy="false"]').waitFor();
    await page.locator('licheng-my-outcomes').getByRole('heading', { name: '我的課程學習成果' }).waitFor();
    expect(await violations()).toEqual([]);
    // A student's token fetches the widgets of other roles in vain: those 403s are the API's answer, not the page's.
    errors.splice(0, errors.length, ...errors.filter((e) => !(e.includes('/catalogue.html: Failed to load resource') && e.includes('403'))));
    await page.goto(`${server.url}/embed.html`);
    await page.locator('licheng-my-outcomes').getByRole('heading', { name: '我的課程學習成果' }).waitFor();
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('blocks a script injected into the page, and reports it', async () => {
    const { page, violations } = await watched(browser, errors);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: '登入示範平臺' }).waitFor();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injected = true');
      img.src = 'data:,';
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 200));
      return (window as unknown as { __injected?: boolean }).__injected ?? false;
    });
    expect(ran).toBe(false);
    const seen = await violations();
    expect(seen.map((v) => v.directive)).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
    expect(seen.every((v) => v.blocked === 'inline')).toBe(true);
    // Those are the only errors this page logs; nothing else on any page.
    const blocked = errors.filter((e) => /Content Security Policy/.test(e));
    expect(blocked.length).toBeGreaterThan(0);
    errors.splice(0, errors.length, ...errors.filter((e) => !blocked.includes(e)));
    await page.context().close();
  });

  it('may be framed by the school’s host origin, and by no other', async () => {
    const page = await newPage(browser, []);
    await page.goto(`${allowedHost.url}/`);
    const allowed = page.frameLocator('#licheng');
    await allowed.getByRole('heading', { name: '登入示範平臺' }).waitFor();
    const refusals: string[] = [];
    page.on('console', (m) => refusals.push(m.text()));
    await page.goto(`${otherHost.url}/`);
    await expect.poll(() => refusals.some((r) => /frame-ancestors/.test(r)), { timeout: 10_000 }).toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.locator('licheng-portal').count().catch(() => 0)).toBe(0);
    await page.context().close();
  });

  it('opens a stored file on its own as a sandboxed document that still shows it', async () => {
    const users = (await (await fetch(`${server.url}/demo/users`)).json()) as Array<{ userId: string; name: string }>;
    const token = await demoToken(server, users.find((u) => u.name === '陳怡君')!.userId);
    const { courses } = (await query(server.url, 'student.courses.list', token)) as { courses: Array<{ id: string }> };
    const form = new FormData();
    form.append('courseId', courses[0]!.id);
    form.append('summary', '沙箱測試');
    form.append('document', new File([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')], '海報.png'));
    const outcome = (await mutate(server.url, 'student.outcomes.upload', token, form)) as { documentFileId: string };
    const { page, violations } = await watched(browser, errors);
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
    const res = await page.goto(`${server.url}/api/files/${outcome.documentFileId}`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    // A sandboxed document has an opaque origin: nothing in it can reach the app's storage or API as the app.
    expect(await page.evaluate(() => window.origin)).toBe('null');
    expect(await page.evaluate(() => document.querySelector('img')?.naturalWidth ?? 0)).toBe(1);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('logged no script or console error on any page', () => {
    expect(errors).toEqual([]);
  });
});
