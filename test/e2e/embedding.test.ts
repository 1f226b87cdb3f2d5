import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { demoToken, freePort, repoRoot, startDemoServer, type StartedServer } from '../support/server.ts';
import { query } from '../support/trpc.ts';

interface DemoUser {
  userId: string;
  name: string;
  school: string;
  roles: string[];
  label: string;
}


/** An HS256 token as a host signs it, here already expired. */
function expiredToken(user: DemoUser, secret: string): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: user.userId, name: user.name, school: user.school, roles: user.roles, exp: Math.floor(Date.now() / 1000) - 60 })}`;
  return `${unsigned}.${crypto.createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * A plain page outside the monorepo (examples/foreign-portal/index.html, served by its own
 * serve.mjs on another origin) embeds the certification queue and the student's outcome list
 * with one script tag each, loaded from the standalone server's /widgets/, and a token the
 * portal signs with the shared secret. Real data from the demo server shows in Chromium.
 */
describe('widgets embedded in a foreign portal', () => {
  let server: StartedServer;
  let browser: Browser;
  let portal: ChildProcess;
  let portalUrl = '';
  let portalLog = '';
  let secret = '';
  let users: DemoUser[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    secret = fs.readFileSync(path.join(server.dataDir, 'demo-secret'), 'utf8').trim();
    users = (await (await fetch(`${server.url}/demo/users`)).json()) as DemoUser[];
    const port = await freePort();
    portalUrl = `http://127.0.0.1:${port}`;
    portal = spawn(process.execPath, [path.join(repoRoot, 'examples/foreign-portal/serve.mjs')], {
      env: { ...process.env, LICHENG_URL: server.url, PORT: String(port), LICHENG_HOST_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    portal.stdout?.on('data', (d) => (portalLog += d));
    portal.stderr?.on('data', (d) => (portalLog += d));
    for (let i = 0; ; i++) {
      if (await fetch(`${portalUrl}/campus/users`).then((r) => r.ok, () => false)) break;
      if (i > 100) throw new Error(`the foreign portal did not start:\n${portalLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (portal && portal.exitCode === null) {
      portal.kill('SIGTERM');
      await new Promise((r) => portal.once('exit', r));
    }
    await server?.stop();
  });

  async function signedInPage(user: DemoUser): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${portalUrl}/`);
    await page.locator('#userId option').nth(1).waitFor({ state: 'attached' });
    await page.locator('#userId').selectOption(user.userId);
    await page.getByRole('button', { name: '登入' }).click();
    await page.locator('#who', { hasText: user.name }).waitFor();
    return page;
  }


  it('the page is on another origin and loads each widget with one script tag from the Licheng server', async () => {
    expect(new URL(portalUrl).origin).not.toBe(new URL(server.url).origin);
    const html = await (await fetch(`${portalUrl}/`)).text();
    const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([`${server.url}/widgets/licheng-my-outcomes.js`, `${server.url}/widgets/licheng-certification-queue.js`]);
    const widget = await fetch(scripts[0]!, { headers: { origin: portalUrl } });
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect(widget.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a student sees their own outcomes from the server', async () => {
    const student = users.find((u) => u.roles.includes('student'))!;
    const outcomes = (await query(server.url, 'student.outcomes.list', await demoToken(server, student.userId))) as Array<{ summary: string; status: string }>;
    expect(outcomes.length).toBeGreaterThan(0);
    const page = await signedInPage(student);
    // Only the student's widget is on the page; the teacher's panel was left out.
    await expect(page.locator('licheng-certification-queue').count()).resolves.toBe(0);
    const list = page.locator('licheng-my-outcomes');
    await list.getByRole('heading', { name: '我的課程學習成果' }).waitFor();
    for (const o of outcomes) await list.locator('tr', { hasText: o.summary }).first().waitFor();
    await expect(list.locator('tbody tr').count()).resolves.toBe(outcomes.length);
    // Shared code loaded once: one copy of the shared chunk for both widget files.
    const shared = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/widgets\/chunks\/shared-/.test(n)));
    expect(new Set(shared).size).toBe(shared.length);
    await expectAccessible(page);
    await page.context().close();
  });

  it("a subject teacher sees their certification queue with the students' pending outcomes", async () => {
    let teacher: DemoUser | undefined;
    let pending: Array<{ summary: string; student?: { name: string } }> = [];
    for (const u of users.filter((x) => x.roles.includes('subject-teacher'))) {
      const queue = await query(server.url, 'teaching.certifications.queue', await demoToken(server, u.userId), { status: 'pending' });
      if (queue.items.length > 0) {
        teacher = u;
        pending = queue.items;
        break;
      }
    }
    expect(teacher, 'a demo teacher with pending outcomes').toBeDefined();
    const page = await signedInPage(teacher!);
    await expect(page.locator('licheng-my-outcomes').count()).resolves.toBe(0);
    const queue = page.locator('licheng-certification-queue');
    for (const item of pending) await queue.locator('tr', { hasText: item.summary }).first().waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('an expired token without a provider makes the widget emit licheng-token-expired', async () => {
    const student = users.find((u) => u.roles.includes('student'))!;
    const page = await signedInPage(student);
    const list = page.locator('licheng-my-outcomes');
    await list.locator('tbody tr').first().waitFor();
    const detail = await page.evaluate((token) => {
      const el = document.querySelector('licheng-my-outcomes') as HTMLElement & { token?: string; tokenProvider?: unknown };
      return new Promise((resolve) => {
        el.addEventListener('licheng-token-expired', (e) => resolve((e as CustomEvent).detail), { once: true });
        el.tokenProvider = undefined;
        el.token = token;
      });
    }, expiredToken(student, secret));
    expect(detail).toEqual({ willRetry: false });
    // The host page reacts to the event (here: it asks the user to reload); the widget says why.
    await page.locator('#expired').waitFor();
    await list.getByRole('alert').waitFor();
    await page.context().close();
  });

  it("an expired token with the host's provider: the widget asks for a fresh one, retries and shows the data", async () => {
    const student = users.find((u) => u.roles.includes('student'))!;
    const page = await signedInPage(student);
    const list = page.locator('licheng-my-outcomes');
    const rows = list.locator('tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    const result = await page.evaluate(async (token) => {
      const el = document.querySelector('licheng-my-outcomes') as HTMLElement & { token?: string; tokenProvider?: () => Promise<string> };
      const events: unknown[] = [];
      el.addEventListener('licheng-token-expired', (e) => events.push((e as CustomEvent).detail));
      const provider = el.tokenProvider!;
      let asked = 0;
      el.tokenProvider = () => {
        asked++;
        return provider();
      };
      el.token = token;
      // Wait for the retried call to land: the element adopts the provider's token.
      for (let i = 0; i < 100 && el.token === token; i++) await new Promise((r) => setTimeout(r, 50));
      return { events, asked, adopted: el.token !== token };
    }, expiredToken(student, secret));
    expect(result).toEqual({ events: [{ willRetry: true }], asked: 1, adopted: true });
    await expect(rows.count()).resolves.toBe(before);
    await expect(page.locator('#expired').isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it('the catalogue lists every widget of the manifest and shows them live with the demo session', async () => {
    const manifest = (await (await fetch(`${server.url}/widgets/custom-elements.json`)).json()) as { modules: Array<{ declarations: Array<{ tagName: string }> }> };
    const tags = manifest.modules.map((m) => m.declarations[0]!.tagName);
    expect(tags).toEqual(expect.arrayContaining(['licheng-my-outcomes', 'licheng-certification-queue', 'licheng-outcome-upload', 'licheng-outcome-selection', 'licheng-deadline-banner']));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server.url, users.find((u) => u.roles.includes('student'))!.name);
    await page.waitForURL('**/student');
    await page.goto(`${server.url}/catalogue.html`);
    for (const tag of tags) await page.getByRole('heading', { name: `<${tag}>`, exact: true }).waitFor();
    await page.locator('.live licheng-my-outcomes tbody tr').first().waitFor();
    await page.locator('.live licheng-deadline-banner licheng-window-banner').first().waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('had no page errors', () => {
    expect(errors).toEqual([]);
  });
});
