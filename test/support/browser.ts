import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startDemoServer, type StartedServer } from './server.ts';

const require = createRequire(import.meta.url);

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Runs axe-core on the page (it reads open shadow roots) and returns the violations found. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string | null; help: string; nodes: string[] }>> {
  // Evaluated by the browser itself: the page's CSP rightly refuses an injected <script>.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => `${JSON.stringify(n.target)}: ${n.failureSummary}`),
    }));
  });
}

/** Signs in on the portal's demo sign-in page by the user's display name. */
export async function signIn(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: '登入示範平臺' }).waitFor();
  await page.locator('licheng-portal .users button', { hasText: name }).first().click();
}

/** A page in a context of its own (zh-TW, 1280×900); its uncaught errors are collected in `errors`. */
export async function newPage(browser: Browser, errors: string[], options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** Fails the test on any serious or critical axe violation of the page. */
export async function expectAccessible(page: Page): Promise<void> {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
}

/** What a browser test file works with: the started demo server, Chromium, a scratch folder, the pages' uncaught errors. */
export interface DemoInChromium {
  server: StartedServer;
  browser: Browser;
  /** A folder for files to upload and downloads to read. */
  files: string;
  errors: string[];
}

/** Starts the demo server, Chromium and a scratch folder before the file's tests and removes them after. */
export function demoInChromium(): DemoInChromium {
  const demo = { errors: [] } as unknown as DemoInChromium;
  beforeAll(async () => {
    demo.server = await startDemoServer();
    demo.browser = await launchChromium();
    demo.files = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-e2e-files-'));
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.stop();
    if (demo.files) fs.rmSync(demo.files, { recursive: true, force: true });
  });
  return demo;
}
