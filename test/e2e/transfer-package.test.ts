import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoInChromium, expectAccessible, newPage } from '../support/browser.ts';

/**
 * 轉學資料包 in Chromium against the started demo: the registry downloads a student's package and
 * sends it back through the screen — as the raw body of the streamed route, which checks it in the
 * server's worker — and the screen says why this school cannot import its own package, with focus
 * on the reason. Driven by roles and accessible names.
 */
describe('the transfer package in the browser', () => {
  const demo = demoInChromium();

  async function registry(): Promise<Page> {
    const page = await newPage(demo.browser, demo.errors, { acceptDownloads: true });
    await page.goto(`${demo.server.url}/`);
    await page.getByRole('heading', { name: '登入示範平臺' }).waitFor();
    await page.getByRole('button', { name: '註冊組 林組長' }).first().click();
    await page.getByRole('heading', { name: /^轉學資料包/ }).waitFor();
    return page;
  }

  it('downloads 114001’s package, and checking it here is refused as this school’s own, focus on why', async () => {
    const page = await registry();
    const section = page.locator('licheng-transfer-package');
    await section.getByRole('textbox', { name: '學號', exact: true }).fill('114001');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '下載轉學資料包' }).click()]);
    await section.getByRole('status').filter({ hasText: /已下載「.+\.zip」/ }).waitFor();
    const saved = path.join(demo.files, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);

    const check = section.getByRole('button', { name: '檢查（不寫入）' });
    expect(await check.isDisabled()).toBe(true);
    await section.getByLabel('轉學資料包（ZIP）', { exact: true }).setInputFiles(saved);
    expect(await check.isDisabled()).toBe(false);
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/api/registry/transfer'));
    await check.click();
    expect((await sent).headers()['content-type']).toBe('application/zip');
    const alert = section.getByRole('alert');
    await alert.filter({ hasText: '這是本校匯出的轉學資料包，不能匯入本校' }).waitFor();
    expect(await alert.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await expectAccessible(page);
    expect(demo.errors).toEqual([]);
    await page.context().close();
  });
});
