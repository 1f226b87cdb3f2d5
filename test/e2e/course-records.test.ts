import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { academicTermOf, taipeiDate } from '@licheng/core';
import { demoInChromium, expectAccessible, newPage, signIn } from '../support/browser.ts';

/**
 * The registry's course records in Chromium against the demo server: the registry imports a
 * make-up grade for 林承恩 (101 seat 2) with the roster import, the student appeals it during the grade
 * check from the registry office's screen, and the registry answers and corrects the grade by
 * pattern (preview, then all at once). Each screen is checked with axe.
 */
describe('course records: import, appeal, correction', () => {
  const demo = demoInChromium();
  const { academicYear, semester } = academicTermOf(taipeiDate(new Date()));
  /** 資訊科技 of the demo school's 101 (課程類別 3, 領域 07, 科目 02). */
  const tech = '108999901E22L0103010702';

  it('the registry imports a make-up grade with the roster import', async () => {
    const page = await newPage(demo.browser, demo.errors);
    await signIn(page, demo.server.url, '註冊組 林組長');
    await page.waitForURL('**/registry');
    const importer = page.locator('licheng-roster-import');
    await importer.getByLabel('資料種類').selectOption('grades');
    const file = path.join(demo.files, '補修成績.csv');
    fs.writeFileSync(file, `\uFEFF學號,學年度,學期,成績類別,課程代碼,學期學業成績,成績及格,是否採計學分,應修課學年度,應修課學期,補修方式\r\n114002,${academicYear},${semester},補修成績,${tech},55,0,1,${academicYear - 1},2,3\r\n`);
    await importer.locator('input[type="file"]').setInputFiles(file);
    await importer.getByRole('button', { name: '匯入', exact: true }).click();
    await importer.getByRole('heading', { name: '匯入結果' }).waitFor();
    await importer.getByText(/新增 1 筆/).first().waitFor();

    const grades = page.locator('licheng-grade-records');
    await grades.getByLabel('班級').fill('101');
    await grades.getByLabel('課程代碼').fill(tech);
    await grades.getByRole('button', { name: '查詢' }).click();
    await grades.getByRole('row', { name: /林承恩/ }).getByText('補修', { exact: true }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('the student sees the grade with its credits and appeals it', async () => {
    const page = await newPage(demo.browser, demo.errors);
    await signIn(page, demo.server.url, '林承恩');
    await page.waitForURL('**/student');
    await page.locator('licheng-portal nav a', { hasText: '我的成績' }).click();
    await page.waitForURL('**/registry');
    const mine = page.locator('licheng-my-grades');
    await mine.getByRole('heading', { name: '我的成績與複查' }).waitFor();
    const row = mine.getByRole('row', { name: /資訊科技/ }).filter({ hasText: '補修' });
    await row.getByRole('button', { name: '提出複查' }).click();
    await mine.getByLabel(/資訊科技的複查內容/).fill('補修考試我考了 65 分');
    await mine.getByRole('button', { name: '送出複查' }).click();
    await mine.getByRole('status').filter({ hasText: '已送出資訊科技的複查申請' }).waitFor();
    await row.getByText('複查中：補修考試我考了 65 分').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('the registry previews the correction, applies it and answers the appeal', async () => {
    const page = await newPage(demo.browser, demo.errors);
    await signIn(page, demo.server.url, '註冊組 林組長');
    await page.waitForURL('**/registry');
    const appeals = page.locator('licheng-grade-appeals');
    await appeals.getByText('補修考試我考了 65 分').waitFor();
    await appeals.getByLabel('課程代碼').fill(tech);
    await appeals.getByLabel('原值').fill('55');
    await appeals.getByLabel('更正為').fill('65');
    await appeals.getByRole('button', { name: '預覽' }).click();
    await appeals.getByRole('status').filter({ hasText: '將更正 1 位學生的學期學業成績：55 → 65。' }).waitFor();
    await appeals.getByRole('button', { name: '更正這 1 筆' }).click();
    await appeals.getByRole('status').filter({ hasText: '已更正 1 筆學期學業成績：55 → 65。' }).waitFor();
    const appeal = appeals.getByRole('listitem').filter({ hasText: '補修考試我考了 65 分' });
    await appeal.getByLabel(/回覆 林承恩/).fill('已依補考成績更正為 65 分');
    await appeal.getByRole('button', { name: '送出回覆' }).click();
    await appeals.getByRole('status').filter({ hasText: '已回覆 林承恩 的複查申請。' }).waitFor();
    await expectAccessible(page);
    await page.context().close();
    expect(demo.errors).toEqual([]);
  });
});
