import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { academicTermOf, taipeiDate } from '@licheng/core';
import { receiptZip, rosterJson, sha256 } from '@licheng/plugin-receipt/testing';
import { demoInChromium, expectAccessible, newPage } from '../support/browser.ts';
import { expectFocus } from '../support/keyboard.ts';

const STUDENT = '陳怡君';
/** A 102 student whose resubmitted 國語文 outcome 王美玲 passes: their row comes back as submitted. */
const OTHER = '楊柏翰';
const TEACHER = '王美玲';
const SUMMARY = '閱讀心得：〈背影〉中的父愛';
const RECEIVED = '閱讀心得';
const PASSWORD = 'Rc#115收訖';
/** The demo school's code (apps/server's demo configuration). */
const SCHOOL = '999901';
const ISSUE = '收到的成果簡述只剩「閱讀心得」，少了篇名〈背影〉中的父愛。';
const ANSWER = '已查明：上傳時成果簡述被截斷，已更正，下次提交名冊時一併送出。';

/**
 * The receipt loop (收訖明細) in Chromium against the started demo server, as its people do it
 * on their screens: the registry marks roster 26 課程學習成果 submitted; the central database's
 * password-protected receipt of it comes back (built by the receipt office's testing package from
 * the workbook submitted, one student's 成果簡述 cut short) and the registry imports it and
 * reconciles it with the submission; the student raises an issue (疑義) on the item, it reaches
 * the teacher who certified the outcome above their screen, the teacher answers with a
 * correction, the student follows each step, and the registry's 與上次提交的差異 lists the
 * correction waiting for resubmission. After each action focus lands on its outcome; each screen
 * is checked with axe.
 */
