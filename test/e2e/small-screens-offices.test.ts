import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { launchChromium, signIn } from '../support/browser.ts';
import { demoToken, repoRoot, startDemoServer, type StartedServer } from '../support/server.ts';
import { mutate } from '../support/trpc.ts';
import { checkEveryScreen, shots, toOffice, type Screen } from '../support/small-screens.ts';

/**
 * The offices with a demo of their own at 390 px and 200 % zoom (and on a desktop): the practicum
 * office on a vocational school, and the student affairs office's sections. The demo school's
 * other screens are in small-screens.test.ts.
 */
/** The practicum office (實習處) exists only at vocational, comprehensive and special-education schools: a vocational school's demo. */
describe('the practicum office at 390 px and at 200 % zoom (and on a desktop)', () => {
  let server: StartedServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({ LICHENG_SCHOOL_CONFIG: path.join(repoRoot, 'apps/server/config/huwei.json') });
    browser = await launchChromium();
    // One certificate in this academic year, so the list has a row to lay out.
    const form = new FormData();
    const fields = { studentNo: '114001', name: '工業電子', level: '丙級', number: '1234567', date: '2026-09-01', category: '3', origin: 'domestic' };
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    await mutate(server.url, 'practicum.certificates.register', await demoToken(server, 'demo-practicum'), form);
    fs.mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const desk = (name: string, tab: string): Screen => ({
    name,
    async open(page, url) {
      await signIn(page, url, '實習處 陳主任');
      await page.waitForURL('**/practicum');
      await page.locator('licheng-portal').getByRole('tab', { name: tab }).click();
      await page.locator('licheng-portal').getByRole('tab', { name: tab, selected: true }).waitFor();
    },
  });
  const screens: Screen[] = [
    desk('practicum-certificates', '技能證照'),
    desk('practicum-internships', '校外實習'),
    {
      name: 'practicum-pending',
      async open(page, url) {
        await signIn(page, url, '實習處 陳主任');
        await page.waitForURL('**/practicum');
        const pending = page.locator('licheng-practicum-pending');
        await pending.getByRole('button', { name: /^通過：/ }).first().waitFor();
        await pending.getByRole('button', { name: /^未通過…：/ }).first().click();
        await pending.getByRole('textbox').first().waitFor();
      },
    },
    {
      name: 'practicum-student',
      async open(page, url) {
        await signIn(page, url, '陳怡君');
        await page.waitForURL('**/student');
        await toOffice(page, '實習處', 'practicum');
        await page.getByRole('heading', { name: '我的實習處紀錄' }).waitFor();
        await page.locator('licheng-record-list tr', { hasText: '電腦軟體應用' }).first().waitFor();
      },
    },
  ];

  checkEveryScreen(screens, () => ({ browser, url: server.url }), errors);
});

/** 學務處: the whole office's sections (a record desk each) and its 待認證 list, on the demo school's records. */
describe('the student affairs office at 390 px and at 200 % zoom (and on a desktop)', () => {
  let server: StartedServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const affairs = (name: string, user: string, tab: string, ready: (page: Page) => Promise<void>): Screen => ({
    name,
    async open(page, url) {
      await signIn(page, url, user);
      // Every office's staff also see 校內競賽; go to 學務處 whichever office opened first.
      await page.locator('licheng-portal nav').waitFor();
      await toOffice(page, '學務處', 'student-affairs');
      const desk = page.locator('licheng-student-affairs-desk');
      await desk.getByRole('tab', { name: tab }).first().click();
      await desk.getByRole('tab', { name: tab, selected: true }).first().waitFor();
      await ready(page);
    },
  });
  const screens = [
    affairs('student-affairs-activities', '學務處 黃主任', '訓育組', (page) => page.locator('licheng-record-list tbody tr').first().waitFor()),
    affairs('student-affairs-discipline', '生輔組 王組長', '生輔組', (page) => page.locator('licheng-record-list tbody tr').first().waitFor()),
    affairs('student-affairs-certify', '學務處 黃主任', '待認證', (page) => page.locator('licheng-student-affairs-certify tbody tr').first().waitFor()),
  ];

  checkEveryScreen(screens, () => ({ browser, url: server.url }), errors);
});
