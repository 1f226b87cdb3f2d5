import { html, nothing } from 'lit';
import { getAppNames, navigateToUrl, registerApplication, unregisterApplication } from 'single-spa';
import { announceContext, forgetSharedReads, LichengApiError, LichengClient, type Locale } from '@licheng/client';
import { focusOutcome, LichengElement, screenStyles } from '@licheng/ui';
import { roleName, t } from '../messages.ts';
import { importMapOffices, officeModule } from '../offices.ts';
import { demoSignIn, demoUsers, fetchMe, forgetToken, keepDemoToken, keepLocale, storedLocale, storedToken, type DemoUser, type Me } from '../session.ts';
import { portalStyles } from './portal.styles.ts';

type Phase = 'loading' | 'sign-in' | 'host-required' | 'ready' | 'error';

/** A reminder element as the portal feeds it: the props every Licheng element takes. */
type ReminderElement = HTMLElement & { token?: string | undefined; apiBase?: string; locale?: Locale };

const ROLE_ORDER = ['student', 'subject-teacher', 'registry-staff', 'curriculum-staff', 'practicum-staff', 'student-affairs-staff', 'counseling-staff', 'library-staff', 'working-group'];
/** Section roles listed with their office on the sign-in page (學務處's 訓育組, 生輔組, 社團活動組, 體育組). */
const GROUP_OF: Record<string, string> = { 'activities-staff': 'student-affairs-staff', 'discipline-staff': 'student-affairs-staff', 'clubs-staff': 'student-affairs-staff', 'pe-staff': 'student-affairs-staff' };

/**
 * `<licheng-portal>` — the demo campus portal's frame (a single-spa root config): header with
 * the school, the user and their roles, the offices they may use, language switch and sign
 * out; a demo sign-in when the server runs the demo; the office apps mount into its light DOM.
 * Office modules load through the page's import map (see ../offices.ts).
 *
 * The token comes from `window.LICHENG_TOKEN` (a host page) or the demo sign-in
 * (sessionStorage). Office apps get `{ token, apiBase, locale }` as customProps.
 *
 * @event licheng-sign-out - The user signed out (a host page may end its own session).
 */
export class Portal extends LichengElement {
  static override styles = [...screenStyles, portalStyles];
  static override properties = {
    apiBase: { attribute: 'api-base' },
    phase: { state: true },
    me: { state: true },
    users: { state: true },
    path: { state: true },
    message: { state: true },
    messageVariant: { state: true },
    signingIn: { state: true },
    reminders: { state: true },
  };

  declare apiBase: string;
  declare phase: Phase;
  declare me: Me | null;
  declare users: DemoUser[];
  declare path: string;
  declare message: string;
  declare messageVariant: 'info' | 'error' | 'warning';
  declare signingIn: string;
  /** The offices' reminders shown above every screen (platform.me `reminders`). */
  declare reminders: ReminderElement[];

  #token: { token: string; source: 'host' | 'demo' } | null = null;
  #registered = new Set<string>();
  /** The offices the page's import map names, read once on signing in. */
  #loadable: Set<string> | null = null;
  #focusOffice = false;

