import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createTestDatabase, type TestDatabase } from '@licheng/db/testing';
import { signHostToken } from '@licheng/server';
import { chromium, type Browser } from 'playwright-core';

const SECRET = 'bench-secret-bench-secret-bench-secret-00';
/** Cold loads of each page, alternating, after one discarded load of each. */
const RUNS = Number(process.env.LICHENG_BENCH_PORTAL_RUNS ?? 15);
const here = path.dirname(fileURLToPath(import.meta.url));
const portalDist = path.resolve(here, '../apps/portal/dist');
const STUDENT = { userId: 'demo-s-101-1', name: '學生', roles: ['student' as const] };

interface Outcome {
  summary: string;
  status: string;
  academicYear: number;
  semester: number;
  course: { subjectName: string };
}

const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The baseline: the outcomes screen's text as one plain HTML page (no script), as a school's static page would show it. */
function staticPage(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) => `<tr><td>${o.academicYear}-${o.semester}</td><td>${escape(o.course.subjectName)}</td><td>${escape(o.status)}</td><td>${escape(o.summary)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>我的課程學習成果</title></head>
<body><main><h1>課程學習成果</h1><h2>我的課程學習成果</h2>
<table><thead><tr><th>學期</th><th>科目</th><th>狀態</th><th>簡述</th></tr></thead><tbody>
${rows}
</tbody></table></main></body></html>
`;
}

/**
 * Runs in every page before its own scripts: notes when `text` is first in the document, light
 * or shadow DOM (every shadow root is watched as it is attached), and then the next animation
 * frame — the frame that paints it — as `window.__shownAt` (ms since navigation start). Plain
 * JavaScript in a string: a function's source as compiled here could name helpers the page lacks.
 */
const WATCH_FOR = `(text) => {
  let seen = false;
  let queued = false;
  const deepText = (node) => {
    let out = node.nodeType === Node.TEXT_NODE ? node.textContent || '' : '';
    if (node.shadowRoot) out += deepText(node.shadowRoot);
    for (const child of node.childNodes) out += deepText(child);
    return out;
  };
  const check = () => {
    queued = false;
    if (seen || !deepText(document).includes(text)) return;
    seen = true;
    requestAnimationFrame(() => (window.__shownAt = performance.now()));
  };
  const observer = new MutationObserver(() => {
    if (!queued && !seen) {
      queued = true;
      queueMicrotask(check);
    }
  });
  const options = { childList: true, subtree: true, characterData: true };
  observer.observe(document, options);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observer.observe(root, options);
    return root;
  };
}`;

/** The page's requests as a waterfall (start–end ms since navigation), for LICHENG_BENCH_TRACE=1. */
const waterfall = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => `  ${e.startTime.toFixed(0)}–${(e as PerformanceResourceTiming).responseEnd.toFixed(0)} ${e.name.replace(location.origin, '')}`)
    .join('\n');

interface Load {
  ms: number;
  requests: number;
  wireBytes: number;
  calls: string[];
}

/** One cold load (a new browser context: empty cache) of `url` until `text` is on screen. */
async function coldLoad(browser: Browser, url: string, text: string, token: string | null): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
  try {
    // A host page hands the signed-in user's token to the portal this way (before its scripts run).
    if (token) await context.addInitScript((t) => ((window as unknown as { LICHENG_TOKEN: string }).LICHENG_TOKEN = t), token);
    await context.addInitScript({ content: `(${WATCH_FOR})(${JSON.stringify(text)});` });
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    const calls: string[] = [];
    page.on('requestfinished', (request) => {
      sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize, () => 0));
      const u = new URL(request.url());
      if (u.pathname.startsWith('/trpc/')) calls.push(u.pathname.slice('/trpc/'.length));
    });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt, undefined, { timeout: 30_000, polling: 10 });
    const ms = (await handle.jsonValue()) as number;
    await page.waitForLoadState('networkidle');
    if (process.env.LICHENG_BENCH_TRACE) console.log(`${url}: on screen at ${ms.toFixed(0)} ms\n${await page.evaluate(waterfall)}`);
    const wire = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    return { ms, requests: sizes.length, wireBytes: wire, calls };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * A student's first visit to the portal's outcomes screen in Chromium with nothing cached (page,
 * shared libraries, the office module, platform.me, the outcomes list), until the outcomes are on
 * screen; the baseline is a static HTML page with the same text served by the same server.
 */
