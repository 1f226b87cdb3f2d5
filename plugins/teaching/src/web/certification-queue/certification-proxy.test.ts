import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import type { Locale } from '@licheng/ui';
import './certification-queue.ts';
import type { CertificationQueue } from './certification-queue.component.ts';
import { item, me, queue } from '../testing/fixtures.ts';
import type { QueueItem } from '../api.ts';

/** 代理: items a proxy certifies for an absent teacher say for whom, before and after the decision. */
describe('<licheng-certification-queue> as a proxy', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(items: QueueItem[], locale: Locale = 'zh-TW') {
    api = installFakeApi({ 'teaching.certifications.queue': () => queue(items), 'platform.me': () => me });
    const el = await fixture<CertificationQueue>(html`<licheng-certification-queue .token=${fakeToken()} locale=${locale} status="all"></licheng-certification-queue>`);
    await waitUntil(() => el.queue !== null, 'queue never loaded');
    await el.updateComplete;
    return el;
  }
  const text = (el: CertificationQueue, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());

  it('shows 「代理 王老師」 on the absent teacher’s items and on a decision a proxy made; accessible', async () => {
    const pending = item({ id: 'r1', actingFor: { userId: 't-wang', name: '王老師' } });
    const decided = item({ id: 'r2', student: { name: '李小華', studentNo: '1130002', className: '101', seatNo: 2 }, status: 'passed', decidedByName: '陳老師', decidedForName: '王老師', decidedAt: '2025-10-02T02:00:00.000Z', version: 2 });
    const own = item({ id: 'r3', student: { name: '張小英', studentNo: '1130003', className: '101', seatNo: 3 } });
    const el = await render([pending, decided, own]);
    expect(text(el, '.acting-for')).to.deep.equal(['代理 王老師']);
    expect(text(el, '.decided')[0]).to.match(/^陳老師 於 .*（代理 王老師）$/);
    await expect(el).to.be.accessible();
  });

  it('says it in English too', async () => {
    const el = await render([item({ id: 'r1', actingFor: { userId: 't-wang', name: '王老師' } })], 'en');
    expect(text(el, '.acting-for')).to.deep.equal(['for 王老師']);
  });
});
