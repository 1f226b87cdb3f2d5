import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations, newPage } from './browser.ts';
import { repoRoot } from './server.ts';

/** Pictures of every screen at both sizes, for people to look at (not compared by the test). */
export const shots = path.join(repoRoot, 'screenshots', 'small-screens');

/**
 * The two small screens every screen must work on:
 * - a phone, 390 CSS px wide;
 * - a 1280 px desktop window zoomed to 200 %. Browser zoom halves the CSS pixels the layout
 *   gets and doubles the device pixels per CSS pixel, so it is emulated as a 640 CSS px
 *   viewport with deviceScaleFactor 2 (which is what the layout sees at 200 %).
 */
export const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
export const sizes: Array<{ name: string; options: BrowserContextOptions; english?: boolean }> = [
  { name: '390px', options: phone },
  { name: 'zoom-200', options: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 } },
  // English words are longer than Chinese ones: the phone once more, in English.
  { name: '390px-en', options: phone, english: true },
  // And the desktop the narrow layouts must leave as it was.
  { name: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
];

export interface Problem {
  element: string;
  why: string;
}

/**
 * Runs in the page: the page-level overflow, and every visible action (button, link, role=button
 * in the light DOM and in open shadow roots) that is not reachable by scrolling the page up and
 * down only: outside the viewport sideways, or clipped by an ancestor that scrolls or hides sideways.
 */
export function findProblems(): { scrollWidth: number; clientWidth: number; problems: Problem[]; actions: number } {
  const doc = document.scrollingElement as HTMLElement;
  const all: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const isAction = (el: Element) => el.matches('button, a[href], [role="button"], [role="link"], summary');
  const describe = (el: Element) => {
    const host = (el.getRootNode() as ShadowRoot).host;
    const name = (el.getAttribute('aria-label') || (el.textContent ?? '')).trim().replace(/\s+/g, ' ').slice(0, 60);
    const cls = el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : '';
    return `${host ? `<${host.localName}> ` : ''}${el.localName}${cls} 「${name}」`;
  };
  /** The parent across shadow boundaries (a slotted node's assigned slot first). */
  const parentOf = (el: Element): Element | null => {
    if (el.assignedSlot) return el.assignedSlot;
    if (el.parentElement) return el.parentElement;
    const root = el.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const problems: Problem[] = [];
  const actions = all.filter(isAction);
  const vw = doc.clientWidth;
  let counted = 0;
  for (const el of actions) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // Not shown (display:none, a closed dialog, a collapsed panel) or hidden on purpose until focused.
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (el.closest('[inert]')) continue;
    counted++;
    // Scroll the page vertically only, so the action is in view as a user scrolling down sees it.
    window.scrollTo(0, box.top + window.scrollY - window.innerHeight / 2);
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1) {
      problems.push({ element: describe(el), why: `outside the viewport sideways (${Math.round(r.left)}..${Math.round(r.right)} of 0..${vw})` });
      continue;
    }
    for (let a = parentOf(el); a && a !== document.documentElement && a !== document.body; a = parentOf(a)) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible') continue;
      const ar = a.getBoundingClientRect();
      if (r.left < ar.left - 1 || r.right > ar.right + 1) {
        problems.push({ element: describe(el), why: `clipped by ${describe(a)} (overflow-x: ${s.overflowX}; ${Math.round(r.left)}..${Math.round(r.right)} of ${Math.round(ar.left)}..${Math.round(ar.right)})` });
        break;
      }
    }
  }
  window.scrollTo(0, 0);
  return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, problems, actions: counted };
}

/** Every screen of every role the demo has, each opened from a fresh sign-in. */
export interface Screen {
  name: string;
  /** false: checked in Chinese only (the language is switched on the portal's header, which a modal dialog covers). */
  english?: false;
  open(page: Page, url: string): Promise<void>;
}

export async function toOffice(page: Page, link: string, urlPart: string) {
  await page.locator('licheng-portal nav a', { hasText: link }).click();
  await page.waitForURL(`**/${urlPart}`);
}

/** Lets the office finish loading and laying out. */
export async function waitQuiet(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
}

/** Opens the screen at the size, saves its picture and fails with every problem found on it. */
export async function checkScreen(browser: Browser, url: string, screen: Screen, size: (typeof sizes)[number], errors: string[]): Promise<void> {
  const page = await newPage(browser, errors, size.options);
  await screen.open(page, url);
  if (size.english) {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Switch to English' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }
  await waitQuiet(page);
  await page.screenshot({ path: path.join(shots, `${screen.name}-${size.name}.png`), fullPage: true });
  const found = await page.evaluate(findProblems);
  // The stacked layouts of narrow screens keep what assistive technology reads intact.
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await page.context().close();
  expect(serious, `${screen.name} at ${size.name}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
  expect(found.actions, `${screen.name} at ${size.name}: actions found`).toBeGreaterThan(0);
  const failures = found.problems.map((p) => `${screen.name} at ${size.name}: ${p.element} ${p.why}`);
  if (found.scrollWidth > found.clientWidth + 1) failures.unshift(`${screen.name} at ${size.name}: the page is ${found.scrollWidth} px wide in a ${found.clientWidth} px viewport`);
  expect(failures).toEqual([]);
}


/**
 * Registers, inside the caller's describe, one test per screen and size (checkScreen; English
 * sizes skip screens marked `english: false`) and one that no page raised an error. `at` gives
 * the browser and the demo server's URL once beforeAll has started them.
 */
export function checkEveryScreen(screens: readonly Screen[], at: () => { browser: Browser; url: string }, errors: string[]): void {
  for (const size of sizes) {
    for (const screen of screens) {
      it.concurrent(`${screen.name} at ${size.name}: no sideways page scroll, every action reachable, axe clean`, async (ctx) => {
        if (size.english && screen.english === false) ctx.skip();
        const { browser, url } = at();
        await checkScreen(browser, url, screen, size, errors);
      });
    }
  }
  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
}
