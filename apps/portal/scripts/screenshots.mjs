// Screenshots of every screen against a running demo server (`pnpm start:demo`), into
// <repo>/screenshots/ (git-ignored), for looking at what was built:
//   node apps/portal/scripts/screenshots.mjs [baseUrl] [sections: signin,student,teacher,registry,flow,embed,keyboard,receipt,homeroom,schedule]
// Uses playwright-core from the test package and Debian's Chromium (CHROME_PATH to override).
// The demo data changes as it runs (uploads, certifies, selects): start from a fresh demo folder.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(repo, 'test/package.json'));
const { chromium } = require('playwright-core');

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = path.join(repo, 'screenshots');
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const logs = [];
async function page(width = 1280, height = 900) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-TW' });
  const p = await context.newPage();
  p.on('console', (m) => m.type() === 'error' && logs.push(`console: ${m.text()}`));
  p.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  return p;
}
const shot = async (p, name, fullPage = true) => {
  await p.waitForTimeout(300);
  await p.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  console.log('saved', name);
};
async function signIn(p, name) {
  await p.goto(base + '/');
  await p.locator('licheng-portal .users button', { hasText: name }).first().click();
}

const only = process.argv[3];
const want = (n) => !only || only.split(',').includes(n);

if (want('signin')) {
  const p = await page();
  await p.goto(base + '/');
  await p.getByRole('heading', { name: '登入示範平臺' }).waitFor();
  await shot(p, '01-sign-in');
  await p.context().close();
}

if (want('student')) {
  const p = await page();
  await signIn(p, '陳怡君');
  await p.waitForURL('**/student');
  await p.getByRole('heading', { name: '我的課程學習成果' }).waitFor();
  await p.waitForTimeout(800);
  await shot(p, '02-student-list');
  await p.getByRole('button', { name: '上傳成果', exact: true }).click();
  await p.locator('licheng-outcome-upload select#course').waitFor();
  await shot(p, '03-student-upload-empty');
  await p.getByRole('button', { name: '送出成果', exact: true }).click();
  await shot(p, '04-student-upload-errors');
  const select = p.locator('licheng-outcome-upload select#course');
  const value = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(value);
  await p.locator('licheng-outcome-upload textarea#summary').fill('專題報告：校園植物調查，記錄十種常見植物的形態與分布。');
  const pdf = path.join(out, 'sample.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  await p.locator('licheng-file-field[name="document"] input[type="file"]').setInputFiles(pdf);
  await shot(p, '05-student-upload-filled');
  await p.locator('licheng-outcome-upload button[type="submit"]').click();
  await p.getByText('等待任課教師認證').waitFor();
  await shot(p, '06-student-upload-done');
  await p.getByRole('button', { name: '勾選成果' }).click();
  await p.waitForTimeout(800);
  await shot(p, '07-student-selection');
  await p.getByRole('button', { name: '我的成果' }).click();
  await p.waitForTimeout(500);
  await shot(p, '08-student-list-after');
  await p.getByRole('button', { name: 'Switch to English' }).click();
  await p.waitForTimeout(500);
  await shot(p, '09-student-list-en');
  await p.setViewportSize({ width: 390, height: 844 });
  await p.waitForTimeout(300);
  await shot(p, '10-student-list-narrow');
  await p.context().close();
}

if (want('teacher')) {
  const p = await page();
  const users = await (await fetch(base + '/demo/users')).json();
  const teacher = users.find((u) => u.roles.includes('subject-teacher'));
  await signIn(p, teacher.name);
  await p.waitForURL('**/teaching');
  await p.getByRole('heading', { name: '課程學習成果認證' }).waitFor();
  await p.waitForTimeout(800);
  await shot(p, '11-teacher-queue');
  const fail = p.locator('licheng-certification-queue button.danger').first();
  if (await fail.count()) {
    await fail.click();
    await p.waitForTimeout(300);
    await p.locator('licheng-dialog#fail-dialog [part="confirm"]').click();
    await shot(p, '12-teacher-fail-dialog', false);
    await p.keyboard.press('Escape');
    const boxes = p.locator('licheng-certification-queue input[data-group]');
    if (await boxes.count()) await boxes.first().check();
    await shot(p, '13-teacher-selected');
    const open = p.locator('licheng-certification-queue button.link').first();
    if (await open.count()) {
      await open.click();
      await p.waitForTimeout(800);
      await shot(p, '14-teacher-viewer', false);
      await p.keyboard.press('Escape');
    }
  }
  await p.context().close();
}

if (want('registry')) {
  const p = await page();
  await signIn(p, '註冊組 林組長');
  await p.waitForURL('**/registry');
  await p.getByRole('heading', { name: '註冊組名冊作業' }).waitFor();
  await p.waitForTimeout(800);
  await shot(p, '15-registry-desk');
  const csv = path.join(out, 'students-bad.csv');
  fs.writeFileSync(csv, '\uFEFF學生學號,名字,身分證字號,生日,年級,班級,座號\r\n1139001,測試生,A12,97/13/40,4,101,1\r\n1139002,測試生二,B223456789,97/05/12,1,101,2\r\n');
  await p.locator('licheng-roster-import input[type="file"]').setInputFiles(csv);
  await p.waitForTimeout(500);
  await shot(p, '16-registry-mapping');
  await p.locator('licheng-roster-import select#map-name').selectOption('名字');
  await p.getByRole('button', { name: '檢查（不寫入）' }).click();
  await p.getByText('未寫入任何資料').first().waitFor();
  await shot(p, '17-registry-dry-run-issues');
  await p.locator('licheng-roster-export button[type="submit"]').click();
  await p.waitForTimeout(1500);
  await p.locator('licheng-roster-export').screenshot({ path: path.join(out, '18-registry-export.png') });
  console.log('saved 18-registry-export');
  await p.context().close();
}

if (want('flow')) {
  // Teacher passes everything pending (bulk), the student selects, the registry exports.
  const users = await (await fetch(base + '/demo/users')).json();
  const teacher = users.find((u) => u.roles.includes('subject-teacher'));
  let p = await page();
  await signIn(p, teacher.name);
  await p.waitForURL('**/teaching');
  await p.getByRole('heading', { name: '課程學習成果認證' }).waitFor();
  await p.waitForTimeout(800);
  const groups = p.locator('licheng-certification-queue input[data-group]');
  for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).check();
  await p.locator('licheng-certification-queue .bulk button').click();
  await p.getByText('批次認證完成').waitFor();
  await shot(p, '22-teacher-bulk-result');
  await p.context().close();

  p = await page();
  await signIn(p, '陳怡君');
  await p.waitForURL('**/student');
  await p.getByRole('button', { name: '勾選成果' }).click();
  await p.waitForTimeout(800);
  const boxes = p.locator('licheng-outcome-selection input[type="checkbox"]:not([disabled])');
  const n = Math.min(2, await boxes.count());
  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  await p.locator('licheng-outcome-selection button[type="submit"]').click();
  await p.getByText('已儲存勾選').waitFor();
  await shot(p, '23-student-selection-saved');
  await p.context().close();

  p = await page();
  await signIn(p, '註冊組 林組長');
  await p.waitForURL('**/registry');
  await p.locator('licheng-roster-export button[type="submit"]').click();
  await p.getByText('已產生').waitFor();
  await p.locator('licheng-roster-export').screenshot({ path: path.join(out, '24-registry-export-rows.png') });
  console.log('saved 24-registry-export-rows');
  await p.context().close();
}

