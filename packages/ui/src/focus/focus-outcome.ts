import { deepActiveElement } from '../base/licheng-element.ts';

/**
 * Where focus should land: a CSS selector (searched in the screen's render root and in the
 * shadow roots below it), an element, or a function returning one (evaluated after the render).
 */
export type FocusTarget = string | Element | null | undefined | (() => Element | null | undefined);

/** A screen: a Lit element (its `updateComplete` is awaited) or any element/shadow root. */
export type FocusScope = Element | ShadowRoot;

/** Where focus was when an action started; see {@link focusMark}. */
export interface FocusMark {
  readonly element: Element | null;
}

export interface FocusOutcomeOptions {
  /**
   * Where focus was when the action started ({@link focusMark}). Given, focus moves only if the
   * user has not moved on meanwhile: it is still on that element, on nothing (the page body), or
   * on an element that left the page (a button re-rendered away). Focus the user put elsewhere
   * during a slow action stays there; the screen's live region still announces the outcome.
   */
  since?: FocusMark;
  /** Tried after the targets; then the screen's first heading, then its `main`, then the screen. */
  fallback?: FocusTarget | FocusTarget[];
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** Remembers where focus is as an action starts, for {@link focusOutcome}'s `since`. */
export function focusMark(): FocusMark {
  return { element: deepActiveElement() };
}

/**
 * The focus rule every screen follows: after an action, focus moves to its outcome — the
 * status message or notice, the changed row, or the next thing to do (after a dialog closes,
 * back to what opened it: {@link returnFocus}).
 *
 * Waits for the screen's pending Lit render (`updateComplete`, also of the elements inside it),
 * then focuses the first target that is on the page and not hidden. An element that cannot take
 * focus (a heading, a notice, a table row) gets `tabindex="-1"`: focusable by script, not added
 * to the Tab order. When no target is there (the row vanished), focus goes to `fallback`, else
 * the screen's first heading, else its `main`, so it never falls to the top of the page.
 *
 * Resolves to the element that received focus, or null when focus was left alone (see `since`).
 *
 * @example
 *   const mark = focusMark();
 *   await save();
 *   await focusOutcome(this, ['#saved-row', 'licheng-notice'], { since: mark });
 */
export async function focusOutcome(scope: FocusScope, targets: FocusTarget | FocusTarget[], options: FocusOutcomeOptions = {}): Promise<HTMLElement | null> {
  const host = scope instanceof ShadowRoot ? scope.host : scope;
  // The screen's own render first, awaited here (not in a helper) so focus has moved by the time
  // anyone else awaiting the same render resumes.
  await (host as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
  if (options.since && userMovedOn(options.since)) return null;
  const early = focusFirst(scope, list(targets));
  if (early) return early;
  // Not there yet: the elements inside may still be rendering it.
  await settled(scope);
  if (options.since && userMovedOn(options.since)) return null;
  const landed = focusFirst(scope, [...list(targets), ...list(options.fallback), HEADING, 'main']);
  if (landed) return landed;
  return host instanceof HTMLElement && focusElement(host) ? host : null;
}

function focusFirst(scope: FocusScope, candidates: FocusTarget[]): HTMLElement | null {
  for (const candidate of candidates) {
    const element = resolve(scope, candidate);
    if (element instanceof HTMLElement && focusElement(element)) return element;
  }
  return null;
}

/**
 * Focus back to what opened something (a dialog, a menu) as it closes; if that element left the
 * page, to the first fallback that is there (e.g. the screen's heading).
 */
export function returnFocus(opener: Element | null | undefined, ...fallbacks: Array<Element | null | undefined>): HTMLElement | null {
  for (const element of [opener, ...fallbacks]) {
    if (element instanceof HTMLElement && element.isConnected && focusElement(element)) return element;
  }
  return null;
}

/**
 * Focuses an element now; one that cannot take focus gets `tabindex="-1"` first (focusable by
 * script, not in the Tab order). True when focus is on it or inside it (delegated focus).
 */
export function focusElement(element: Element): boolean {
  if (!(element instanceof HTMLElement) || !element.isConnected || isHidden(element)) return false;
  element.focus();
  if (holdsFocus(element)) return true;
  if (element.hasAttribute('tabindex')) return false;
  element.setAttribute('tabindex', '-1');
  element.focus();
  return holdsFocus(element);
}

function list(targets: FocusTarget | FocusTarget[] | undefined): FocusTarget[] {
  return Array.isArray(targets) ? targets : targets === undefined ? [] : [targets];
}

async function settled(scope: FocusScope): Promise<void> {
  const host = scope instanceof ShadowRoot ? scope.host : scope;
  // Two rounds: a render can add elements that render in turn.
  for (let round = 0; round < 2; round++) {
    const root = scope instanceof ShadowRoot ? scope : scope.shadowRoot ?? scope;
    const pending = [host, ...deepElements(root)];
    await Promise.all(pending.map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete).filter(Boolean));
  }
}

function userMovedOn(mark: FocusMark): boolean {
  const now = deepActiveElement();
  if (!now || now === document.body || now === document.documentElement) return false;
  if (now === mark.element) return false;
  return now.isConnected;
}

function resolve(scope: FocusScope, target: FocusTarget): Element | null {
  const value = typeof target === 'function' ? target() : target;
  if (!value) return null;
  if (typeof value !== 'string') return value;
  if (scope instanceof ShadowRoot || !scope.shadowRoot) return deepQuery(scope, value);
  // A screen's own render root first, then what was slotted into it.
  return deepQuery(scope.shadowRoot, value) ?? deepQuery(scope, value);
}

/** The first match in document order, looking into open shadow roots (the root's own first). */
function deepQuery(root: ParentNode, selector: string): Element | null {
  const own = [...root.querySelectorAll(selector)].find((el) => !isHidden(el));
  if (own) return own;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot));
  }
  return found;
}

function isHidden(element: Element): boolean {
  return element.closest('[hidden], [inert]') !== null || (element instanceof HTMLElement && !element.checkVisibility());
}

function holdsFocus(element: Element): boolean {
  for (let node: Node | null = deepActiveElement(); node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    if (node === element) return true;
  }
  return false;
}
