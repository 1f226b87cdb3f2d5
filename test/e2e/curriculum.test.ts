import { academicTermOf } from '@licheng/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, newPage, signIn } from '../support/browser.ts';
import { startDemoServer, type StartedServer } from '../support/server.ts';

/**
 * 教學組 in Chromium against the demo server: 蔡組長 sees the demo's plan versions and the warning
 * that the plan changed after the last pre-check; checks a plan sheet with a bad row (refused by
 * row and column), then a good one and imports it as the next version; runs the pre-check and sees
 * each kind of 「不同」 — by roles and names, as people see them. Each screen checked with axe.
 */
describe('教學組 course plan and pre-check in the browser', () => {
  let server: StartedServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const { academicYear: year } = academicTermOf(new Date());
  const code = (tail: string) => `108999901E22L01${tail}`;
  const header = '實施學年度,課程類型,課程代碼,科目名稱,授課學期學分節數,授課學期開課方式,課程屬性';

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await newPage(browser, errors);
    await signIn(page, server.url, '教學組 蔡組長');
    await page.waitForURL('**/curriculum');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const desk = () => page.locator('licheng-curriculum-desk');
  const choose = (name: string, text: string) =>
    desk().locator('licheng-file-field input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') });

  it('shows the versions and that the plan changed after the last pre-check', async () => {
    const versions = desk().getByRole('table', { name: '課程計畫版本' });
    await versions.waitFor();
    expect(await versions.getByRole('row').count()).toBe(4);
    await desk().getByText(`課程計畫在上次比對後已變更（${year} 學年度第 2 版），請重新執行預檢比對。`).waitFor();
    expect(await desk().getByRole('button', { name: '匯入課程計畫' }).isDisabled()).toBe(true);
    await expectAccessible(page);
  });

  it('refuses a sheet with a bad row by row and column, then imports a good one as version 3', async () => {
    await choose('plan.csv', `${header}\n${year},日間部,${code('0101010')},國語文,444400,1111--,1101\n`);
    await desk().getByRole('button', { name: '檢查檔案' }).click();
    const report = desk().getByRole('table', { name: '檢查結果' });
    await report.waitFor();
    expect(await report.getByRole('row').nth(1).textContent()).toContain('課程代碼');
    expect(await report.getByRole('row').nth(1).textContent()).toContain('應為 23 碼');
    expect(await desk().getByRole('button', { name: '匯入課程計畫' }).isDisabled()).toBe(true);

    const good = [
      `${year},日間部,${code('01010101')},國語文,444400,1111--,1101`,
      `${year},日間部,${code('01010201')},數學,444400,1111--,1102`,
      `${year},日間部,${code('01010402')},物理,220000,11----,1104`,
      `${year},日間部,${code('03010702')},資訊科技,220000,11----,3107`,
    ];
    await choose('plan-fixed.csv', `${header}\n${good.join('\n')}\n`);
    await desk().getByRole('button', { name: '檢查檔案' }).click();
    await desk().getByText('檢查完成：4 列，4 門課程沒有問題，可以匯入。').waitFor();
    await desk().getByRole('button', { name: '匯入課程計畫' }).click();
    await desk().getByText(`已匯入 ${year} 學年度課程計畫第 3 版（4 門課程）。`).waitFor();
    await desk().getByText('與第 2 版相比：新增 0、刪除 1、變更 1 門。').waitFor();
    await desk().getByRole('button', { name: `查看變更：${year} 學年度第 3 版` }).click();
    const changes = desk().getByRole('table', { name: '變更的課程' });
    expect(await changes.textContent()).toContain('專題實作');
    expect(await changes.textContent()).toContain('科目名稱：數學A → 數學');
  });

  it('runs the pre-check and shows every kind of 「不同」 of the demo plan', async () => {
    await desk().getByRole('button', { name: '執行預檢比對' }).click();
    await desk().getByText(/^預檢完成：共 \d+ 筆不同。$/).waitFor();
    // Version 3 still leaves 101 in a group (A) the plan has no course of.
    await desk().getByRole('table', { name: /^班群不符/ }).waitFor();
    expect(await desk().getByText(/課程計畫在上次比對後已變更/).count()).toBe(0);

    // The demo's first run, against version 1: each kind of difference, grouped, with who fixes it.
    const runs = desk().getByLabel('比對紀錄');
    const options = await runs.locator('option').allTextContents();
    await runs.selectOption({ index: options.length - 1 });
    for (const name of ['該學期學分不同（2 筆）', '科目名稱與報部名稱不同（2 筆）', '課程代碼不在課程計畫（2 筆）', '班群不符（1 筆）', '必修課程未修（8 筆）']) {
      await desk().getByRole('table', { name }).waitFor();
    }
    const required = desk().getByRole('table', { name: '必修課程未修（8 筆）' });
    expect(await required.getByRole('row').nth(1).textContent()).toContain('註冊組');
    expect(await desk().getByRole('table', { name: '該學期學分不同（2 筆）' }).getByRole('row').nth(1).textContent()).toContain('物理');

    await desk().getByLabel('只看項目').selectOption('unknown-code');
    expect(await desk().locator('[part="check"] table').count()).toBe(1);
    await desk().getByRole('table', { name: '課程代碼不在課程計畫（2 筆）' }).waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });
});