  constructor() {
    super();
    this.apiBase = '';
    this.locale = storedLocale();
    this.phase = 'loading';
    this.me = null;
    this.users = [];
    this.path = location.pathname;
    this.message = '';
    this.messageVariant = 'info';
    this.signingIn = '';
    this.reminders = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    keepLocale(this.locale);
    window.addEventListener('single-spa:routing-event', this.#onRoute);
    window.addEventListener('popstate', this.#onRoute);
    window.addEventListener('single-spa:app-change', this.#onAppChange);
    document.addEventListener('licheng-token-expired', this.#onExpired);
    void this.#start();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('single-spa:routing-event', this.#onRoute);
    window.removeEventListener('popstate', this.#onRoute);
    window.removeEventListener('single-spa:app-change', this.#onAppChange);
    document.removeEventListener('licheng-token-expired', this.#onExpired);
    super.disconnectedCallback();
  }

  #client(): LichengClient {
    return new LichengClient({ apiBase: this.apiBase, token: this.#token?.token, locale: this.locale });
  }

  async #start(): Promise<void> {
    this.#token = storedToken();
    if (this.#token) return this.#signedIn();
    await this.#showSignIn();
  }

  async #showSignIn(): Promise<void> {
    try {
      const users = await demoUsers(this.apiBase);
      if (users === null) {
        this.phase = 'host-required';
        return;
      }
      this.users = users;
      this.phase = 'sign-in';
    } catch (error) {
      this.#fail(error);
    }
  }

  async #signedIn(): Promise<void> {
    this.phase = 'loading';
    this.#prefetchOpenOffice();
    try {
      this.me = await fetchMe(this.#client());
      this.#loadable = new Set(importMapOffices());
    } catch (error) {
      if (error instanceof LichengApiError && (error.code === 'token-expired' || error.code === 'unauthenticated') && this.#token?.source === 'demo') {
        forgetToken();
        this.#token = null;
        this.#say(t(error.code === 'token-expired' ? 'expired' : 'host.body', {}, this.locale), 'warning');
        await this.#showSignIn();
        return;
      }
      this.#fail(error, 'error.me');
      return;
    }
    this.phase = 'ready';
    // The reminders' modules and calls wait until single-spa has mounted the open screen: they never delay it.
    const mounted = this.#nextRoutingEvent();
    this.#registerOffices();
    void mounted.then(() => this.#loadReminders());
    const mine = this.#myOffices();
    // Land on the user's first office (their main desk); the others are in the navigation.
    if ((location.pathname === '/' || location.pathname === '') && mine.length > 0) this.#go(mine[0]!.path);
    this.#updateTitle();
  }

  /**
   * Starts loading the module of the office the address names (`/student/…`) while `platform.me`
   * is asked, so the screen does not wait for one before the other. Only the code loads: single-spa
   * mounts it once `platform.me` says the user may use it. A module that fails here is reported
   * by single-spa when it loads it.
   */
  #prefetchOpenOffice(): void {
    const id = importMapOffices().find((o) => location.pathname === `/${o}` || location.pathname.startsWith(`/${o}/`));
    if (id) officeModule(id).load().catch(() => undefined);
  }

  #myOffices() {
    // Offices the user may use (platform.me) that this page's import map can load.
    const loadable = this.#loadable ?? new Set(importMapOffices());
    return (this.me?.offices ?? []).filter((o) => loadable.has(o.id)).map((o) => ({ ...officeModule(o.id), office: o.office }));
  }

  /** Resolves after single-spa's next reroute (the open office mounted), or after two seconds at most. */
  #nextRoutingEvent(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        window.removeEventListener('single-spa:routing-event', done);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, 2_000);
      window.addEventListener('single-spa:routing-event', done);
    });
  }

  /** Loads the offices whose reminders this user must see (through the import map) and creates the elements. */
  async #loadReminders(): Promise<void> {
    const loadable = new Set(importMapOffices());
    const elements: ReminderElement[] = [];
    for (const reminder of (this.me?.reminders ?? []).filter((r) => loadable.has(r.office))) {
      try {
        await officeModule(reminder.office).load();
      } catch {
        continue; // the office's own screen reports a module that fails to load
      }
      if (!customElements.get(reminder.tag)) continue;
      const element = document.createElement(reminder.tag) as ReminderElement;
      element.setAttribute('heading-level', '2');
      element.dataset.office = reminder.office;
      elements.push(element);
    }
    this.reminders = elements;
  }

  #reminders() {
    if (this.reminders.length === 0) return nothing;
    for (const element of this.reminders) {
      element.token = this.#token?.token;
      element.apiBase = this.apiBase;
      element.locale = this.locale;
    }
    return html`<div class="reminders">${this.reminders}</div>`;
  }

  #container(id: string): HTMLElement {
    let container = this.querySelector<HTMLElement>(`[data-office="${id}"]`);
    if (!container) {
      container = document.createElement('div');
      container.dataset.office = id;
      this.appendChild(container);
    }
    return container;
  }

  #registerOffices(): void {
    const existing = new Set(getAppNames());
    for (const office of this.#myOffices()) {
      if (existing.has(office.id)) continue;
      registerApplication({
        name: office.id,
        app: office.load,
        activeWhen: (loc) => loc.pathname === office.path || loc.pathname.startsWith(`${office.path}/`),
        customProps: () => ({ token: this.#token?.token, apiBase: this.apiBase, locale: this.locale, domElement: this.#container(office.id) }),
      });
      this.#registered.add(office.id);
    }
  }

  async #unregisterOffices(): Promise<void> {
    await Promise.all([...this.#registered].map((name) => unregisterApplication(name).catch(() => undefined)));
    this.#registered.clear();
    this.querySelectorAll('[data-office]').forEach((c) => c.remove());
  }

  #say(message: string, variant: 'info' | 'error' | 'warning' = 'info') {
    this.message = message;
    this.messageVariant = variant;
  }

  #fail(error: unknown, key: 'error.me' | null = null) {
    const message = error instanceof Error ? error.message : String(error);
    this.#say(key ? t(key, { message }, this.locale) : message, 'error');
    this.phase = 'error';
  }

