import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './receipt-app.ts';
import type { ReceiptApp } from './receipt-app.component.ts';
import { bootstrap, mount, unmount } from '../index.ts';
import { batchSummary, cadre, issue, mine, progress } from '../testing/fixtures.ts';

const me = (roles: string[]) => ({ user: { userId: 'u1', name: '使用者', roles }, school: { code: '123456', name: '測試高中', type: 'general' }, offices: [], windows: [] });

describe('<licheng-receipt-app>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(roles: string[]) {
    api = installFakeApi({
      'platform.me': () => me(roles),
      'receipt.mine': () => mine([cadre]),
      'receipt.batches.list': () => [batchSummary],
      'receipt.batches.progress': () => progress,
      'receipt.issues.list': () => [issue],
    });
    const el = await fixture<ReceiptApp>(html`<licheng-receipt-app .token=${fakeToken()} locale="zh-TW"></licheng-receipt-app>`);
    await waitUntil(() => el.roles !== null, 'me never loaded');
    await el.updateComplete;
    return el;
  }

  it('shows students their receipt, and not the desk', async () => {
    const el = await render(['student']);
    const reminder = el.shadowRoot!.querySelector('licheng-receipt-reminder')!;
    expect(reminder).to.exist;
    expect(reminder.hasAttribute('persistent')).to.equal(true);
    expect(el.shadowRoot!.querySelector('licheng-receipt-desk')).to.equal(null);
    await waitUntil(() => reminder.shadowRoot!.querySelector('h1'), 'reminder never rendered');
    await expect(el).to.be.accessible();
  });

  it('shows registry staff the desk', async () => {
    const el = await render(['registry-staff']);
    const desk = el.shadowRoot!.querySelector('licheng-receipt-desk')!;
    expect(desk).to.exist;
    expect(el.shadowRoot!.querySelector('licheng-receipt-reminder')).to.equal(null);
    await waitUntil(() => desk.progress !== null, 'desk never loaded');
    await expect(el).to.be.accessible();
  });

  it('mounts and unmounts as a single-spa application', async () => {
    api = installFakeApi({ 'platform.me': () => me(['student']), 'receipt.mine': () => mine([]) });
    const domElement = document.createElement('div');
    document.body.append(domElement);
    const props = { name: '@licheng/plugin-receipt', domElement, token: fakeToken(), locale: 'zh-TW' } as never;
    await bootstrap(props);
    await mount(props);
    expect(domElement.querySelector('licheng-receipt-app')).to.exist;
    await unmount(props);
    expect(domElement.querySelector('licheng-receipt-app')).to.equal(null);
    domElement.remove();
  });
});
