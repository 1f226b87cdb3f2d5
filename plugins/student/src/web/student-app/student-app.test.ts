import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './student-app.ts';
import type { StudentApp } from './student-app.component.ts';
import { bootstrap, mount, unmount } from '../index.ts';
import { courseList, deepText, me, outcome, performance, performanceKinds, performanceSelection, selection } from '../testing/fixtures.ts';
import { controlNames, repeatedControlNames } from '../testing/accessible-names.ts';

const failed = outcome({ id: 'o2', status: 'failed', statusReason: '非本課程作品' });

function handlers() {
  return {
    'platform.me': () => me(),
    'student.outcomes.list': () => [outcome({ id: 'o1' }), failed],
    'student.courses.list': () => courseList,
    'student.selections.get': () => selection(),
    'student.performances.kinds': () => performanceKinds(),
    'student.performances.list': () => ({ rows: [performance({ id: 'p1' })], total: 1, page: 1, pageSize: 200 }),
    'student.performances.selection.get': () => performanceSelection(),
  };
}

describe('<licheng-student-app>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('opens 我的學習歷程 from the nav, loading it only then, with focus on its heading', async () => {
    api = installFakeApi({
      ...handlers(),
      'student.portfolio.get': () => ({ student: { studentNo: 'S001', name: '王小明', className: '101', seatNo: 1 }, semesters: [], years: [], totals: { records: 0, pending: 0, failed: 0, selected: 0 } }),
    });
    const el = await fixture<StudentApp>(html`<licheng-student-app .token=${fakeToken()} locale="zh-TW"></licheng-student-app>`);
    await waitUntil(() => el.me !== null, 'me never loaded');
    expect(api.callsTo('student.portfolio.get')).to.have.length(0);
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent === '我的學習歷程')!;
    button.click();
    await waitUntil(() => el.shadowRoot!.querySelector('licheng-my-portfolio')?.portfolio != null, 'the portfolio never loaded');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(deepText(el)).to.contain('目前還沒有任何紀錄。');
    await expect(el).to.be.accessible();
  });

  it('greets the student, switches views from the nav and is accessible', async () => {
    api = installFakeApi(handlers());
    const el = await fixture<StudentApp>(html`<licheng-student-app .token=${fakeToken()} locale="zh-TW"></licheng-student-app>`);
    await waitUntil(() => el.me !== null, 'me never loaded');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('課程學習成果與多元表現');
    expect(deepText(el)).to.contain('王小明');
    await expect(el).to.be.accessible();
    const uploadButton = [...el.shadowRoot!.querySelectorAll('nav button')].find((b) => b.textContent === '上傳成果') as HTMLButtonElement;
    uploadButton.click();
    await el.updateComplete;
    expect(el.view).to.equal('upload');
    expect(uploadButton.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('licheng-my-outcomes')!.hidden).to.equal(true);
    await waitUntil(() => deepActiveElement()?.tagName === 'H2', 'focus did not move to the view heading');
    await expect(el).to.be.accessible();
  });

  for (const locale of ['zh-TW', 'en'] as const) {
    it(`names every control of each view differently (${locale}), the upload tab apart from the send button`, async () => {
      api = installFakeApi({
        ...handlers(),
        // Two outcomes of one subject: their buttons must still read apart.
        'student.outcomes.list': () => [outcome({ id: 'o1', status: 'failed', statusReason: '檔案無法開啟', summary: '第一份報告' }), failed],
      });
      const el = await fixture<StudentApp>(html`<licheng-student-app .token=${fakeToken()} locale=${locale}></licheng-student-app>`);
      await waitUntil(() => el.me !== null, 'me never loaded');
      const nav = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')];
      for (const [i, view] of (['list', 'upload', 'selection', 'performances', 'performance-selection'] as const).entries()) {
        nav[i]!.click();
        await waitUntil(() => el.view === view && deepActiveElement()?.tagName === 'H2', `${view} never shown`);
        await new Promise((r) => setTimeout(r, 50));
        expect(await repeatedControlNames(), view).to.deep.equal([]);
      }
      nav[1]!.click();
      await waitUntil(() => el.view === 'upload', 'upload never shown');
      const names = await controlNames();
      expect(names).to.include(locale === 'zh-TW' ? 'button: 上傳成果' : 'button: Upload');
      expect(names).to.include(locale === 'zh-TW' ? 'button: 送出成果' : 'button: Send outcome');
    });
  }

  it('opens the fix form for a failed item from the list', async () => {
    api = installFakeApi(handlers());
    const el = await fixture<StudentApp>(html`<licheng-student-app .token=${fakeToken()} locale="zh-TW"></licheng-student-app>`);
    const list = el.shadowRoot!.querySelector('licheng-my-outcomes')!;
    await waitUntil(() => list.shadowRoot!.querySelector('button[aria-label^="修正並重新送出"]'), 'list never loaded');
    list.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label^="修正並重新送出"]')!.click();
    await el.updateComplete;
    expect(el.view).to.equal('upload');
    const form = el.shadowRoot!.querySelector('licheng-outcome-upload')!;
    await form.updateComplete;
    expect(form.outcome?.id).to.equal('o2');
    expect(form.shadowRoot!.querySelector('h2')!.textContent).to.contain('修正並重新送出');
  });

  it('tells the host when the token has expired', async () => {
    api = installFakeApi({
      'platform.me': () => {
        throw new FakeApiError('token-expired', '登入已逾時，請重新登入', 401);
      },
      'student.outcomes.list': () => [],
      'student.courses.list': () => courseList,
      'student.selections.get': () => selection(),
    });
    const el = document.createElement('licheng-student-app') as StudentApp;
    el.token = fakeToken();
    const expired = oneEvent(document.body, 'licheng-token-expired');
    document.body.appendChild(el);
    const event = (await expired) as CustomEvent<{ willRetry: boolean }>;
    expect(event.detail.willRetry).to.equal(false);
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => el.failure !== '', 'failure not shown');
    el.remove();
  });

  it('with a token provider, gets a fresh token and retries once', async () => {
    let first = true;
    api = installFakeApi({
      ...handlers(),
      'platform.me': (_input, call) => {
        if (call.headers.get('authorization') === 'Bearer fresh') return me();
        if (first) {
          first = false;
          throw new FakeApiError('token-expired', '登入已逾時，請重新登入', 401);
        }
        return me();
      },
    });
    const el = await fixture<StudentApp>(html`<licheng-student-app .token=${'stale'} .tokenProvider=${async () => 'fresh'} locale="zh-TW"></licheng-student-app>`);
    await waitUntil(() => el.me !== null, 'did not recover');
    const calls = api.callsTo('platform.me').map((c) => c.headers.get('authorization'));
    expect(calls).to.include('Bearer fresh');
  });
});

describe('student single-spa lifecycles', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('mounts <licheng-student-app> with the customProps and unmounts it', async () => {
    api = installFakeApi(handlers());
    const domElement = document.createElement('div');
    document.body.appendChild(domElement);
    const props = { name: '@licheng/plugin-student', singleSpa: {} as never, mountParcel: (() => {}) as never, token: fakeToken(), apiBase: '/portfolio', locale: 'en' as const, domElement };
    await bootstrap(props);
    await mount(props);
    const el = domElement.querySelector('licheng-student-app') as StudentApp;
    expect(el).to.exist;
    expect(el.apiBase).to.equal('/portfolio');
    expect(el.locale).to.equal('en');
    await waitUntil(() => api.calls.length > 0, 'no call made');
    expect(api.calls[0]!.headers.get('x-licheng-locale')).to.equal('en');
    expect(new URL(api.calls[0]!.url).pathname).to.match(/^\/portfolio\/trpc\//);
    window.dispatchEvent(new CustomEvent('licheng-context-change', { detail: { locale: 'zh-TW' } }));
    expect(el.locale).to.equal('zh-TW');
    await unmount(props);
    expect(domElement.querySelector('licheng-student-app')).to.equal(null);
    domElement.remove();
  });
});
