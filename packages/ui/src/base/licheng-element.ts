import { LitElement, type PropertyDeclarations } from 'lit';
import type { Locale } from '../i18n/i18n.ts';

/** The page's language: `<html lang="en…">` means English, anything else 繁體中文. */
export function pageLocale(): Locale {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang.toLowerCase();
  return lang.startsWith('en') ? 'en' : 'zh-TW';
}

/** Base of the shared elements: a `locale` property and `licheng-*` events that leave shadow roots. */
export class LichengElement extends LitElement {
  static override properties: PropertyDeclarations = { locale: { reflect: true } };

  declare locale: Locale;

  constructor() {
    super();
    this.locale = pageLocale();
  }

  protected emit<T>(name: `licheng-${string}`, detail?: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }
}

/** The element that has focus, looking inside open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
