import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoInChromium, expectAccessible, newPage, signIn } from '../support/browser.ts';
import { demoToken } from '../support/server.ts';
import { query } from '../support/trpc.ts';

/**
 * 自傳與學習計畫 in Chromium against the demo server: 蔡欣妤 (102 班 1 號) writes her autobiography,
 * saves it twice and submits it; her homeroom teacher 李志明 returns it with a comment; she fixes
 * it and submits again; he sees what changed and passes it — and her portfolio shows it passed.
 * Typed with the keyboard; each screen checked with axe.
 */
describe('自傳與學習計畫 in the browser', () => {
  const demo = demoInChromium();

  async function openAs(name: string): Promise<Page> {
    const page = await newPage(demo.browser, demo.errors);
    await signIn(page, demo.server.url, name);
    await page.locator('licheng-portal nav a', { hasText: '自傳與學習計畫' }).click();
    await page.waitForURL('**/autobiography');
    return page;
  }

  /** Presses a button by its name with the keyboard: focus, then Enter. */
  async function press(page: Page, name: string | RegExp) {
    const button = page.getByRole('button', { name, exact: typeof name === 'string' });
    await button.focus();
    await page.keyboard.press('Enter');
  }

  /** The id of the element focus is on, looking into shadow roots. */
  const focusedId = (page: Page) =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.id ?? '';
    });

  const note = (page: Page) => page.locator('licheng-autobiography-editor #editor-note, licheng-autobiography-checks #checks-note');

  it('the student writes, saves twice and submits', async () => {
    const page = await openAs('蔡欣妤');
    const text = page.getByRole('textbox', { name: '內容' });
    await text.focus();
    await page.keyboard.type('我是蔡欣妤，喜歡生物。');
    await page.getByText('11 / 3000 字').waitFor();
    await press(page, '儲存草稿');
    await note(page).getByText('已儲存第 1 版草稿（11 字）').waitFor();
    // Focus lands on the message saying what happened.
    await expect.poll(() => focusedId(page)).toBe('editor-note');
    await text.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('高一參加生物營。');
    await press(page, '儲存草稿');
    await note(page).getByText('已儲存第 2 版草稿').waitFor();
    expect(await page.locator('licheng-autobiography-editor ol.versions li').count()).toBe(2);
    await press(page, '送出檢核');
    await note(page).getByText('已送出第 2 版給導師檢核').waitFor();
    expect(await text.isDisabled()).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it('the homeroom teacher returns it with a comment', async () => {
    const page = await openAs('李志明');
    await press(page, /^開啟 102 班 1 號 蔡欣妤 的自傳/);
    await page.getByRole('heading', { name: /蔡欣妤：自傳（中文） 第 2 版/ }).waitFor();
    expect(await page.getByRole('button', { name: '退回修改' }).isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: /意見/ }).focus();
    await page.keyboard.type('請寫出生物營中印象最深的事。');
    await press(page, '退回修改');
    await note(page).getByText(/已退回修改：102 班 1 號 蔡欣妤 的自傳（中文）第 2 版/).waitFor();
    await expect.poll(() => focusedId(page)).toBe('checks-note');
    await expectAccessible(page);
    await page.context().close();
  });

  it('the student reads the comment, fixes it and submits again', async () => {
    const page = await openAs('蔡欣妤');
    await page.getByText('狀態：退回修改').waitFor();
    await page.getByText(/請寫出生物營中印象最深的事。/).first().waitFor();
    const text = page.getByRole('textbox', { name: '內容' });
    await text.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('營隊中解剖魚的經驗讓我想讀生命科學。');
    await press(page, '儲存草稿');
    await note(page).getByText('已儲存第 3 版草稿').waitFor();
    await press(page, '送出檢核');
    await note(page).getByText('已送出第 3 版給導師檢核').waitFor();
    await page.context().close();
  });

  it('the teacher sees what changed and passes it; the portfolio shows it passed', async () => {
    const page = await openAs('李志明');
    await press(page, /^開啟 102 班 1 號 蔡欣妤 的自傳/);
    await page.getByRole('heading', { name: '與第 2 版（退回修改）相比' }).waitFor();
    await page.locator('licheng-autobiography-checks .diff ins', { hasText: '營隊中解剖魚的經驗讓我想讀生命科學。' }).waitFor();
    await press(page, '通過');
    await note(page).getByText(/已通過：102 班 1 號 蔡欣妤 的自傳（中文）第 3 版/).waitFor();
    await press(page, '回到清單');
    await expect.poll(() => focusedId(page)).toMatch(/^open-/);
    await page.locator('licheng-autobiography-checks tr', { hasText: '蔡欣妤' }).getByText('剛完成').waitFor();
    await page.context().close();

    const token = await demoToken(demo.server, 'demo-s-102-1');
    const portfolio = await query(demo.server.url, 'student.portfolio.get', token);
    const records = portfolio.semesters.flatMap((s: { records: Array<{ kind: string; status: string }> }) => s.records);
    expect(records.filter((r: { kind: string }) => r.kind === 'autobiography')).toEqual([expect.objectContaining({ status: 'passed' })]);
    expect(demo.errors).toEqual([]);
  });
});