if (want('embed')) {
  const p = await page();
  await signIn(p, '陳怡君');
  await p.waitForURL('**/student');
  await p.goto(base + '/embed.html');
  await p.getByRole('heading', { name: '我的課程學習成果' }).waitFor();
  await p.waitForTimeout(800);
  await shot(p, '25-embed-widgets');
  await p.context().close();
}

if (want('keyboard')) {
  const p = await page();
  await signIn(p, '陳怡君');
  await p.waitForURL('**/student');
  await p.getByRole('heading', { name: '我的課程學習成果' }).waitFor();
  await p.waitForTimeout(500);
  // Keyboard only: skip button, then on through the header into the office.
  await p.keyboard.press('Tab');
  await shot(p, '19-keyboard-skip', false);
  for (let i = 0; i < 6; i++) await p.keyboard.press('Tab');
  await shot(p, '20-keyboard-focus', false);
  await p.keyboard.press('Enter');
  await p.waitForTimeout(500);
  for (let i = 0; i < 3; i++) await p.keyboard.press('Tab');
  await shot(p, '21-keyboard-upload-focus', false);
  await p.context().close();
}

if (want('receipt')) {
  // A student of class 101 signs in during the demo receipt's confirmation window.
  const p = await page();
  await signIn(p, '陳怡君');
  await p.waitForURL('**/student');
  await p.getByRole('heading', { name: '請確認收訖明細' }).waitFor();
  await p.waitForTimeout(800);
  await shot(p, '30-receipt-reminder');
  await p.locator('licheng-receipt-reminder').getByRole('button', { name: /查看/ }).first().click();
  await p.waitForTimeout(500);
  await shot(p, '31-receipt-details');
  await p.context().close();
  const r = await page();
  await signIn(r, '註冊組 林組長');
  await r.waitForURL('**/registry');
  await r.locator('licheng-portal nav a', { hasText: '收訖確認' }).click();
  await r.waitForURL('**/receipt');
  await r.waitForTimeout(1500);
  await shot(r, '32-receipt-desk');
  await r.context().close();
}

if (want('homeroom')) {
  const p = await page();
  await signIn(p, '王美玲');
  await p.waitForURL('**/teaching');
  await p.locator('licheng-portal nav a', { hasText: '導師' }).click();
  await p.waitForURL('**/homeroom');
  await p.waitForTimeout(1500);
  await shot(p, '33-homeroom-class-progress');
  await p.context().close();
}

if (want('schedule')) {
  const p = await page();
  await signIn(p, '教務處 張主任');
  await p.waitForURL('**/working-group');
  await p.waitForTimeout(1500);
  await shot(p, '34-working-group-schedule');
  await p.context().close();
}

await browser.close();
if (logs.length) console.log(logs.join('\n'));
