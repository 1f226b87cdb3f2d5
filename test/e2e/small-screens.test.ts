import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchChromium, signIn } from '../support/browser.ts';
import { demoToken, startDemoServer, type StartedServer } from '../support/server.ts';
import { mutate, query } from '../support/trpc.ts';

import { checkEveryScreen, shots, toOffice, type Screen } from '../support/small-screens.ts';

/** Today in Taipei, ISO: the demo's dates are relative to the real clock. */
const taipeiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
describe('every screen at 390 px and at 200 % zoom (and on a desktop)', () => {
  let server: StartedServer;
  let browser: Browser;
  const errors: string[] = [];
  let teacherName = '';
  let studentNo = '';

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
    const users = (await (await fetch(`${server.url}/demo/users`)).json()) as Array<{ userId: string; name: string; roles: string[] }>;
    // A demo teacher with outcomes waiting (their row actions are what this test is about), and a
    // student whose file that teacher opens, so the audit trail has an entry to list.
    for (const user of users.filter((u) => u.roles.includes('subject-teacher'))) {
      const token = await demoToken(server, user.userId);
      const item = (await query(server.url, 'teaching.certifications.queue', token, { status: 'pending' })).items.find((i: any) => i.documentFileId);
      if (!item) continue;
      teacherName = user.name;
      studentNo = item.student.studentNo;
      await (await fetch(`${server.url}/api/files/${item.documentFileId}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
      break;
    }
    expect(teacherName, 'a demo teacher with a pending outcome').not.toBe('');
    // 王美玲 reminds 陳怡君 from the class progress, so the student's screens show the reminder.
    const homeroom = users.find((u) => u.name === '王美玲')!;
    const homeroomToken = await demoToken(server, homeroom.userId);
    const { classes } = await query(server.url, 'homeroom.progress.classes', homeroomToken, {});
    for (const klass of classes) {
      const progress = await query(server.url, 'homeroom.progress.class', homeroomToken, { className: klass.className });
      const pupil = progress.students.find((s: any) => s.name === '陳怡君');
      if (!pupil) continue;
      await mutate(server.url, 'homeroom.reminders.send', homeroomToken, { className: klass.className, studentIds: [pupil.id], note: '請在週五前完成多元表現勾選' });
      break;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const screens: Screen[] = [
    {
      name: 'student-list',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await page.getByRole('heading', { name: '我的課程學習成果' }).waitFor();
      },
    },
    {
      name: 'student-receipt-details',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        const reminder = page.locator('licheng-receipt-reminder');
        await reminder.getByRole('heading', { name: '請確認收訖明細' }).waitFor();
        await reminder.getByRole('button', { name: '查看明細' }).click();
        await reminder.locator('#details').first().waitFor();
        // What the central database received, opened for every roster.
        for (const summary of await reminder.getByText('中央資料庫收到的內容').all()) await summary.click();
      },
    },
    {
      name: 'student-upload',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await page.getByRole('button', { name: '上傳成果', exact: true }).first().click();
        await page.locator('licheng-outcome-upload select#course').waitFor();
      },
    },
    {
      name: 'student-selection',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await page.getByRole('button', { name: '勾選成果' }).click();
        await page.locator('licheng-outcome-selection').getByRole('heading').first().waitFor();
      },
    },
    {
      name: 'student-portfolio',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await page.getByRole('button', { name: '我的學習歷程' }).click();
        await page.locator('licheng-my-portfolio [part="record"]').first().waitFor();
      },
    },
    {
      name: 'student-homeroom-reminder',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await page.locator('licheng-homeroom-reminder').getByRole('heading', { name: '導師提醒' }).waitFor();
      },
    },
    {
      name: 'student-performances',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await page.getByRole('button', { name: '我的多元表現' }).click();
        await page.locator('licheng-my-performances licheng-record-list').getByRole('table').first().waitFor();
        // A type with many fields, so the form is at its longest.
        await page.locator('licheng-my-performances select#kind').selectOption('performance-precourse');
      },
    },
    {
      name: 'student-performance-selection',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await page.getByRole('button', { name: '勾選多元表現' }).click();
        await page.locator('licheng-performance-selection').getByText('學校登錄不計入').waitFor();
      },
    },
    {
      name: 'teacher-certification-queue',
      async open(page, url) {
        await signIn(page, url, teacherName);
        await page.waitForURL('**/teaching');
        await page.getByRole('heading', { name: '課程學習成果認證' }).waitFor();
        // The demo has outcomes waiting: the row actions this test is about are on the screen.
        await page.locator('licheng-certification-queue').getByRole('button', { name: /^通過/ }).first().waitFor();
      },
    },
    {
      name: 'teacher-fail-dialog',
      english: false,
      async open(page, url) {
        await signIn(page, url, teacherName);
        await page.waitForURL('**/teaching');
        await page.locator('licheng-certification-queue').getByRole('button', { name: /^未通過/ }).first().click();
        await page.locator('licheng-certification-queue licheng-dialog#fail-dialog').getByRole('dialog').waitFor();
      },
    },
    {
      name: 'homeroom-class-progress',
      async open(page, url) {
        await signIn(page, url, '王美玲');
        await page.waitForURL('**/teaching');
        await toOffice(page, '導師', 'homeroom');
        await page.locator('licheng-class-progress').getByRole('table').waitFor();
      },
    },
    {
      name: 'registry-desk',
      async open(page, url) {
        await signIn(page, url, '註冊組 林組長');
        await page.waitForURL('**/registry');
        await page.getByRole('heading', { name: '註冊組名冊作業' }).waitFor();
        await page.locator('licheng-audit-trail').getByRole('heading', { name: '稽核紀錄' }).waitFor();
      },
    },
    {
      name: 'registry-grades-and-correction',
      async open(page, url) {
        await signIn(page, url, '註冊組 林組長');
        await page.waitForURL('**/registry');
        const grades = page.locator('licheng-grade-records');
        await grades.getByLabel('班級').fill('101');
        await grades.getByRole('button', { name: '查詢' }).click();
        await grades.getByRole('table').waitFor();
        const appeals = page.locator('licheng-grade-appeals');
        await appeals.getByRole('listitem').first().waitFor();
        await appeals.getByLabel('課程代碼').fill('108999901E22L0101010101');
        await appeals.getByLabel('原值').fill('58');
        await appeals.getByLabel('更正為').fill('60');
        await appeals.getByRole('button', { name: '預覽' }).click();
        await appeals.locator('#preview-count').waitFor();
      },
    },
    {
      name: 'student-grades',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await toOffice(page, '我的成績', 'registry');
        await page.locator('licheng-my-grades').getByRole('table').waitFor();
        await page.locator('licheng-my-grades').getByRole('button', { name: '提出複查' }).first().click();
        await page.locator('licheng-my-grades #appeal-text').waitFor();
      },
    },
    {
      name: 'registry-audit-trail-results',
      async open(page, url) {
        await signIn(page, url, '註冊組 林組長');
        await page.waitForURL('**/registry');
        const trail = page.locator('licheng-audit-trail');
        await trail.getByRole('heading', { name: '稽核紀錄' }).waitFor();
        await trail.getByLabel('學生').fill(studentNo);
        await trail.getByLabel('學生').press('Enter');
        await trail.locator('li.entry').first().waitFor();
      },
    },
    {
      name: 'receipt-desk',
      async open(page, url) {
        await signIn(page, url, '註冊組 林組長');
        await page.waitForURL('**/registry');
        await toOffice(page, '收訖確認', 'receipt');
        await page.locator('licheng-receipt-desk tr', { hasText: '校內幹部經歷' }).first().waitFor();
      },
    },
    {
      name: 'counseling-desk',
      async open(page, url) {
        await signIn(page, url, '輔導室 蔡組長');
        await page.waitForURL('**/counseling');
        await page.locator('licheng-advisee-panel').getByRole('heading', { name: '課程諮詢學生（諮詢對象）' }).waitFor();
        await page.locator('licheng-record-desk').getByRole('tab', { name: '輔導資料' }).waitFor();
      },
    },
    {
      name: 'consultant-desk',
      async open(page, url) {
        await signIn(page, url, '郭建宏');
        await toOffice(page, '輔導室', 'counseling');
        await page.locator('licheng-counseling-desk').getByRole('heading', { name: '團體諮詢（一次記錄多位學生）' }).waitFor();
        await page.locator('licheng-record-desk').getByRole('table').first().waitFor();
      },
    },
    {
      name: 'library-desk',
      async open(page, url) {
        await signIn(page, url, '圖書館 許主任');
        await page.waitForURL('**/library');
        await page.locator('licheng-library-desk').getByRole('button', { name: /^通過/ }).first().waitFor();
      },
    },
    {
      name: 'curriculum-desk',
      async open(page, url) {
        await signIn(page, url, '教學組 蔡組長');
        await page.waitForURL('**/curriculum');
        await page.locator('licheng-curriculum-desk').getByRole('table').first().waitFor();
      },
    },
    {
      name: 'student-reading',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await toOffice(page, '圖書館', 'library');
        await page.locator('licheng-library-reading').getByRole('heading', { name: '已填寫的閱讀紀錄' }).waitFor();
      },
    },
    {
      name: 'student-autobiography',
      async open(page, url) {
        // 張冠宇's 自傳 came back from 王美玲 with a comment; the version history lists it.
        await signIn(page, url, '張冠宇');
        await page.waitForURL('**/student');
        await toOffice(page, '自傳與學習計畫', 'autobiography');
        await page.locator('licheng-autobiography-editor').getByRole('heading', { name: '版本紀錄' }).waitFor();
      },
    },
    {
      name: 'homeroom-autobiography-checks',
      async open(page, url) {
        await signIn(page, url, '王美玲');
        await toOffice(page, '自傳與學習計畫', 'autobiography');
        await page.locator('licheng-autobiography-checks').getByRole('table').first().waitFor();
      },
    },
    {
      name: 'homeroom-autobiography-check-open',
      async open(page, url) {
        await signIn(page, url, '王美玲');
        await toOffice(page, '自傳與學習計畫', 'autobiography');
        await page.locator('licheng-autobiography-checks').getByRole('button', { name: /^開啟 101 班 2 號/ }).click();
        await page.locator('licheng-autobiography-checks').getByRole('button', { name: '退回修改' }).waitFor();
      },
    },
    {
      name: 'competitions-desk',
      async open(page, url) {
        await signIn(page, url, '註冊組 林組長');
        await page.waitForURL('**/registry');
        await toOffice(page, '校內競賽', 'competitions');
        await page.getByRole('heading', { name: '校內競賽成績登錄' }).waitFor();
        await page.locator('licheng-record-list tr', { hasText: '全校國語文競賽' }).first().waitFor();
      },
    },
    {
      name: 'working-group-schedule',
      async open(page, url) {
        await signIn(page, url, '教務處 張主任');
        await page.waitForURL('**/working-group');
        await page.locator('licheng-working-group-desk licheng-schedule').getByRole('table').waitFor();
      },
    },
    {
      name: 'working-group-members',
      async open(page, url) {
        await signIn(page, url, '教務處 張主任');
        await page.waitForURL('**/working-group');
        await page.getByRole('tab', { name: '成員與會議' }).click();
        await page.locator('licheng-group-members').getByRole('table').waitFor();
        await page.locator('licheng-group-members form').scrollIntoViewIfNeeded();
      },
    },
    {
      name: 'working-group-meetings',
      async open(page, url) {
        // The warning of this semester, and the form with every member's attendance to tick.
        await signIn(page, url, '教務處 張主任');
        await page.waitForURL('**/working-group');
        await page.getByRole('tab', { name: '成員與會議' }).click();
        const meetings = page.locator('licheng-group-meetings');
        await meetings.locator('licheng-notice#meetings-warning').waitFor();
        await meetings.locator('licheng-date-field#meeting-date input').fill(taipeiToday());
        await meetings.locator('licheng-date-field#meeting-date input').press('Tab');
        await meetings.locator('input[type="radio"]').first().waitFor();
      },
    },
    {
      name: 'working-group-trainings',
      async open(page, url) {
        await signIn(page, url, '教務處 張主任');
        await page.waitForURL('**/working-group');
        await page.getByRole('tab', { name: '研習與宣導' }).click();
        const trainings = page.locator('licheng-group-trainings');
        await trainings.getByRole('table').waitFor();
        await trainings.locator('licheng-notice#trainings-warning').waitFor();
      },
    },
    {
      name: 'working-group-proxies',
      async open(page, url) {
        // 王美玲 is absent this week and 林淑芬 has left: the lists, the absence and the departure each have a row.
        await signIn(page, url, '教務處 張主任');
        await page.waitForURL('**/working-group');
        await page.getByRole('tab', { name: '代理人' }).click();
        const proxies = page.locator('licheng-working-group-desk licheng-proxies');
        await proxies.getByRole('heading', { name: '代理人', exact: true }).waitFor();
        await proxies.locator('#departures-table').waitFor();
      },
    },
    {
      name: 'working-group-progress',
      async open(page, url) {
        await signIn(page, url, '教務處 張主任');
        await page.waitForURL('**/working-group');
        await page.getByRole('tab', { name: '進度' }).click();
        await page.locator('licheng-group-dashboard').getByRole('table').first().waitFor();
      },
    },
    {
      name: 'working-group-self-check',
      async open(page, url) {
        await signIn(page, url, '教務處 張主任');
        await page.waitForURL('**/working-group');
        await page.getByRole('tab', { name: '自我檢核' }).click();
        await page.locator('licheng-self-check').getByRole('table').first().waitFor();
      },
    },
    {
      name: 'working-group-schedule-editor',
      // The form is opened in Chinese; switching the language would start a new screen.
      english: false,
      async open(page, url) {
        await signIn(page, url, '教務處 張主任');
        await page.waitForURL('**/working-group');
        const editor = page.locator('licheng-schedule-editor');
        await editor.getByRole('table', { name: /已設定的作業期程/ }).waitFor();
        await editor.getByRole('button', { name: '新增作業期程' }).click();
        await editor.getByRole('textbox', { name: /^開始日/ }).fill('115/09/01');
        await editor.getByRole('textbox', { name: /^結束日/ }).fill('115/10/15');
        await editor.getByRole('textbox', { name: /^結束日/ }).press('Tab');
        await editor.getByRole('table', { name: /各截止日的負載/ }).waitFor();
      },
    },
  ];

  checkEveryScreen(screens, () => ({ browser, url: server.url }), errors);
});
