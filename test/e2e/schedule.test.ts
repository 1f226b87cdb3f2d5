import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicTermOf, addDays, rocDateOf, taipeiDate } from '@licheng/core';
import { expectAccessible, launchChromium, newPage } from '../support/browser.ts';
import { expectFocus, signInByKeyboard, tabTo } from '../support/keyboard.ts';
import { demoToken, repoRoot, startDemoServer, type StartedServer } from '../support/server.ts';
import { mutate, query } from '../support/trpc.ts';

/**
 * 虎尾's demo (its config has no windows for this year, so its students are blocked): the working
 * group opens this term's outcome upload window in the schedule editor by keyboard alone, sees the
 * load on the deadline before saving, and focus lands on the outcome; the student's upload that
 * was refused a moment ago then goes through, without a restart.
 */
describe('the working group opens a window on screen and a student can upload', () => {
  let server: StartedServer;
  let browser: Browser;
  const errors: string[] = [];
  const today = taipeiDate(new Date());
  const term = academicTermOf(today);

  beforeAll(async () => {
    server = await startDemoServer({ LICHENG_SCHOOL_CONFIG: path.join(repoRoot, 'apps/server/config/huwei.json') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const upload = async (token: string, courseId: string, summary: string) => {
    const form = new FormData();
    form.append('courseId', courseId);
    form.append('summary', summary);
    form.append('document', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], '報告.pdf'));
    return mutate(server.url, 'student.outcomes.upload', token, form);
  };

  it('refuses the student’s upload while nothing is scheduled this year', async () => {
    const student = await demoToken(server, 'demo-s-102-1');
    const { courses } = await query(server.url, 'student.courses.list', student);
    const current = courses.find((c: any) => c.academicYear === term.academicYear && c.semester === term.semester);
    expect(current).toBeDefined();
    const refused = await upload(student, current.id, '期程開放前的上傳').catch((e) => e);
    expect(refused.status).toBe(403);
    expect(refused.licheng.code).toBe('window-unscheduled');
  });

  it('the working group opens the window by keyboard, sees the deadline’s load, and the student uploads', async () => {
    const page = await newPage(browser, errors);
    await signInByKeyboard(page, server.url, '教務處 張主任');
    await page.waitForURL('**/working-group');
    const editor = page.locator('licheng-schedule-editor');
    await editor.getByRole('button', { name: '新增作業期程' }).waitFor();
    await tabTo(page, (f) => f.role === 'button' && f.name === '新增作業期程');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'form-heading' });
    if (term.semester === 2) {
      await tabTo(page, (f) => f.id === 'semester');
      await page.keyboard.press('ArrowDown');
    }
    await tabTo(page, (f) => f.role === 'textbox' && f.name.startsWith('開始日'));
    await page.keyboard.type(rocDateOf(addDays(today, -7))!.replaceAll('/', ''));
    await tabTo(page, (f) => f.role === 'textbox' && f.name.startsWith('結束日'));
    const end = addDays(today, 21);
    await page.keyboard.type(rocDateOf(end)!);
    await page.keyboard.press('Tab');
    const load = editor.getByRole('table', { name: /各截止日的負載/ });
    await load.waitFor();
    expect(await load.getByRole('row', { name: new RegExp(`${rocDateOf(end)}（本次設定）`) }).count()).toBe(1);
    await expectAccessible(page);
    await tabTo(page, (f) => f.role === 'button' && f.name === '儲存');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'editor-status', text: /^已儲存「課程學習成果上傳」/ });
    await editor.getByRole('table', { name: /已設定的作業期程/ }).getByRole('row', { name: /課程學習成果上傳/ }).waitFor();
    // The published schedule above the editor shows it open at once.
    await page.locator('licheng-schedule').getByRole('row', { name: /課程學習成果上傳.*開放中/ }).waitFor();
    await expectAccessible(page);
    await page.context().close();

    const student = await demoToken(server, 'demo-s-102-1');
    const { courses } = await query(server.url, 'student.courses.list', student);
    const current = courses.find((c: any) => c.academicYear === term.academicYear && c.semester === term.semester);
    const uploaded = await upload(student, current.id, '期程開放後的上傳');
    expect(uploaded.status).toBe('pending');
  });

  it('publishes the schedule without sign-in on /schedule.html, for the school website, in Chinese and in English', async () => {
    const page = await newPage(browser, errors);
    await page.goto(`${server.url}/schedule.html`);
    const schedule = page.locator('licheng-schedule');
    await schedule.getByRole('heading', { level: 1, name: /虎尾.*學習歷程檔案作業期程/ }).waitFor();
    await schedule.getByRole('row', { name: /課程學習成果上傳.*開放中/ }).waitFor();
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await schedule.getByRole('button', { name: /下載 \d+ 學年度作業期程/ }).click();
    expect((await download).suggestedFilename()).toMatch(/作業期程\.xlsx$/);

    await page.getByRole('link', { name: 'English' }).click();
    await schedule.getByRole('heading', { level: 1, name: /Learning portfolio schedule/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page);
    await page.context().close();
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
