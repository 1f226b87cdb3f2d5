import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, newPage } from '../support/browser.ts';
import { expectFocus, focused, signInByKeyboard, tabTo } from '../support/keyboard.ts';
import { startDemoServer, type StartedServer } from '../support/server.ts';

/**
 * 工作小組 in Chromium against the demo server, by keyboard only: 張主任 sees that no meeting has
 * been held this semester, records today's meeting (place, agenda, a decision, every member's
 * attendance) on the tab 成員與會議 with Tab, the arrow keys, typing, Space and Enter, lands on the outcome, and the warning is gone.
 */
describe('the working group records a meeting by keyboard', () => {
  let server: StartedServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const rocToday = `${Number(today.slice(0, 4)) - 1911}/${today.slice(5, 7)}/${today.slice(8, 10)}`;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await newPage(browser, errors);
    await signInByKeyboard(page, server.url, '教務處 張主任');
    await page.waitForURL('**/working-group');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const meetings = () => page.locator('licheng-group-meetings');

  it('warns that this semester has had no meeting', async () => {
    // The desk opens on 作業期程; the arrow keys select 進度, then 成員與會議, and its sections load.
    await tabTo(page, (f) => f.role === 'tab' && f.name === '作業期程');
    await page.keyboard.press('ArrowRight');
    await expectFocus(page, { role: 'tab', id: 'tab-progress' });
    await page.keyboard.press('ArrowRight');
    await expectFocus(page, { role: 'tab', id: 'tab-group' });
    await meetings().locator('licheng-notice#meetings-warning').getByText(/學期尚未召開工作小組會議/).waitFor();
    await meetings().getByText(/學年度尚未登錄會議。/).waitFor();
    await expectAccessible(page);
  });

  it('records today’s meeting with a decision and every member’s attendance, and the warning goes away', async () => {
    await tabTo(page, (f) => f.role === 'textbox' && f.name.includes('會議日期'), { max: 300 });
    await page.keyboard.type(rocToday);
    await tabTo(page, (f) => f.name === '地點');
    await page.keyboard.type('行政大樓第一會議室');
    await tabTo(page, (f) => f.name === '議程');
    await page.keyboard.type('一、本學期作業期程');
    await tabTo(page, (f) => f.name === '會議紀錄');
    await page.keyboard.type('照案通過。');
    await tabTo(page, (f) => f.role === 'button' && f.name === '新增一項決議');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'decision-0' });
    await page.keyboard.type('期末前完成教師認證提醒');
    await tabTo(page, (f) => f.name === '負責人（選填）');
    await page.keyboard.type('教學組');

    // Each member's attendance: Tab into the member's choices, Space ticks 出席; the second member is excused (arrow to 請假).
    let ticked = 0;
    for (;;) {
      const f = await tabTo(page, (x) => (x.tag === 'input' && x.type === 'radio') || (x.role === 'button' && x.name === '儲存會議'));
      if (f.type !== 'radio') break;
      if (ticked === 1) await page.keyboard.press('ArrowRight');
      else await page.keyboard.press('Space');
      ticked += 1;
    }
    expect(ticked).toBe(14);
    expect((await focused(page)).name).toBe('儲存會議');
    await page.keyboard.press('Enter');

    await expectFocus(page, { id: 'meetings-note', text: new RegExp(`已儲存 ${rocToday} 的會議`) });
    await meetings().locator('#meetings-warning').getByText('近兩學年每學期都已召開會議。').waitFor();
    const row = meetings().getByRole('row', { name: new RegExp(rocToday) });
    expect(await row.textContent()).toContain('出席 13、請假 1、缺席 0');
    expect(await row.textContent()).toContain('1 項');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });
});
