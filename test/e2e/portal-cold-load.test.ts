import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoInChromium, expectAccessible, newPage, signIn } from '../support/browser.ts';
import { demoToken } from '../support/server.ts';
import { query } from '../support/trpc.ts';

/** An answer as the browser received it: what it asked, how it came, and its size once decoded. */
interface Seen {
  url: string;
  status: number;
  encoding: string | null;
  decodedBytes: number;
}

/** Below this an answer is sent as it is (the server's compression threshold: one packet either way). */
const THRESHOLD = 1024;

/**
 * A student's first visit to the portal, in a browser with nothing cached: every API call is made
 * once (the portal, the office's screens and the reminders share `platform.me`), every answer
 * worth compressing comes compressed, and the outcomes are on screen.
 */
describe('a student’s first visit to the portal', () => {
  const demo = demoInChromium();

  it('makes each API call once, gets every answer of 1 KiB or more compressed, and shows the outcomes', async () => {
    const token = await demoToken(demo.server, 'demo-s-101-1');
    const outcomes = (await query(demo.server.url, 'student.outcomes.list', token)) as Array<{ summary: string }>;
    expect(outcomes.length).toBeGreaterThan(0);

    const page = await newPage(demo.browser, demo.errors);
    const calls: string[] = [];
    const answers: Promise<Seen>[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/trpc/')) calls.push(`${request.method()} ${url.pathname}${url.search}`);
    });
    const seen = async (response: Response): Promise<Seen> => {
      const headers = await response.allHeaders();
      const body = await response.body().catch(() => Buffer.alloc(0));
      return { url: new URL(response.url()).pathname, status: response.status(), encoding: headers['content-encoding'] ?? null, decodedBytes: body.byteLength };
    };
    page.on('response', (response) => answers.push(seen(response)));

    await signIn(page, demo.server.url, '學生 101 班 1 號');
    await page.waitForURL('**/student');
    const list = page.locator('licheng-my-outcomes');
    for (const outcome of outcomes) await list.getByText(outcome.summary, { exact: true }).first().waitFor();
    await page.waitForLoadState('networkidle');

    // Each call once: the same procedure with the same input is never asked twice.
    const repeated = calls.filter((call, i) => calls.indexOf(call) !== i);
    expect(repeated, calls.join('\n')).toEqual([]);
    expect(calls.filter((c) => c.startsWith('GET /trpc/platform.me'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('GET /trpc/student.outcomes.list'))).toHaveLength(1);

    // Compressed: every answer (page, modules, API) of 1 KiB or more, and some of each kind.
    const all = await Promise.all(answers);
    const big = all.filter((a) => a.status === 200 && a.decodedBytes >= THRESHOLD);
    const uncompressed = big.filter((a) => a.encoding !== 'br' && a.encoding !== 'gzip');
    expect(uncompressed, JSON.stringify(uncompressed, null, 1)).toEqual([]);
    expect(big.find((a) => a.url === '/')?.encoding, 'the portal page').toMatch(/^(br|gzip)$/);
    for (const kind of ['/trpc/platform.me', '/trpc/student.outcomes.list', '/offices/', '/shared/']) {
      expect(
        big.some((a) => a.url.startsWith(kind)),
        kind,
      ).toBe(true);
    }

    // Views not yet open have asked nothing: the selection's calls come when it is shown.
    expect(calls.some((c) => c.startsWith('GET /trpc/student.selections.get'))).toBe(false);

    // The page works: the selection, opened, lists the outcomes to tick; nothing failed.
    await expectAccessible(page);
    await page.getByRole('button', { name: '勾選成果' }).click();
    await page.locator('licheng-outcome-selection').getByRole('checkbox').first().waitFor();
    expect(demo.errors).toEqual([]);
    await page.context().close();
  });
});
