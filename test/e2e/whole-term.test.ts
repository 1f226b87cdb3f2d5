import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoInChromium, newPage } from '../support/browser.ts';

const SUMMARY = '期末專題：校園步道無障礙調查';
const REASON = '檔案缺少調查結論，請補上後重新送出';

/**
 * A student's whole term in Chromium against the started standalone server, driven only by
 * roles, accessible names and visible text — as a screen-reader user finds their way, with no
 * CSS selector, id or test id: the student uploads an outcome, the teacher fails it with a
 * reason, the student reads the reason and resubmits a changed file, the teacher passes it, the
 * student selects it, the registry checks, exports and marks the roster submitted and the student confirms the receipt of
 * last term that the central database returned (imported by the registry when the demo starts).
 */
describe('a student’s whole term by roles and accessible names', () => {
  const demo = demoInChromium();

  /** Signs in on the demo sign-in page by the button that carries the user's name. */
  async function signInAs(name: string): Promise<Page> {
    const page = await newPage(demo.browser, demo.errors, { acceptDownloads: true });
    await page.goto(`${demo.server.url}/`);
    await page.getByRole('heading', { name: '登入示範平臺' }).waitFor();
    await page.getByRole('button', { name }).first().click();
    await page.getByRole('button', { name: '登出' }).waitFor();
    return page;
  }

  function pdfFile(name: string, text: string): string {
    const file = path.join(demo.files, name);
    fs.writeFileSync(file, `%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
    return file;
  }

  /** The status message (role=status) that says `text`. */
  const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

  it('the student uploads an outcome of 國語文', async () => {
    const page = await signInAs('陳怡君');
    await page.getByRole('heading', { name: '我的課程學習成果' }).waitFor();
    await page.getByRole('navigation', { name: '課程學習成果與多元表現功能' }).getByRole('button', { name: '上傳成果' }).click();
    const course = page.getByRole('combobox', { name: '課程' });
    await course.getByRole('option', { name: /^國語文/ }).first().waitFor({ state: 'attached' });
    const label = (await course.getByRole('option', { name: /^國語文/ }).first().textContent())!.trim();
    await course.selectOption({ label });
    await page.getByRole('textbox', { name: '成果簡述' }).fill(SUMMARY);
    await page.locator('licheng-outcome-upload').getByLabel('文件檔', { exact: true }).setInputFiles(pdfFile('調查報告.pdf', 'first draft'));
    await page.getByRole('button', { name: '送出成果' }).click();
    await status(page, '已上傳「國語文」的成果，等待任課教師認證。').waitFor();
    await page.context().close();
  });

  it('the 國語文 teacher fails it with a reason', async () => {
    const page = await signInAs('王美玲');
    await page.getByRole('heading', { name: '課程學習成果認證' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: SUMMARY });
    await row.getByRole('button', { name: /^未通過：/ }).click();
    // The dialog's fields are its slotted content: found by their names on the page, as a screen reader lists them.
    await page.getByRole('dialog', { name: '未通過認證' }).waitFor();
    await page.getByRole('textbox', { name: '未通過原因' }).fill(REASON);
    await page.getByRole('button', { name: '確認未通過' }).click();
    await status(page, /已設為未通過：.*陳怡君／國語文 \d+ 班/).waitFor();
    await page.context().close();
  });

  it('the student reads the reason and resubmits a changed file', async () => {
    const page = await signInAs('陳怡君');
    const row = page.getByRole('row').filter({ hasText: SUMMARY });
    await row.getByText(`未通過原因：${REASON}`).waitFor();
    await row.getByRole('button', { name: `修正並重新送出：國語文「${SUMMARY}」` }).click();
    await page.getByRole('heading', { name: '修正並重新送出' }).waitFor();
    await page.getByText(`任課教師的未通過原因：${REASON}`).waitFor();
    // The fix form names the file sent before, and refuses to send nothing new.
    await page.getByText('文件檔：調查報告.pdf').waitFor();
    await page.locator('licheng-outcome-upload').getByLabel('文件檔', { exact: true }).setInputFiles(pdfFile('調查報告-修正.pdf', 'with conclusions'));
    await page.getByRole('button', { name: '重新送出認證' }).click();
    await status(page, '已重新送出「國語文」的成果，等待任課教師再次認證。').waitFor();
    await page.getByRole('navigation', { name: '課程學習成果與多元表現功能' }).getByRole('button', { name: '我的成果' }).click();
    await page.getByRole('row').filter({ hasText: SUMMARY }).getByText('認證中').waitFor();
    await page.context().close();
  });

  it('the teacher passes the resubmitted outcome', async () => {
    const page = await signInAs('王美玲');
    const row = page.getByRole('row').filter({ hasText: SUMMARY });
    await row.getByRole('button', { name: /^通過：/ }).click();
    await status(page, /已通過：.*陳怡君／國語文 \d+ 班/).waitFor();
    await page.context().close();
  });

  it('the student selects it and saves the selection', async () => {
    const page = await signInAs('陳怡君');
    await page.getByRole('row').filter({ hasText: SUMMARY }).getByRole('cell', { name: /^通過/ }).waitFor();
    await page.getByRole('navigation', { name: '課程學習成果與多元表現功能' }).getByRole('button', { name: '勾選成果' }).click();
    const box = page.getByRole('checkbox', { name: new RegExp(SUMMARY) });
    await box.check();
    await page.getByRole('button', { name: '儲存勾選' }).click();
    await status(page, /已儲存勾選：\d+ 件。/).waitFor();
    await page.context().close();
  });

  it('the registry checks roster 26, builds it, it holds the outcome, and marks it submitted', async () => {
    const page = await signInAs('註冊組 林組長');
    await page.getByRole('heading', { name: '註冊組名冊作業' }).waitFor();
    await page.getByRole('heading', { name: '名冊提交' }).waitFor();
    const roster = page.getByRole('article', { name: '26 課程學習成果' });
    await roster.getByRole('button', { name: '檢查' }).click();
    await roster.getByText(/檢查完成：\d+ 筆可提交/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), roster.getByRole('button', { name: '產生名冊' }).click()]);
    await roster.getByText(/已產生「.+」，共 \d+ 筆，已下載。/).waitFor();
    const saved = path.join(demo.files, 'roster.xlsx');
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const rows: string[] = [];
    book.worksheets[1]!.eachRow((r) => rows.push(JSON.stringify(r.values)));
    expect(rows.join('\n')).toContain(SUMMARY);
    // Uploaded to the central database: the office marks it submitted, after confirming, and its snapshot is listed.
    await roster.getByRole('button', { name: '標記為已提交' }).click();
    await page.getByRole('dialog', { name: '確認已上傳至中央資料庫？' }).getByRole('button', { name: '確認已提交' }).click();
    await roster.getByText(/已記錄提交快照：/).waitFor();
    await roster.getByRole('button', { name: '與上次提交的差異' }).click();
    await roster.getByText(/與 .+ 提交的內容相同。/).waitFor();
    await page.context().close();
  });

  it('the student confirms the receipt the central database returned', async () => {
    const page = await signInAs('陳怡君');
    const reminder = page.getByRole('region', { name: '請確認收訖明細' });
    await reminder.getByRole('button', { name: '查看明細' }).click();
    await reminder.getByRole('button', { name: /^全部確認無誤/ }).click();
    await reminder.getByRole('status').filter({ hasText: /已確認：/ }).waitFor();
    await reminder.getByText('您已完成本次收訖明細的確認，謝謝！').waitFor();
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    expect(demo.errors).toEqual([]);
  });
});
