import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, newPage, signIn } from '../support/browser.ts';
import { demoToken, repoRoot, startDemoServer, type StartedServer } from '../support/server.ts';
import { mutate, query } from '../support/trpc.ts';

/** Pictures of the screen, for people to look at (not compared by the test). */
const shots = path.join(repoRoot, 'screenshots');

/**
 * The audit trail (稽核紀錄) against the started demo server: a teacher opens a student's file
 * and certifies the outcome; the registry office finds both under the student's 學號, with
 * the status before and after, on a desktop and on a 390 px phone.
 */
describe('the registry office reads the audit trail in the browser', () => {
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

  it('shows a teacher’s file read and decision under the student, readable on desktop and phone', async () => {
    // The first demo teacher with a pending outcome that has a document.
    let teacher = '';
    let item: any;
    for (const userId of ['demo-t-wang', 'demo-t-lee', 'demo-t-chou', 'demo-t-kuo']) {
      teacher = await demoToken(server, userId);
      item = (await query(server.url, 'teaching.certifications.queue', teacher, { status: 'pending' })).items.find((i: any) => i.documentFileId);
      if (item) break;
    }
    expect(item, 'a demo teacher with a pending outcome').toBeTruthy();
    const file = await fetch(`${server.url}/api/files/${item.documentFileId}`, { headers: { authorization: `Bearer ${teacher}` } });
    expect(file.status).toBe(200);
    await file.arrayBuffer();
    await mutate(server.url, 'teaching.certifications.decide', teacher, { recordId: item.id, decision: 'pass' });

    const page = await newPage(browser, errors);
    await signIn(page, server.url, '註冊組 林組長');
    await page.waitForURL('**/registry');
    const trail = page.locator('licheng-audit-trail');
    await trail.getByRole('heading', { name: '稽核紀錄' }).waitFor();
    await trail.getByLabel('學生').fill(item.student.studentNo);
    await trail.getByLabel('學生').press('Enter');
    await trail.getByRole('status').filter({ hasText: /顯示 \d+ 筆紀錄/ }).waitFor();
    const decided = trail.locator('li.entry', { hasText: '課程學習成果 認證通過' }).first();
    await decided.waitFor();
    expect(await decided.locator('tbody tr', { hasText: '狀態' }).locator('td').allTextContents()).toEqual(['認證中', '通過']);
    await trail.locator('li.entry', { hasText: '開啟檔案' }).first().waitFor();
    await expectAccessible(page);
    await trail.screenshot({ path: path.join(shots, 'audit-trail-desktop.png') });

    await page.setViewportSize({ width: 390, height: 844 });
    await trail.locator('li.entry').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await trail.screenshot({ path: path.join(shots, 'audit-trail-390.png') });
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
