import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { LichengClient, type Locale } from './client.ts';
import { hostToken, type TokenProvider } from './token.ts';

/** The page's language: `<html lang="en…">` means English, anything else 繁體中文. */
export function documentLocale(): Locale {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang.toLowerCase();
  return lang.startsWith('en') ? 'en' : 'zh-TW';
}

/**
 * Base class of every Licheng element that talks to the API. Properties in:
 * `token` (attribute or property; or `tokenProvider`, or the host page's `window.LICHENG_TOKEN`),
 * `apiBase` (attribute `api-base`, default same origin) and `locale` ('zh-TW' | 'en').
 *
 * Subclasses implement `load()`: it runs after the first render and again whenever the token
 * or apiBase change (not when a token provider merely refreshed an expired token).
 *
 * @attr token - The host's signed token for the signed-in user (HS256 JWT).
 * @attr api-base - Where the Licheng API is mounted: '' (same origin), '/portfolio' or an absolute URL.
 * @attr locale - 'zh-TW' (default, from `<html lang>`) or 'en'.
 * @event licheng-token-expired - The token has expired. `detail.willRetry` is true when a
 *   `tokenProvider` is being asked for a fresh token (the call is then retried once).
 */
export class LichengConnectedElement extends LitElement {
  static override properties: PropertyDeclarations = {
    // The `token` attribute is for plain HTML hosts (one element, one attribute); the property,
    // a `tokenProvider` or window.LICHENG_TOKEN keep the token out of the DOM.
    token: { attribute: 'token' },
    tokenProvider: { attribute: false },
    apiBase: { attribute: 'api-base' },
    locale: { reflect: true },
  };

  declare token: string | undefined;
  declare tokenProvider: TokenProvider | undefined;
  declare apiBase: string;
  declare locale: Locale;

  #client: LichengClient | undefined;
  #adoptingToken = false;
  #firstCycle = false;

  constructor() {
    super();
    this.apiBase = '';
    this.locale = documentLocale();
  }

  /** The API client, kept in step with the element's properties. */
  get api(): LichengClient {
    const client = (this.#client ??= new LichengClient({
      onTokenExpired: ({ willRetry }) => this.emit('licheng-token-expired', { willRetry }),
      onTokenRefreshed: (token) => {
        this.#adoptingToken = true;
        this.token = token;
      },
    }));
    client.apiBase = (this.apiBase ?? '').replace(/\/+$/, '');
    client.token = this.token ?? hostToken();
    client.tokenProvider = this.tokenProvider;
    client.locale = this.locale;
    return client;
  }

  /** Fetches what the element shows; called after the first render and when the connection changes. */
  protected load(): void | Promise<void> {}

  /** Dispatches a `licheng-*` CustomEvent that bubbles out of shadow roots. */
  protected emit<T>(name: `licheng-${string}`, detail?: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.#firstCycle = true;
    void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const first = this.#firstCycle;
    this.#firstCycle = false;
    const adopting = this.#adoptingToken;
    this.#adoptingToken = false;
    if (first) return;
    const connectionChanged = (changed.has('token') && !adopting) || changed.has('apiBase') || changed.has('tokenProvider');
    if (connectionChanged) void this.load();
  }
}