describe('the receipt loop: submitted, received, reconciled, questioned, corrected', () => {
  const demo = demoInChromium();
  const term = academicTermOf(taipeiDate(new Date()));
  let submittedWorkbook = '';

  async function signInAs(name: string): Promise<Page> {
    const page = await newPage(demo.browser, demo.errors, { acceptDownloads: true });
    await page.goto(`${demo.server.url}/`);
    await page.getByRole('heading', { name: '登入示範平臺' }).waitFor();
    await page.getByRole('button', { name }).first().click();
    await page.getByRole('button', { name: '登出' }).waitFor();
    return page;
  }

  const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

  /** The new receipt's items in the student's reminder (the demo also holds last term's): the list after this academic year's heading and its window. */
  /** This year's receipt in the student's reminder: a region named by its heading. */
  const thisYearsReceipt = (page: Page) => page.locator('licheng-receipt-reminder').getByRole('region', { name: `${term.academicYear} 學年度收訖明細`, exact: true });

  /** The student selects (勾選) their certified 國語文 outcome for the year. */
  async function selectOutcome(name: string, summary: string) {
    const page = await signInAs(name);
    await page.getByRole('navigation', { name: '課程學習成果與多元表現功能' }).getByRole('button', { name: '勾選成果' }).click();
    await page.getByRole('checkbox', { name: new RegExp(summary.replace(/[()（）]/g, '.')) }).check();
    await page.getByRole('button', { name: '儲存勾選' }).click();
    await status(page, /已儲存勾選：\d+ 件。/).waitFor();
    await expectFocus(page, { id: 'selection-saved' });
    await page.context().close();
  }

  it('王美玲 passes 楊柏翰’s resubmitted outcome; both students select their certified outcome', async () => {
    const page = await signInAs(TEACHER);
    await page.getByRole('heading', { name: '課程學習成果認證' }).waitFor();
    await page.getByRole('row').filter({ hasText: `${SUMMARY}（修正版）` }).getByRole('button', { name: /^通過：/ }).click();
    await status(page, new RegExp(`已通過：.*${OTHER}／國語文 \\d+ 班`)).waitFor();
    await page.context().close();
    await selectOutcome(STUDENT, SUMMARY);
    await selectOutcome(OTHER, `${SUMMARY}（修正版）`);
  });

  it('the registry builds roster 26 and marks it submitted', async () => {
    const page = await signInAs('註冊組 林組長');
    await page.getByRole('heading', { name: '名冊提交' }).waitFor();
    // The demo's own submission: this term's 校內幹部經歷, in its roster's history.
    await page.getByRole('article', { name: '24 校內幹部經歷' }).getByText('提交紀錄（1）').waitFor();
    const roster = page.getByRole('article', { name: '26 課程學習成果' });
    await roster.getByRole('button', { name: '檢查' }).click();
    await roster.getByText(/檢查完成：\d+ 筆可提交/).waitFor();
    await expectFocus(page, { id: 'outcomes-regular-validation' });
    const [download] = await Promise.all([page.waitForEvent('download'), roster.getByRole('button', { name: '產生名冊' }).click()]);
    await roster.getByText(/已產生「.+」，共 \d+ 筆，已下載。/).waitFor();
    await expectFocus(page, { id: 'outcomes-regular-exported' });
    submittedWorkbook = path.join(demo.files, 'roster-26.xlsx');
    await download.saveAs(submittedWorkbook);
    await roster.getByRole('button', { name: '標記為已提交' }).click();
    await page.getByRole('dialog', { name: '確認已上傳至中央資料庫？' }).getByRole('button', { name: '確認已提交' }).click();
    await roster.getByText(/已記錄提交快照：「.+」，2 位學生、2 筆，/).waitFor();
    await expectFocus(page, { id: 'outcomes-regular-submitted' });
    await expectAccessible(page);
    await page.context().close();
  });

  /**
   * What the central database sends back for the submitted workbook: one entry per student with
   * their rows by sheet (identity columns once), the student's 成果簡述 cut short.
   */
  async function receiptOfSubmission(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(submittedWorkbook);
    const entries = new Map<string, Record<string, unknown>>();
    for (const sheet of book.worksheets.slice(1)) {
      let columns: string[] = [];
      sheet.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'text' in v ? String((v as { text: unknown }).text) : v));
        if (columns.length === 0) {
          if (values.includes('身分證號')) columns = values.map(String);
          return;
        }
        const cells = Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
        const id = String(cells['身分證號']);
        if (!id) return;
        const entry = entries.get(id) ?? { 身分證號: id, 出生日期: String(cells['出生日期']) };
        const { 身分證號: _id, 出生日期: _birth, ...rest } = cells;
        if (rest['成果簡述'] === SUMMARY) rest['成果簡述'] = RECEIVED;
        entry[sheet.name] = [...((entry[sheet.name] as unknown[] | undefined) ?? []), rest];
        entries.set(id, entry);
      });
    }
    expect(entries.size).toBe(2);
    const bytes = new Uint8Array(fs.readFileSync(submittedWorkbook));
    // The central database names the file by year, 學期 0 (a year roster) and the school's code.
    const name = `${term.academicYear}_0_${SCHOOL}_課程學習成果.json`;
    const json = rosterJson('課程學習成果', [...entries.values()], { 名稱: path.basename(submittedWorkbook), SHA: sha256(bytes) });
    return receiptZip({ [name]: json }, { password: PASSWORD });
  }

  it('the registry imports the password-protected receipt and reconciles it with the submission', async () => {
    const zip = await receiptOfSubmission();
    const zipFile = path.join(demo.files, `收訖明細_${term.academicYear}.zip`);
    fs.writeFileSync(zipFile, zip);
    const page = await signInAs('註冊組 林組長');
    await page.getByRole('link', { name: '收訖確認' }).click();
    const desk = page.locator('licheng-receipt-desk');
    await desk.getByRole('heading', { name: '匯入收訖明細' }).waitFor();
    await desk.getByLabel('收訖明細壓縮檔（.zip）', { exact: true }).setInputFiles(zipFile);
    await desk.getByLabel('壓縮檔密碼', { exact: true }).fill(PASSWORD);
    const today = taipeiDate(new Date());
    const start = desk.getByRole('textbox', { name: '確認期間開始日' });
    await start.fill(today);
    await start.press('Tab');
    const end = desk.getByRole('textbox', { name: '確認期間結束日' });
    const week = new Date(`${today}T04:00:00Z`);
    week.setUTCDate(week.getUTCDate() + 6);
    await end.fill(week.toISOString().slice(0, 10));
    await end.press('Tab');
    await desk.getByRole('button', { name: '匯入', exact: true }).click();
    await desk.getByText(/^已匯入：1 份名冊，共 \d+ 項待學生確認。$/).waitFor();
    await expectFocus(page, { text: /^已匯入：1 份名冊/ });

    await desk.getByRole('button', { name: '比對', exact: true }).click();
    const result = desk.locator('#reconcile-result');
    await result.getByText('比對完成：1 份名冊。').waitFor();
    await expectFocus(page, { id: 'reconcile-result' });
    const row = result.getByRole('row', { name: /26 課程學習成果/ });
    // 與提交相同, 提交了但未收到, 收到但未提交, 內容不同: 楊柏翰 as submitted, 陳怡君 different.
    expect((await row.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual(['1', '0', '0', '1']);
    expect(await result.getByText(OTHER).count()).toBe(0); // arrived students are only counted
    await result.getByText(new RegExp(`${STUDENT}（\\d+）：內容不同`)).waitFor();
    await result.getByText(`成果簡述：提交「${SUMMARY}」，收到「${RECEIVED}」`).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('the student raises an issue on the 課程學習成果 item and sees it routed to the certifying teacher', async () => {
    const page = await signInAs(STUDENT);
    const reminder = page.getByRole('region', { name: '請確認收訖明細' });
    await reminder.getByRole('button', { name: '查看明細' }).click();
    const receipt = thisYearsReceipt(page);
    await receipt.getByRole('button', { name: `提出問題：課程學習成果（${term.academicYear} 學年度）` }).click();
    await receipt.getByRole('textbox', { name: '請說明「課程學習成果」哪裡有誤' }).fill(ISSUE);
    await receipt.getByRole('button', { name: '送出問題' }).click();
    await status(page, `已送出「課程學習成果」的問題，轉交任課教師 ${TEACHER}處理。`).waitFor();
    const steps = await expectFocus(page, { name: /問題處理進度/ });
    expect(steps.text).toContain(ISSUE);
    expect(steps.text).toContain(TEACHER);
    expect(steps.text).toContain('等待承辦單位回覆');
    await expectAccessible(page);
    await page.context().close();
  });

  it('the issue reaches 王美玲 above her screen, and she answers with a correction', async () => {
    const page = await signInAs(TEACHER);
    const routed = page.locator('licheng-receipt-issues-reminder');
    await routed.getByRole('heading', { name: '學生提出的問題' }).waitFor();
    const row = routed.getByRole('row').filter({ hasText: ISSUE });
    await row.getByText(TEACHER).waitFor();
    await expectAccessible(page);
    await row.getByRole('button', { name: new RegExp(`^回覆：101 班 \\d+ 號 ${STUDENT}`) }).click();
    await expectFocus(page, { id: 'answer-text' });
    await routed.getByRole('textbox', { name: '回覆學生（查明的結果、更正了什麼）' }).fill(ANSWER);
    await routed.getByRole('radio', { name: '已更正：下次提交名冊時一併送出更正' }).check();
    await routed.getByRole('button', { name: '送出回覆' }).click();
    await routed.getByRole('status').filter({ hasText: new RegExp(`已回覆：101 班 \\d+ 號 ${STUDENT}（課程學習成果），並標記於下次提交時更正。`) }).waitFor();
    // Focus moves on to the issue left to answer: the one the demo's 黃子晴 raised on last term's receipt.
    await expectFocus(page, { role: 'button', name: /^回覆：101 班 3 號 黃子晴/ });
    await expect.poll(() => routed.getByRole('row').filter({ hasText: ISSUE }).count()).toBe(0);
    await page.context().close();
  });

  it('the student sees the answer, the correction and that it waits for the next submission', async () => {
    const page = await signInAs(STUDENT);
    const reminder = page.getByRole('region', { name: '請確認收訖明細' });
    await reminder.getByRole('button', { name: '查看明細' }).click();
    const steps = thisYearsReceipt(page).getByRole('list', { name: '問題處理進度' });
    await steps.getByText(ISSUE, { exact: false }).waitFor();
    await steps.getByText(`${TEACHER} 回覆：${ANSWER}`, { exact: false }).waitFor();
    await steps.getByText('已更正紀錄').waitFor();
    await steps.getByText('已標記於下次提交名冊時更正').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('the registry’s 與上次提交的差異 lists the correction waiting for resubmission', async () => {
    const page = await signInAs('註冊組 林組長');
    const roster = page.getByRole('article', { name: '26 課程學習成果' });
    await roster.getByRole('button', { name: '與上次提交的差異' }).click();
    const changes = page.locator('#outcomes-regular-changes');
    await changes.getByText(/^與 .+ 提交的內容相同。$/).waitFor();
    await changes.getByText('另有 1 筆收訖問題的更正等待重新提交。').waitFor();
    const waiting = changes.getByRole('list', { name: '另有 1 筆收訖問題的更正等待重新提交。' }).getByRole('listitem');
    expect(await waiting.count()).toBe(1);
    expect((await waiting.innerText()).trim()).toMatch(new RegExp(`^101 班 1 號 ${STUDENT}（\\d+）：課程學習成果，${TEACHER} 於 \\d{3}/\\d{2}/\\d{2} \\d{2}:\\d{2} 更正$`));
    await expectFocus(page, { id: 'outcomes-regular-changes' });
    await expectAccessible(page);
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    expect(demo.errors).toEqual([]);
  });
});
