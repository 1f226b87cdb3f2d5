import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { CONTEXT_EVENT } from '@licheng/client';
import { start } from 'single-spa';
import './portal.ts';
import type { Portal } from './portal.component.ts';

const users = [
  { userId: 's1', name: '陳怡君', roles: ['student'], label: '學生 101 班 1 號', school: '999901' },
  { userId: 't1', name: '王美玲', roles: ['subject-teacher'], label: '任課教師', school: '999901' },
  { userId: 'r1', name: '註冊組 林組長', roles: ['registry-staff'], label: '註冊組', school: '999901' },
];

function me(roles: string[], offices: string[], reminders: Array<{ office: string; tag: string }> = []) {
  const names: Record<string, { 'zh-TW': string; en: string }> = {
    student: { 'zh-TW': '學生', en: 'Student' },
    teaching: { 'zh-TW': '任課教師認證', en: 'Subject teachers' },
    registry: { 'zh-TW': '註冊組', en: 'Registry' },
    library: { 'zh-TW': '圖書館', en: 'Library' },
  };
  return {
    user: { userId: 'u', name: '王美玲', school: '999901', roles },
    school: { code: '999901', name: '示範高級中學', type: 'general' },
    term: { academicYear: 114, semester: 1 },
    today: '2025-10-01',
    offices: offices.map((id) => ({ id, office: names[id], roles })),
    reminders,
    windows: [],
  };
}

/**
 * The page's import map names the offices the portal can load. Each office here is a small
 * module (a Blob URL) with single-spa lifecycles that mounts a marker, so a test sees which
 * office the root config loaded and mounted, and with which props.
 */
function officeModuleUrl(id: string): string {
  // Each office module also defines a reminder element, as an office with `reminders` does.
  const code = `customElements.get('licheng-${id}-reminder') || customElements.define('licheng-${id}-reminder', class extends HTMLElement {
      connectedCallback() { this.textContent = 'reminder ' + this.locale + ' ' + (this.token ? 'with token' : 'no token'); }
    });
    export async function bootstrap() {}
    export async function mount(props) { const el = document.createElement('p'); el.dataset.mounted = '${id}'; el.textContent = props.locale; props.domElement.append(el); }
    export async function unmount(props) { props.domElement.replaceChildren(); }`;
  return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}
const officeImportMap = document.createElement('script');
officeImportMap.type = 'importmap';
officeImportMap.textContent = JSON.stringify({
  imports: Object.fromEntries(['student', 'teaching', 'registry', 'library'].map((id) => [`@licheng/plugin-${id}/web`, officeModuleUrl(id)])),
});
document.head.append(officeImportMap);
// As main.ts does: single-spa mounts the registered office whose path is open.
start({ urlRerouteOnly: true });

const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

