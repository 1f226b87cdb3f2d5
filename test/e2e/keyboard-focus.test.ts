import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from '../support/browser.ts';
import { expectFocus, focused, signInByKeyboard, tabTo } from '../support/keyboard.ts';
import { startDemoServer, type StartedServer } from '../support/server.ts';

/**
 * A keyboard-only user (Tab, Shift+Tab, Enter, Space, typing; the file chooser is filled on the
 * focused file input) does the student's and the teacher's actions, and after each one focus
 * has landed on its outcome — never on the page body, where a screen reader loses its place.
 */
describe('focus after every action, keyboard only', () => {
  let server: StartedServer;
  let browser: Browser;
  let files: string;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-e2e-keyboard-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (files) fs.rmSync(files, { recursive: true, force: true });
  });

  it.each([
    { who: '學務處 黃主任', path: 'student-affairs', heading: /^學務處$/, loaded: { role: 'tab', name: '訓育組' } },
    { who: '訓育組 李組長', path: 'student-affairs', heading: /^學務處$/, loaded: { role: 'button', name: '新增一筆' } },
    { who: '輔導室 蔡組長', path: 'counseling', heading: /^輔導室與課程諮詢$/, loaded: { role: 'button', name: '新增一筆' } },
    { who: '圖書館 許主任', path: 'library', heading: /^圖書館：閱讀紀錄$/, loaded: { role: 'button', name: '新增一筆' } },
    { who: '註冊組 林組長', path: 'registry', heading: /^註冊組名冊作業$/, loaded: { role: 'button', name: '產生名冊' } },
    { who: '教學組 蔡組長', path: 'curriculum', heading: /^教學組 課程計畫與開課預檢$/, loaded: { role: 'button', name: '執行預檢比對' } },
  ])('$who signs in and focus rests on the heading of their own desk once it has loaded', async ({ who, path: office, heading, loaded }) => {
    const page = await newPage(browser, errors);
    await signInByKeyboard(page, server.url, who);
    await page.waitForURL(`**/${office}`);
    // The desk has loaded what it shows (a heading replaced while loading would drop focus to the body).
    await page.getByRole(loaded.role as 'tab' | 'button', { name: loaded.name, exact: true }).first().waitFor();
    await expectFocus(page, { role: 'heading', name: heading });
    await page.context().close();
  });

  it('student: sign-in, upload, selection save and receipt confirmation each land focus on their outcome', async () => {
    const page = await newPage(browser, errors);
    await signInByKeyboard(page, server.url, '陳怡君');
    await page.waitForURL('**/student');
    // Signed in: the heading of the screen that appeared.
    await expectFocus(page, { role: 'heading', name: /^課程學習成果與多元表現$/ });

    // Upload.
    await tabTo(page, (f) => f.role === 'button' && f.name === '上傳成果');
    await page.keyboard.press('Enter');
    await expectFocus(page, { role: 'heading', name: /上傳課程學習成果/ });
    // The course list is disabled while it loads (載入中…): wait for the courses before choosing one.
    await page.locator('licheng-outcome-upload select#course option[value]:not([value=""])').first().waitFor({ state: 'attached' });
    await tabTo(page, (f) => f.id === 'course');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, (f) => f.id === 'summary');
    await page.keyboard.type('鍵盤操作：校園植物調查');
    await tabTo(page, (f) => f.type === 'file');
    const pdf = path.join(files, '報告.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const input = (await page.evaluateHandle(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el;
    })).asElement()!;
    await input.setInputFiles(pdf);
    await tabTo(page, (f) => f.role === 'button' && f.name === '送出成果');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'upload-done', text: /已上傳「.+」的成果/ });

    // Selection save.
    await tabTo(page, (f) => f.role === 'button' && f.name === '勾選成果', { back: true });
    await page.keyboard.press('Enter');
    await expectFocus(page, { role: 'heading', name: /勾選課程學習成果/ });
    await tabTo(page, (f) => f.role === 'checkbox');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.role === 'button' && f.name === '儲存勾選');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'selection-saved', text: /已儲存勾選：1 件/ });

    // Receipt confirmation (收訖確認).
    await tabTo(page, (f) => f.role === 'button' && f.name.startsWith('全部確認無誤'));
    await page.keyboard.press('Enter');
    await expectFocus(page, { role: 'status', id: 'reminder-status', text: /^已確認：/ });
    await page.context().close();
  });

  it('student: 我的成績 by the nav, an appeal opened, written and sent, each landing focus on its outcome', async () => {
    const page = await newPage(browser, errors);
    await signInByKeyboard(page, server.url, '林承恩');
    await page.waitForURL('**/student');
    // The student's screen has loaded (its heading took focus), so the nav is not redrawn under the key.
    await expectFocus(page, { role: 'heading', name: /^課程學習成果與多元表現$/ });
    await tabTo(page, (f) => f.role === 'link' && f.name === '我的成績');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/registry');
    await expectFocus(page, { role: 'heading', name: /^我的成績與複查$/ });
    await tabTo(page, (f) => f.role === 'button' && f.name === '提出複查');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'appeal-text' });
    await page.keyboard.type('期末考卷分數加總有誤');
    await tabTo(page, (f) => f.role === 'button' && f.name === '送出複查');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'mine-sent', text: /^已送出.+的複查申請/ });
    await page.context().close();
  });

  it('teacher: pass, fail with a reason, reopen and pass-selected (after its count confirmation) each land focus on their outcome', async () => {
    const page = await newPage(browser, errors);
    await signInByKeyboard(page, server.url, '李志明');
    await page.waitForURL('**/teaching');
    await expectFocus(page, { role: 'heading', name: /課程學習成果認證/ });

    // Pass: the item leaves the pending list, focus is on the message that says so.
    const passed = await tabTo(page, (f) => f.role === 'button' && f.name.startsWith('通過：'));
    const student = passed.name.replace(/^通過：/, '');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'outcome', text: new RegExp(`已通過.*${student.split(' ').pop()}`) });

    // Fail with a reason, in the dialog.
    await tabTo(page, (f) => f.role === 'button' && f.name.startsWith('未通過：'));
    await page.keyboard.press('Enter');
    await expectFocus(page, { role: 'textbox', id: 'reason' });
    await page.keyboard.type('請附上完整的解題過程');
    await tabTo(page, (f) => f.role === 'button' && f.name === '確認未通過');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'outcome', text: /未通過/ });

    // Show every status, then reopen the decision just taken (pass): focus on the item's new status.
    await tabTo(page, (f) => f.id === 'status', { back: true });
    await page.keyboard.press('End');
    await tabTo(page, (f) => f.role === 'button' && f.name === `撤回決定：${student}`);
    await page.keyboard.press('Enter');
    await expectFocus(page, { role: 'textbox', id: 'reopen-reason' });
    await page.keyboard.type('誤按通過');
    await tabTo(page, (f) => f.role === 'button' && f.name === '確認撤回');
    await page.keyboard.press('Enter');
    await expectFocus(page, { statusOf: true, text: /認證中.*已撤回決定：誤按通過/ });

    // Pass selected: tick it, the dialog says how many, then focus on the result.
    await tabTo(page, (f) => f.role === 'checkbox' && f.name === `選取 ${student} 的成果`);
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.role === 'button' && f.name === '通過所選（1 件）');
    await page.keyboard.press('Enter');
    const confirm = await tabTo(page, (f) => f.role === 'button' && f.name === '通過 1 件');
    expect(confirm.name).toBe('通過 1 件');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'outcome', text: /批次認證完成：通過 1 件/ });
    await page.context().close();
  });

  it('raised no script errors', () => {
    expect(errors).toEqual([]);
  });
});
