import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, demoInChromium, newPage, signIn } from '../support/browser.ts';

const SUMMARY = '端對端測試：校園植物調查報告';

/**
 * A person does the whole loop in Chromium against the started standalone server: the student
 * uploads, the subject teacher passes it, the student selects it, the registry exports the
 * roster and the downloaded workbook holds it. Each screen is also checked with axe.
 */
describe('the loop in the browser', () => {
  const demo = demoInChromium();



  let teacherName = '';

  it('the student uploads an outcome with a PDF and sees it pending (認證中)', async () => {
    const page = await newPage(demo.browser, demo.errors, { acceptDownloads: true });
    await signIn(page, demo.server.url, '陳怡君');
    await page.waitForURL('**/student');
    await page.getByRole('heading', { name: '我的課程學習成果' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: '上傳成果', exact: true }).click();
    const select = page.locator('licheng-outcome-upload select#course');
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    const option = select.locator('option').nth(1);
    const subject = ((await option.textContent()) ?? '').split(/[（(]/)[0]!.trim();
    await select.selectOption((await option.getAttribute('value'))!);
    await page.locator('licheng-outcome-upload textarea#summary').fill(SUMMARY);
    const pdf = path.join(demo.files, '報告.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.locator('licheng-outcome-upload licheng-file-field[name="document"] input[type="file"]').setInputFiles(pdf);
    await expectAccessible(page);
    await page.locator('licheng-outcome-upload button[type="submit"]').click();
    await page.getByText(`已上傳「${subject}」的成果，等待任課教師認證。`).waitFor();
    await page.getByRole('button', { name: '我的成果' }).click();
    await page.locator('licheng-my-outcomes tr', { hasText: SUMMARY }).getByText('認證中').waitFor();
    // Whose course it is decides who certifies it.
    const users = (await (await fetch(`${demo.server.url}/demo/users`)).json()) as Array<{ name: string; roles: string[] }>;
    const subjectsByTeacher: Record<string, string> = { 國語文: '王美玲', 數學: '李志明', 物理: '周怡安', 資訊科技: '郭建宏' };
    teacherName = subjectsByTeacher[subject]!;
    expect(users.some((u) => u.name === teacherName)).toBe(true);
    await page.context().close();
  });

  it('the subject teacher opens the queue and passes the item', async () => {
    const page = await newPage(demo.browser, demo.errors, { acceptDownloads: true });
    await signIn(page, demo.server.url, teacherName);
    await page.waitForURL('**/teaching');
    await page.getByRole('heading', { name: '課程學習成果認證' }).waitFor();
    const row = page.locator('licheng-certification-queue tr', { hasText: SUMMARY });
    await row.waitFor();
    await expectAccessible(page);
    await row.getByRole('button', { name: /^通過：/ }).click();
    await page.getByText(/已通過：.*陳怡君/).first().waitFor();
    await page.context().close();
  });

  it('the student selects the passed outcome for the year', async () => {
    const page = await newPage(demo.browser, demo.errors, { acceptDownloads: true });
    await signIn(page, demo.server.url, '陳怡君');
    await page.waitForURL('**/student');
    await page.getByRole('button', { name: '勾選成果' }).click();
    const box = page.locator('licheng-outcome-selection label', { hasText: SUMMARY }).locator('input[type="checkbox"]');
    await box.waitFor();
    await box.check();
    await expectAccessible(page);
    await page.locator('licheng-outcome-selection button[type="submit"]').click();
    await page.getByText(/已儲存勾選：\d+ 件。/).waitFor();
    await page.context().close();
  });

  it('the registry exports roster 26 and the workbook holds the selected outcome', async () => {
    const page = await newPage(demo.browser, demo.errors, { acceptDownloads: true });
    await signIn(page, demo.server.url, '註冊組 林組長');
    await page.waitForURL('**/registry');
    await page.getByRole('heading', { name: '註冊組名冊作業' }).waitFor();
    await expectAccessible(page);
    const roster = page.getByRole('article', { name: '26 課程學習成果' });
    const [download] = await Promise.all([page.waitForEvent('download'), roster.getByRole('button', { name: '產生名冊' }).click()]);
    await roster.getByText(/已產生「.+」，共 \d+ 筆，已下載。/).waitFor();
    const saved = path.join(demo.files, download.suggestedFilename() || 'roster.xlsx');
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(2);
    const cover: string[] = [];
    book.worksheets[0]!.eachRow((r) => cover.push(JSON.stringify(r.values)));
    expect(cover.join()).toContain('999901');
    expect(cover.join()).toContain('26');
    const rows: string[] = [];
    book.worksheets[1]!.eachRow((r) => rows.push(JSON.stringify(r.values)));
    expect(rows.join('\n')).toContain(SUMMARY);
    await page.context().close();
  });

  it('raised no script errors on any page', () => {
    expect(demo.errors).toEqual([]);
  });
});
