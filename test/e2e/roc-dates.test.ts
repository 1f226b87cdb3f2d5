import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rocDateOf, taipeiDay } from '@licheng/core';
import { expectAccessible, launchChromium, newPage, signIn } from '../support/browser.ts';
import { repoRoot, startDemoServer, type StartedServer } from '../support/server.ts';

/** Pictures of the screens, for people to look at (not compared by the test). */
const shots = path.join(repoRoot, 'screenshots');

/**
 * 民國 dates in the built portal: the registry office types the audit trail's 起日 as seven
 * digits and an impossible 迄日, is told at the field, fixes it with the keyboard and gets the
 * list; the practicum office's certificate date reads 1140820 — on a desktop and a 390 px phone.
 */
describe('dates are typed and shown in 民國 on the screens', () => {
  let server: StartedServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    // A school with the practicum office (實習處) among its offices.
    server = await startDemoServer({ LICHENG_SCHOOL_CONFIG: path.join(repoRoot, 'apps/server/config/huwei.json') });
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the audit trail reads 1151127-style dates and names an impossible one at the field', async () => {
    const today = taipeiDay(new Date())!;
    const roc = rocDateOf(today)!;
    const page = await newPage(browser, errors);
    await signIn(page, server.url, '註冊組 林組長');
    await page.waitForURL('**/registry');
    const trail = page.locator('licheng-audit-trail');
    await trail.getByRole('heading', { name: '稽核紀錄' }).waitFor();
    expect(await page.locator('input[type="date"]').count()).toBe(0);

    const from = trail.getByRole('textbox', { name: '起日' });
    await from.fill(roc.replaceAll('/', ''));
    await from.press('Tab');
    await expect.poll(() => from.inputValue()).toBe(roc);
    const to = trail.getByRole('textbox', { name: '迄日' });
    await to.fill('115/02/30');
    await to.press('Enter');
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await to.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await trail.getByText('「115/02/30」不是實際存在的日期，請檢查月份與日數').waitFor();
    await expectAccessible(page);
    await trail.locator('form').screenshot({ path: path.join(shots, 'roc-date-audit-filters-desktop.png') });

    await to.fill(roc.replaceAll('/', '.'));
    await to.press('Enter');
    await trail.getByRole('status').filter({ hasText: /顯示 \d+ 筆紀錄/ }).waitFor();
    await expect.poll(() => to.inputValue()).toBe(roc);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await trail.locator('form').screenshot({ path: path.join(shots, 'roc-date-audit-filters-390.png') });
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the practicum certificate date reads 1140820 as 114/08/20, on a phone too', async () => {
    const page = await newPage(browser, errors, { viewport: { width: 390, height: 844 } });
    await signIn(page, server.url, '實習處 陳主任');
    await page.waitForURL('**/practicum');
    const date = page.getByRole('textbox', { name: '發證日期' });
    await date.fill('1140820');
    await date.press('Tab');
    await expect.poll(() => date.inputValue()).toBe('114/08/20');
    await page.getByText('即西元 2025-08-20').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('licheng-date-field#cert-date').screenshot({ path: path.join(shots, 'roc-date-field-390.png') });
    await page.locator('licheng-date-field#cert-date').locator('xpath=ancestor::form[1]').screenshot({ path: path.join(shots, 'roc-date-practicum-form-390.png') });
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('licheng-date-field#cert-date').locator('xpath=ancestor::form[1]').screenshot({ path: path.join(shots, 'roc-date-practicum-form-desktop.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the receipt details show 幹部等級 as its words and 出生日期 in 民國', async () => {
    const page = await newPage(browser, errors, { viewport: { width: 390, height: 844 } });
    await signIn(page, server.url, '陳怡君');
    await page.waitForURL('**/student');
    const reminder = page.locator('licheng-receipt-reminder');
    await reminder.getByRole('button', { name: '查看明細' }).click();
    const cadre = reminder.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /校內幹部經歷/ }) });
    await cadre.getByText('收到的內容').click();
    const table = cadre.getByRole('table', { name: '幹部經歷' });
    expect(await table.getByRole('cell').allTextContents()).toContain('班級幹部');
    const birth = await cadre.locator('dl div', { hasText: '出生日期' }).locator('dd').textContent();
    expect(birth).toMatch(/^\d{3}\/\d{2}\/\d{2}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await cadre.screenshot({ path: path.join(shots, 'receipt-details-words-390.png') });
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the receipt desk takes its confirmation window in 民國', async () => {
    const page = await newPage(browser, errors);
    await signIn(page, server.url, '註冊組 林組長');
    await page.waitForURL('**/registry');
    await page.locator('licheng-portal nav a', { hasText: '收訖確認' }).click();
    await page.waitForURL('**/receipt');
    const desk = page.locator('licheng-receipt-desk');
    const start = desk.getByRole('textbox', { name: '確認期間開始日' });
    await start.fill('1151201');
    await start.press('Tab');
    const end = desk.getByRole('textbox', { name: '確認期間結束日' });
    await end.fill('115/12/07');
    await end.press('Tab');
    await desk.getByText('民國 115/12/01 至 115/12/07，共 7 天').waitFor();
    const section = desk.locator('[part="import"]');
    await section.screenshot({ path: path.join(shots, 'roc-date-receipt-desk-desktop.png') });
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await section.screenshot({ path: path.join(shots, 'roc-date-receipt-desk-390.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