  #onRoute = () => {
    this.path = location.pathname;
    this.#updateTitle();
  };

  /** After a user-initiated move to an office (or signing in), focus the heading of the screen that appeared. */
  #onAppChange = () => {
    if (!this.#focusOffice) return;
    const office = this.#myOffices().find((o) => this.#isActive(o.path));
    const element = office ? this.#container(office.id).firstElementChild : null;
    // Not mounted yet (the change that unmounted the previous screen): wait for the next one.
    if (office && !element) return;
    this.#focusOffice = false;
    void this.#focusScreen(element);
  };

  /** The focus rule for a screen that appears: its main heading, else the portal's main. */
  #focusScreen(screen: Element | null) {
    const main = () => this.renderRoot.querySelector('main');
    return focusOutcome(screen ?? this, screen ? ['h1', 'h2'] : ['#home-heading', 'h1'], { fallback: main });
  }

  #onExpired = async (event: Event) => {
    if ((event as CustomEvent<{ willRetry?: boolean }>).detail?.willRetry) return;
    await this.#unregisterOffices();
    forgetSharedReads();
    this.me = null;
    if (this.#token?.source === 'demo') {
      forgetToken();
      this.#token = null;
      this.#say(t('expired', {}, this.locale), 'warning');
      await this.#showSignIn();
    } else {
      this.#say(t('expired', {}, this.locale), 'warning');
      this.phase = 'host-required';
    }
  };

  async #signInAs(user: DemoUser) {
    this.signingIn = user.userId;
    this.message = '';
    try {
      const token = await demoSignIn(this.apiBase, user.userId);
      keepDemoToken(token);
      this.#token = { token, source: 'demo' };
      // Signing in lands on the user's first office: focus goes to its heading once it is mounted.
      this.#focusOffice = true;
      await this.#signedIn();
      const first = this.#myOffices()[0];
      if (first && !this.#myOffices().some((o) => this.#isActive(o.path))) this.#go(first.path);
      if (!first || this.phase !== 'ready') {
        // No office (the home page) or a refusal: focus the heading of what is shown.
        this.#focusOffice = false;
        await this.#focusScreen(null);
      }
    } catch (error) {
      this.#focusOffice = false;
      this.#say(t('sign-in.failed', { message: error instanceof Error ? error.message : String(error) }, this.locale), 'error');
    } finally {
      this.signingIn = '';
    }
    if (this.message && this.messageVariant === 'error') await focusOutcome(this, '#portal-message');
  }

  async #signOut() {
    const source = this.#token?.source;
    await this.#unregisterOffices();
    this.reminders = [];
    this.#loadable = null;
    // What the elements read for this user is not kept for the next one.
    forgetSharedReads();
    forgetToken();
    this.#token = null;
    this.me = null;
    this.emit('licheng-sign-out');
    if (location.pathname !== '/') history.pushState(null, '', '/');
    this.path = '/';
    this.#say(t('signed-out', {}, this.locale));
    if (source === 'host') this.phase = 'host-required';
    else await this.#showSignIn();
    this.#updateTitle();
  }

  #switchLocale() {
    this.locale = this.locale === 'zh-TW' ? 'en' : 'zh-TW';
    keepLocale(this.locale);
    announceContext({ locale: this.locale });
    this.#updateTitle();
  }

  #isActive(path: string): boolean {
    return this.path === path || this.path.startsWith(`${path}/`);
  }

  #updateTitle() {
    const L = this.locale;
    const office = this.#myOffices().find((o) => this.#isActive(o.path));
    const parts = [office?.office[L], this.me?.school.name, t('product', {}, L)].filter(Boolean);
    document.title = parts.join('｜');
  }

  #navigate(event: MouseEvent, path: string) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.#focusOffice = true;
    this.#go(path);
  }

  /** Moves to a path through single-spa (which mounts the office) and follows it here. */
  #go(path: string) {
    navigateToUrl(path);
    this.path = location.pathname;
    this.#updateTitle();
  }

  #header() {
    const L = this.locale;
    const me = this.me;
    const offices = this.phase === 'ready' ? this.#myOffices() : [];
    return html`<header>
      <div class="bar">
        <div class="brand">
          <span class="product">${t('product', {}, L)}｜${t('product.sub', {}, L)}</span>
          ${me ? html`<span class="school">${me.school.name}・${t('term', { year: me.term.academicYear, semester: me.term.semester }, L)}</span>` : nothing}
        </div>
        ${offices.length
          ? html`<nav aria-label=${t('nav.offices', {}, L)}>
              <ul>
                ${offices.map(
                  (o) => html`<li>
                    <a href=${o.path} aria-current=${this.#isActive(o.path) ? 'page' : nothing} @click=${(e: MouseEvent) => this.#navigate(e, o.path)}>${o.office[L]}</a>
                  </li>`,
                )}
              </ul>
            </nav>`
          : nothing}
        <div class="account">
          ${me
            ? html`<span class="who"><span class="sr-only">${t('user.label', {}, L)}：</span>${t('user.who', { name: me.user.name, roles: me.user.roles.map((r) => roleName(r, L)).join(L === 'en' ? ', ' : '、') }, L)}</span>`
            : nothing}
          <button type="button" lang=${L === 'zh-TW' ? 'en' : 'zh-Hant-TW'} aria-label=${t('lang.switch-label', {}, L)} @click=${this.#switchLocale}>${t('lang.switch', {}, L)}</button>
          ${me && this.#token ? html`<button type="button" @click=${this.#signOut}>${t('sign-out', {}, L)}</button>` : nothing}
        </div>
      </div>
    </header>`;
  }

  #signIn() {
    const L = this.locale;
    const groups = new Map<string, DemoUser[]>();
    for (const user of this.users) {
      const roles = user.roles.map((r) => GROUP_OF[r] ?? r);
      const role = ROLE_ORDER.find((r) => roles.includes(r)) ?? 'other';
      groups.set(role, [...(groups.get(role) ?? []), user]);
    }
    const order = [...ROLE_ORDER, 'other'].filter((r) => groups.has(r));
    return html`<section class="card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">${t('sign-in.heading', {}, L)}</h1>
      <p>${t('sign-in.intro', {}, L)}</p>
      ${order.map(
        (role) => html`<h2 id="group-${role}">${t(`sign-in.group.${role}` as 'sign-in.group.other', {}, L)}</h2>
          <ul class="users" aria-labelledby="group-${role}">
            ${groups.get(role)!.map(
              (u) => html`<li>
                <button type="button" ?disabled=${Boolean(this.signingIn)} @click=${() => this.#signInAs(u)}>
                  <span class="name">${u.name}</span><span class="role-label">${u.label}</span>
                </button>
              </li>`,
            )}
          </ul>`,
      )}
    </section>`;
  }

  #home() {
    const L = this.locale;
    const offices = this.#myOffices();
    const onOffice = offices.some((o) => this.#isActive(o.path));
    if (onOffice) return nothing;
    if (this.path !== '/' && this.path !== '') {
      return html`<section class="card narrow" aria-labelledby="nf-heading">
        <h1 id="nf-heading">${t('not-found.heading', {}, L)}</h1>
        <p>${t('not-found.body', {}, L)}</p>
      </section>`;
    }
    return html`<section class="card" aria-labelledby="home-heading">
      <h1 id="home-heading">${t('home.heading', {}, L)}</h1>
      ${offices.length
        ? html`<ul class="offices">
            ${offices.map((o) => html`<li><a href=${o.path} @click=${(e: MouseEvent) => this.#navigate(e, o.path)}>${o.office[L]}</a></li>`)}
          </ul>`
        : html`<p>${t('home.none', {}, L)}</p>`}
    </section>`;
  }

  override render() {
    const L = this.locale;
    // A button, not a #main link: the target lives in this shadow root, where a fragment cannot reach.
    return html`<button type="button" class="skip" @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}>${t('skip', {}, L)}</button>
      ${this.#header()}
      <main id="main" tabindex="-1" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>
        <licheng-notice id="portal-message" .locale=${L} variant=${this.messageVariant} .message=${this.message} dismissible></licheng-notice>
        ${this.phase === 'loading' ? html`<p>${t('loading', {}, L)}</p>` : nothing}
        ${this.phase === 'sign-in' ? this.#signIn() : nothing}
        ${this.phase === 'host-required'
          ? html`<section class="card narrow" aria-labelledby="host-heading">
              <h1 id="host-heading">${t('host.heading', {}, L)}</h1>
              <p>${t('host.body', {}, L)}</p>
            </section>`
          : nothing}
        ${this.phase === 'ready' ? this.#reminders() : nothing}
        ${this.phase === 'ready' ? this.#home() : nothing}
        <slot></slot>
      </main>`;
  }
}
