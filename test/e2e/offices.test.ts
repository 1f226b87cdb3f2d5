import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, newPage, signIn } from '../support/browser.ts';
import { startDemoServer, type StartedServer } from '../support/server.ts';

/**
 * The receipt, homeroom and working-group offices in Chromium against the started demo server
 * (whose class 101 has last term's receipt open for confirmation): a student confirms what the
 * central database received from the reminder shown above every screen, the registry sees the
 * confirmation on its desk, the homeroom teacher follows the class, and the working group
 * publishes the schedule. Each screen is checked with axe.
 */
describe('the receipt, homeroom and working-group offices in the browser', () => {
  let server: StartedServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });



  /** The registry desk's progress row of a roster: [students, confirmed, issue, pending, deemed]. */
  async function receiptProgress(page: Page, roster: string): Promise<string[]> {
    const row = page.locator('licheng-receipt-desk tr', { hasText: roster });
    await row.waitFor();
    return (await row.locator('td').allTextContents()).slice(-5).map((s) => s.trim());
  }

  it('the registry sees last term’s receipt with nothing confirmed yet by seat 1', async () => {
    const page = await newPage(browser, errors);
    await signIn(page, server.url, '註冊組 林組長');
    await page.waitForURL('**/registry');
    await page.locator('licheng-portal nav a', { hasText: '收訖確認' }).click();
    await page.waitForURL('**/receipt');
    expect(await receiptProgress(page, '校內幹部經歷')).toEqual(['2', '1', '0', '1', '0']);
    await expectAccessible(page);
    await page.context().close();
  });

  it('a student of class 101 sees the reminder on signing in and confirms everything', async () => {
    const page = await newPage(browser, errors);
    await signIn(page, server.url, '陳怡君');
    await page.waitForURL('**/student');
    const reminder = page.locator('licheng-receipt-reminder');
    await reminder.getByRole('heading', { name: '請確認收訖明細' }).waitFor();
    await reminder.getByText('您尚未完成確認：校內幹部經歷、課程學習成果。').waitFor();
    await expectAccessible(page);
    await reminder.getByRole('button', { name: /全部確認無誤/ }).click();
    await reminder.getByRole('status').filter({ hasText: /已確認/ }).waitFor();
    await page.context().close();
  });

  it('the registry desk counts the confirmation', async () => {
    const page = await newPage(browser, errors);
    await signIn(page, server.url, '註冊組 林組長');
    await page.waitForURL('**/registry');
    await page.locator('licheng-portal nav a', { hasText: '收訖確認' }).click();
    expect(await receiptProgress(page, '校內幹部經歷')).toEqual(['2', '2', '0', '0', '0']);
    await page.context().close();
  });

  it('the homeroom teacher of 101 follows the class', async () => {
    const page = await newPage(browser, errors);
    await signIn(page, server.url, '王美玲');
    await page.waitForURL('**/teaching');
    await page.locator('licheng-portal nav a', { hasText: '導師' }).click();
    await page.waitForURL('**/homeroom');
    const progress = page.locator('licheng-class-progress');
    await progress.getByRole('table').waitFor();
    expect(await progress.getByRole('row').count()).toBe(9); // a header and the class's eight students
    await progress.getByText(/全班 8 人/).first().waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('the working group publishes the schedule', async () => {
    const page = await newPage(browser, errors);
    await signIn(page, server.url, '教務處 張主任');
    await page.waitForURL('**/working-group');
    const schedule = page.locator('licheng-schedule');
    await schedule.getByRole('table').waitFor();
    await schedule.getByRole('rowheader', { name: '課程學習成果上傳' }).or(schedule.getByRole('cell', { name: '課程學習成果上傳' })).first().waitFor();
    await expectAccessible(page);
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
