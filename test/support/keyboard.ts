import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// How a keyboard-only user moves (Tab, Shift+Tab) and where focus is, looking inside shadow roots.

/** What has focus, looking inside shadow roots: its role, accessible name (simplified), id and text. */
export interface Focused {
  tag: string;
  id: string;
  role: string;
  name: string;
  type: string;
  text: string;
  statusOf: string;
  onBody: boolean;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const deepText = (node: Node): string => {
      if (node instanceof Element && node.shadowRoot) return [...node.shadowRoot.childNodes, ...node.childNodes].map(deepText).join(' ');
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof HTMLElement && (node.hidden || node.tagName === 'STYLE')) return '';
      return [...node.childNodes].map(deepText).join(' ');
    };
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    if (!el) return { tag: '', id: '', role: '', name: '', type: '', text: '', statusOf: '', onBody: true };
    const tag = el.tagName.toLowerCase();
    const type = el.getAttribute('type') ?? '';
    const implicit: Record<string, string> = { button: 'button', textarea: 'textbox', select: 'combobox', main: 'main', a: 'link', h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading' };
    const role = el.getAttribute('role') ?? (tag === 'input' ? (type === 'checkbox' ? 'checkbox' : type === 'file' ? 'file' : 'textbox') : (implicit[tag] ?? ''));
    const root = el.getRootNode() as Document | ShadowRoot;
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
    const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '').join(' ') : '';
    const text = squash(deepText(el));
    const name = squash(el.getAttribute('aria-label') || labelledBy || labels || text);
    return { tag, id: el.id, role, name, type, text, statusOf: el.getAttribute('data-status-of') ?? '', onBody: el === document.body || el === document.documentElement };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails with the path it took. */
export async function tabTo(page: Page, match: (f: Focused) => boolean, options: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const trail: string[] = [];
  for (let i = 0; i < (options.max ?? 120); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (match(now)) return now;
    trail.push(`${now.role || now.tag}#${now.id}「${now.name.slice(0, 30)}」`);
  }
  throw new Error(`not reached by Tab: ${trail.join(' → ')}`);
}

/** Waits until focus has landed where `expected` says (role, id, name or text patterns), never on the body. */
export async function expectFocus(page: Page, expected: { role?: string; id?: string; name?: RegExp; text?: RegExp; statusOf?: boolean }) {
  await expect
    .poll(async () => {
      const f = await focused(page);
      return {
        onBody: f.onBody,
        role: expected.role === undefined ? undefined : f.role,
        id: expected.id === undefined ? undefined : f.id,
        name: expected.name === undefined ? undefined : expected.name.test(f.name) ? 'matches' : f.name,
        text: expected.text === undefined ? undefined : expected.text.test(f.text) ? 'matches' : f.text,
        statusOf: expected.statusOf === undefined ? undefined : Boolean(f.statusOf),
      };
    }, { timeout: 15_000 })
    .toEqual({
      onBody: false,
      role: expected.role,
      id: expected.id,
      name: expected.name === undefined ? undefined : 'matches',
      text: expected.text === undefined ? undefined : 'matches',
      statusOf: expected.statusOf,
    });
  return focused(page);
}

/** The demo sign-in, by keyboard: Tab to the person's button and press Enter. */
export async function signInByKeyboard(page: Page, baseUrl: string, name: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: '登入示範平臺' }).waitFor();
  await tabTo(page, (f) => f.role === 'button' && f.name.startsWith(name));
  await page.keyboard.press('Enter');
}

