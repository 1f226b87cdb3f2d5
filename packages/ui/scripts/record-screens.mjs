#!/usr/bin/env node
// Screenshots of the record screens (form, list, import, desk) with the sample 競賽參與紀錄 kind,
// at 1280 px and 390 px, into <repo>/screenshots/records/ (git-ignored), for looking at them:
//   node packages/ui/scripts/record-screens.mjs [views: desk form form-errors list import withdraw desk-added; -en for English, e.g. desk-en]
// Bundles src/testing/record-demo.ts with esbuild and opens it in Debian's Chromium (CHROME_PATH).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(ui, '../..');
const esbuild = createRequire(createRequire(path.join(ui, 'package.json')).resolve('@web/dev-server-esbuild'))('esbuild');
const { chromium } = createRequire(path.join(repo, 'test/package.json'))('playwright-core');

const out = path.join(repo, 'screenshots/records');
fs.mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [path.join(ui, 'src/testing/record-demo.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'RecordDemo',
  outfile: path.join(out, 'demo.js'),
  tsconfig: path.join(ui, 'tsconfig.json'),
  logLevel: 'warning',
});
fs.writeFileSync(
  path.join(out, 'demo.html'),
  `<!doctype html><html lang="zh-Hant-TW"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<body style="margin:0;padding:16px;font-family:system-ui"><main id="root"></main>
<script src="demo.js"></script>
<script>const q = new URLSearchParams(location.search); RecordDemo.renderRecordDemo(document.getElementById('root'), q.get('view'), q.get('locale') ?? 'zh-TW').then(() => (document.body.dataset.ready = '1'));</script>`,
);

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const views = process.argv.slice(2).length ? process.argv.slice(2) : ['desk', 'form', 'form-errors', 'list', 'import', 'withdraw', 'desk-added'];
for (const width of [1280, 390]) {
  for (const view of views) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (e) => console.error(`${view}: ${e.message}`));
    const english = view.endsWith('-en');
    const name = english ? view.slice(0, -3) : view;
    const base = name === 'withdraw' ? 'list' : name === 'desk-added' ? 'desk' : name;
    await page.goto(`file://${path.join(out, 'demo.html')}?view=${base}&locale=${english ? 'en' : 'zh-TW'}`);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    await page.waitForTimeout(200);
    if (name === 'withdraw') {
      await page.locator('licheng-record-list tr[data-id="r1"] button.danger-link').click();
      await page.waitForTimeout(200);
    }
    if (name === 'desk-added') {
      await page.locator('licheng-record-desk .desk-actions button').first().click();
      await page.keyboard.type('110002');
      const form = page.locator('licheng-record-form');
      await form.locator('#name').fill('縣長盃桌球賽');
      await form.locator('#level').check();
      await form.locator('#team').check();
      await form.locator('licheng-date-field input').fill('114/12/01');
      await form.locator('button[type="submit"]').click();
      await page.waitForTimeout(400);
    }
    const file = path.join(out, `${view}-${width}.png`);
    await page.screenshot({ path: file, fullPage: name !== 'withdraw' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(`${path.relative(repo, file)}${overflow > 0 ? `  (page wider than the window by ${overflow}px)` : ''}`);
    await page.close();
  }
}
await browser.close();
