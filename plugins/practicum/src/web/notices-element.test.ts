import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, FakeApiError, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { defineNotices, type LichengNoticesElement } from './notices-element.ts';

defineNotices();

const notices = [
  { id: 'n2', title: '開放時間調整', body: '本週五下午暫停服務。', postedByName: '王組長', postedAt: '2025-10-02T01:00:00.000Z' },
  { id: 'n1', title: '新學期', body: '歡迎使用。', postedByName: '王組長', postedAt: '2025-09-01T01:00:00.000Z' },
];

describe('<licheng-practicum-notices>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(limit = 20) {
    const el = await fixture<LichengNoticesElement>(html`<licheng-practicum-notices .token=${fakeToken()} .limit=${limit} locale="zh-TW"></licheng-practicum-notices>`);
    await waitUntil(() => el.notices !== null || el.error !== null, 'the element never loaded');
    await el.updateComplete;
    return el;
  }

  it('lists the notices it loads, with the token and the locale on the call', async () => {
    api = installFakeApi({ 'practicum.notices.list': () => notices });
    const el = await render(5);
    const items = el.shadowRoot!.querySelectorAll('[part="notice"]');
    expect(items).to.have.length(2);
    expect(items[0]!.querySelector('h3')!.textContent).to.equal('開放時間調整');
    const [call] = api.callsTo('practicum.notices.list');
    expect(call!.input).to.deep.equal({ limit: 5 });
    expect(call!.headers.get('authorization')).to.match(/^Bearer /);
    expect(call!.headers.get('x-licheng-locale')).to.equal('zh-TW');
    await expect(el).to.be.accessible();
  });

  it('says so when there are none', async () => {
    api = installFakeApi({ 'practicum.notices.list': () => [] });
    const el = await render();
    expect(el.shadowRoot!.textContent).to.contain('目前沒有公告');
  });

  it('shows the server’s message as an alert when the call fails', async () => {
    api = installFakeApi({
      'practicum.notices.list': () => {
        throw new FakeApiError('forbidden', '您沒有執行此操作的權限', 403);
      },
    });
    const el = await render();
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('您沒有執行此操作的權限');
  });
});