export async function portalColdLoadBench(dialect: 'sqlite' | 'mysql') {
  if (!fs.existsSync(path.join(portalDist, 'index.html'))) throw new Error('the portal is not built: run `pnpm --filter @licheng/portal build` first');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'licheng-bench-portal-'));
  // The built portal with the baseline page beside it, served by the standalone server as it serves the portal.
  const portalDir = path.join(work, 'portal');
  fs.cpSync(portalDist, portalDir, { recursive: true });
  let database: TestDatabase | null = null;
  let browser: Browser | null = null;
  let close = async () => {};
  try {
    database = await createTestDatabase(dialect);
    // The server in a process of its own, as in production (see portal-server.ts).
    const child = spawn(path.join(here, 'node_modules/.bin/tsx'), [path.join(here, 'portal-server.ts'), work, database.url, SECRET], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = (await lines.next()).value as string | undefined;
    const ready = /^ready (\d+) (\S+)$/.exec(first ?? '');
    if (!ready) throw new Error(`portal server: ${first}`);
    const [, port, school] = ready;
    close = async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.write('stop\n');
      await exited;
    };
    const base = `http://127.0.0.1:${port}`;
    const token = await signHostToken({ ...STUDENT, school: school! }, SECRET);
    const listed = await fetch(`${base}/trpc/student.outcomes.list`, { headers: { authorization: `Bearer ${token}` } });
    if (!listed.ok) throw new Error(`outcomes list answered ${listed.status}: ${await listed.text()}`);
    const outcomes = ((await listed.json()) as { result: { data: Outcome[] } }).result.data;
    if (outcomes.length === 0) throw new Error('the demo student has no outcomes');
    fs.writeFileSync(path.join(portalDir, 'bench-static.html'), staticPage(outcomes));
    // On screen when the last outcome of the list is: the whole list is there.
    const text = outcomes.at(-1)!.summary;

    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const portal: Load[] = [];
    const statics: Load[] = [];
    // One discarded load of each warms the server and the browser; then they alternate.
    await coldLoad(browser, `${base}/bench-static.html`, text, null);
    await coldLoad(browser, `${base}/student`, text, token);
    for (let i = 0; i < RUNS; i++) {
      statics.push(await coldLoad(browser, `${base}/bench-static.html`, text, null));
      portal.push(await coldLoad(browser, `${base}/student`, text, token));
    }
    const portalMs = median(portal.map((l) => l.ms));
    const staticMs = median(statics.map((l) => l.ms));
    const last = portal.at(-1)!;
    const count = (name: string) => last.calls.filter((c) => c === name).length;
    const repeated = new Set(last.calls.filter((c, i) => last.calls.indexOf(c) !== i));
    return {
      name: 'portal cold load (student outcomes on screen)',
      ratio: portalMs / staticMs,
      target: 1.5,
      detail:
        `median ${portalMs.toFixed(0)} ms (min ${Math.min(...portal.map((l) => l.ms)).toFixed(0)}, max ${Math.max(...portal.map((l) => l.ms)).toFixed(0)}) vs ${staticMs.toFixed(0)} ms (min ${Math.min(...statics.map((l) => l.ms)).toFixed(0)}) for the static page; ` +
        `${RUNS} cold loads each; portal ${last.requests} requests, ${(last.wireBytes / 1024).toFixed(0)} KiB on the wire (static ${statics.at(-1)!.requests}, ${(statics.at(-1)!.wireBytes / 1024).toFixed(1)} KiB); ` +
        `platform.me ×${count('platform.me')}, outcomes list ×${count('student.outcomes.list')}, ${last.calls.length} API calls${repeated.size ? `, repeated: ${[...repeated].join(', ')}` : ', none repeated'}`,
    };
  } finally {
    await browser?.close();
    await close();
    await database?.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