describe('<licheng-portal>', () => {
  let api: FakeApi;
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    delete window.LICHENG_TOKEN;
    history.replaceState(null, '', '/');
  });
  afterEach(() => {
    api?.restore();
    sessionStorage.clear();
    delete window.LICHENG_TOKEN;
  });

  it('offers the demo users by role when the server runs the demo, and is accessible', async () => {
    api = installFakeApi({ 'GET /demo/users': () => users });
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.phase === 'sign-in', 'no sign-in');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('登入示範平臺');
    const groups = [...el.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent);
    expect(groups).to.deep.equal(['學生（上傳、修正、勾選）', '教師（認證；導師另有班級進度）', '註冊組（匯入、名冊匯出、收訖明細）']);
    await expect(el).to.be.accessible();
  });

  it('without the demo (404), asks for the school system’s sign-in and never reads the URL', async () => {
    api = installFakeApi({
      'GET /demo/users': () => {
        throw new FakeApiError('not-found', 'no demo', 404);
      },
    });
    history.replaceState(null, '', '/?token=should-be-ignored');
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.phase === 'host-required');
    await el.updateComplete;
    expect(text(el)).to.contain('請由學校系統登入');
    expect(api.callsTo('platform.me')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('signs in as a demo user, keeps the token for the tab and shows school, user, roles and their offices', async () => {
    const token = fakeToken({ sub: 't1' });
    api = installFakeApi({
      'GET /demo/users': () => users,
      'POST /demo/token': () => ({ token }),
      'platform.me': () => me(['subject-teacher'], ['teaching']),
    });
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.phase === 'sign-in');
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.users button')].find((b) => b.textContent!.includes('王美玲'))!.click();
    await waitUntil(() => el.phase === 'ready', 'never signed in');
    await el.updateComplete;
    expect(sessionStorage.getItem('licheng-token')).to.equal(token);
    expect(api.callsTo('platform.me')[0]!.headers.get('authorization')).to.equal(`Bearer ${token}`);
    const header = el.shadowRoot!.querySelector('header')!;
    expect(header.textContent).to.contain('示範高級中學');
    expect(header.textContent).to.contain('王美玲（任課教師）');
    const links = [...el.shadowRoot!.querySelectorAll('nav a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).to.deep.equal([['任課教師認證', '/teaching']]);
    expect(location.pathname).to.equal('/teaching');
    expect(el.shadowRoot!.querySelector('nav a')!.getAttribute('aria-current')).to.equal('page');
    await expect(el).to.be.accessible();
  });

  it('uses the host page’s window.LICHENG_TOKEN and lists every office the user may use', async () => {
    const token = fakeToken({ sub: 'multi' });
    window.LICHENG_TOKEN = token;
    api = installFakeApi({ 'platform.me': () => me(['subject-teacher', 'registry-staff'], ['teaching', 'registry']) });
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.phase === 'ready');
    await el.updateComplete;
    expect(api.callsTo('platform.me')[0]!.headers.get('authorization')).to.equal(`Bearer ${token}`);
    expect(api.callsTo('/demo/users')).to.have.length(0);
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal(['任課教師認證', '註冊組']);
    // Lands on the first office; the other is one link away.
    expect(location.pathname).to.equal('/teaching');
    expect([...el.shadowRoot!.querySelectorAll('nav a[aria-current="page"]')].map((a) => a.textContent)).to.deep.equal(['任課教師認證']);
    await expect(el).to.be.accessible();
  });

  it('switches the language, tells mounted offices and remembers it', async () => {
    window.LICHENG_TOKEN = fakeToken();
    api = installFakeApi({ 'platform.me': () => me(['student'], ['student']) });
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.phase === 'ready');
    await el.updateComplete;
    const told = oneEvent(window, CONTEXT_EVENT);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Switch to English"]')!.click();
    expect(((await told) as CustomEvent<{ locale: string }>).detail.locale).to.equal('en');
    await el.updateComplete;
    expect(document.documentElement.lang).to.equal('en');
    expect(localStorage.getItem('licheng-locale')).to.equal('en');
    expect(el.shadowRoot!.querySelector('header')!.textContent).to.contain('Sign out');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="切換為繁體中文"]')!.click();
    await el.updateComplete;
    expect(document.documentElement.lang).to.equal('zh-Hant-TW');
  });

  it('on an expired token, drops the demo token and returns to the sign-in with a notice', async () => {
    sessionStorage.setItem('licheng-token', fakeToken());
    api = installFakeApi({ 'GET /demo/users': () => users, 'platform.me': () => me(['student'], ['student']) });
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.phase === 'ready');
    document.body.dispatchEvent(new CustomEvent('licheng-token-expired', { bubbles: true, composed: true, detail: { willRetry: false } }));
    await waitUntil(() => el.phase === 'sign-in', 'did not return to sign-in');
    await el.updateComplete;
    expect(sessionStorage.getItem('licheng-token')).to.equal(null);
    expect(el.message).to.equal('登入已逾時，請重新登入。');
  });

  it('loads the office the URL names through the import map and mounts it in its own container', async () => {
    window.LICHENG_TOKEN = fakeToken();
    history.replaceState(null, '', '/library');
    api = installFakeApi({ 'platform.me': () => me(['subject-teacher', 'library-staff'], ['teaching', 'library']) });
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.querySelector('[data-mounted]'), 'no office mounted');
    const mounted = el.querySelector('[data-office="library"] [data-mounted]')!;
    expect(mounted.getAttribute('data-mounted')).to.equal('library');
    expect(mounted.textContent).to.equal('zh-TW');
    expect(el.querySelector('[data-office="teaching"] [data-mounted]')).to.equal(null);
  });

  it('lists only the offices both enabled for the user and present in the page’s import map', async () => {
    window.LICHENG_TOKEN = fakeToken();
    // A page whose import map lacks the registry (the server leaves out what it does not serve).
    const partial = document.createElement('script');
    partial.type = 'importmap';
    partial.textContent = JSON.stringify({ imports: { '@licheng/plugin-teaching/web': officeModuleUrl('teaching'), lit: '/shared/lit.js' } });
    officeImportMap.replaceWith(partial);
    try {
      api = installFakeApi({ 'platform.me': () => me(['subject-teacher', 'registry-staff'], ['teaching', 'registry']) });
      const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
      await waitUntil(() => el.phase === 'ready');
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal(['任課教師認證']);
    } finally {
      partial.replaceWith(officeImportMap);
    }
  });

  it('shows the offices’ reminders above every screen, fed with the token, and drops them on sign-out', async () => {
    sessionStorage.setItem('licheng-token', fakeToken());
    api = installFakeApi({
      'GET /demo/users': () => users,
      'platform.me': () =>
        me(['student'], ['student'], [
          { office: 'library', tag: 'licheng-library-reminder' },
          // An office the page's import map does not name (not served here): skipped, no error.
          { office: 'practicum', tag: 'licheng-practicum-reminder' },
        ]),
    });
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.reminders licheng-library-reminder'), 'no reminder shown');
    const reminder = el.shadowRoot!.querySelector<HTMLElement & { token?: string }>('.reminders licheng-library-reminder')!;
    expect(reminder.textContent).to.equal('reminder zh-TW with token');
    expect(reminder.token).to.equal(sessionStorage.getItem('licheng-token'));
    expect(reminder.getAttribute('heading-level')).to.equal('2');
    expect(el.shadowRoot!.querySelectorAll('.reminders > *')).to.have.length(1);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('header button')].find((b) => b.textContent === '登出')!.click();
    await waitUntil(() => el.phase === 'sign-in');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.reminders')).to.equal(null);
  });

  it('signs out to the sign-in page', async () => {
    sessionStorage.setItem('licheng-token', fakeToken());
    api = installFakeApi({ 'GET /demo/users': () => users, 'platform.me': () => me(['student'], ['student']) });
    const el = await fixture<Portal>(html`<licheng-portal></licheng-portal>`);
    await waitUntil(() => el.phase === 'ready');
    await el.updateComplete;
    const signedOut = oneEvent(el, 'licheng-sign-out');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('header button')].find((b) => b.textContent === '登出')!.click();
    await signedOut;
    await waitUntil(() => el.phase === 'sign-in');
    expect(sessionStorage.getItem('licheng-token')).to.equal(null);
    expect(location.pathname).to.equal('/');
  });
});
