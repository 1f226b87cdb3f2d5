import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, newPage } from '../support/browser.ts';
import { repoRoot, startDemoServer, type StartedServer } from '../support/server.ts';

const SECRET = 'e2e-deployment-secret-long-enough-0123456789';
const config = (name: string) => path.join(repoRoot, 'apps/server/config', `${name}.json`);

/**
 * One deployment serving two schools (虎尾 and 羅東) from one process and one database: each
 * school's public schedule is its own page, named by ?school=, in Chinese and in English.
 */
describe('a deployment of many schools in the browser', () => {
  let server: StartedServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({ LICHENG_DEMO: '', LICHENG_MULTI_SCHOOL: '1', LICHENG_HOST_SECRET: SECRET, LICHENG_SCHOOL_CONFIG: `${config('huwei')},${config('luodong')}` });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reports the schools it serves on /health and refuses an API call that names no school', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toMatchObject({ status: 'ok', schools: 2 });
    const anonymous = await fetch(`${server.url}/trpc/platform.me`);
    expect(anonymous.status).toBe(400);
    expect(((await anonymous.json()) as any).error.code).toBe('SCHOOL_REQUIRED');
  });

  it('shows each school its own public schedule, and the English link keeps the school', async () => {
    const page = await newPage(browser, errors);
    const schedule = page.locator('licheng-schedule');
    await page.goto(`${server.url}/schedule.html?school=094301`);
    await schedule.getByRole('heading', { level: 1, name: /虎尾.*學習歷程檔案作業期程/ }).waitFor();
    await expectAccessible(page);
    await page.goto(`${server.url}/schedule.html?school=020302`);
    await schedule.getByRole('heading', { level: 1, name: /羅東.*學習歷程檔案作業期程/ }).waitFor();
    await page.getByRole('link', { name: 'English' }).click();
    await schedule.getByRole('heading', { level: 1, name: /Learning portfolio schedule/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('school')).toBe('020302');
    expect(await schedule.getByRole('heading', { level: 1 }).textContent()).toContain('羅東');
    await page.context().close();
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
