import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './working-group-desk.ts';
import type { WorkingGroupDesk } from './working-group-desk.component.ts';
import { loadTab } from './desk-tabs.ts';
import { bootstrap, mount, unmount } from '../index.ts';
import { meetings115, members115, trainings115 } from '../testing/group-fixtures.ts';
import { dashboard114, selfCheck114 } from '../testing/progress-fixtures.ts';
import { overview115 } from '../testing/evaluation-fixtures.ts';

const year = { academicYear: 115, today: '2026-11-27', years: [115], windows: [], unscheduled: ['outcome-upload'] };
const windows = { academicYear: 115, years: [115], windows: [], removed: [] };
const proxies = { today: '2026-11-27', scopes: [{ id: 'certification', roles: [] }], teachers: [], lists: [], absences: [], departures: [] };
const handlers = {
  'working-group.schedule.list': () => year,
  'working-group.schedule.windows': () => windows,
  'working-group.members.list': () => members115,
  'working-group.meetings.list': () => meetings115,
  'working-group.trainings.list': () => trainings115,
  'working-group.proxies.list': () => proxies,
  'working-group.dashboard.progress': () => dashboard114,
  'working-group.selfCheck.get': () => selfCheck114,
  'working-group.evaluation.overview': () => overview115(),
};

const desk = () => fixture<WorkingGroupDesk>(html`<licheng-working-group-desk .token=${fakeToken()} locale="zh-TW"></licheng-working-group-desk>`);
const tabs = (el: WorkingGroupDesk) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const h2Of = (el: WorkingGroupDesk, tag: string) => el.shadowRoot!.querySelector(tag)?.shadowRoot?.querySelector('h2')?.textContent;

describe('<licheng-working-group-desk>', () => {
  let api: FakeApi;
  beforeEach(() => sessionStorage.clear());
  afterEach(() => api?.restore());

  it('opens on the schedule tab: the published schedule and its editor under one h1, and is accessible', async () => {
    api = installFakeApi(handlers);
    const el = await desk();
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('學習歷程工作小組');
    expect(tabs(el).map((b) => b.textContent!.trim())).to.deep.equal(['作業期程', '進度', '成員與會議', '研習與宣導', '代理人', '自我檢核', '評鑑與獎勵']);
    expect(tabs(el).map((b) => b.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false', 'false', 'false', 'false', 'false']);
    await waitUntil(() => h2Of(el, 'licheng-schedule') && h2Of(el, 'licheng-schedule-editor'), 'the schedule tab never loaded', { timeout: 5000 });
    expect(h2Of(el, 'licheng-schedule')).to.equal('學習歷程檔案作業期程');
    expect(h2Of(el, 'licheng-schedule-editor')).to.equal('設定作業期程');
    expect(el.shadowRoot!.querySelector('licheng-group-members')).to.equal(null);
    expect(api.callsTo('working-group.members.list')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('moves between tabs with the arrow keys, focus on the tab, its sections loading; a reload comes back to it', async () => {
    api = installFakeApi(handlers);
    const el = await desk();
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-progress');
    await waitUntil(() => h2Of(el, 'licheng-group-dashboard') === '進度儀表板', 'the dashboard never loaded', { timeout: 5000 });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-group');
    expect(el.shadowRoot!.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-group');
    await waitUntil(() => h2Of(el, 'licheng-group-members') && h2Of(el, 'licheng-group-meetings'), 'members and meetings never loaded', { timeout: 5000 });
    const meetings = el.shadowRoot!.querySelector('licheng-group-meetings')!;
    await waitUntil(() => meetings.shadowRoot!.querySelector('#meetings-warning')?.textContent?.includes('115 學年度第 1 學期尚未召開工作小組會議'), 'no warning', { timeout: 5000 });
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-self-check');
    await waitUntil(() => h2Of(el, 'licheng-self-check') === '自我檢核表', 'the self-check never loaded', { timeout: 5000 });
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-proxies');
    await waitUntil(() => h2Of(el, 'licheng-proxies') === '代理人', 'proxies never loaded', { timeout: 5000 });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-schedule');

    tabs(el)[3]!.click();
    await el.updateComplete;
    const again = await desk();
    expect(tabs(again).find((b) => b.getAttribute('aria-selected') === 'true')!.id).to.equal('tab-trainings');
    await waitUntil(() => h2Of(again, 'licheng-group-trainings') === '研習與宣導', 'trainings never loaded', { timeout: 5000 });
  });

  it('says when a tab could not load and loads it on 再試一次', async () => {
    api = installFakeApi(handlers);
    const real = loadTab.trainings;
    loadTab.trainings = () => Promise.reject(new Error('Failed to fetch dynamically imported module'));
    try {
      const el = await desk();
      tabs(el)[3]!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('#tab-failure'), 'no failure shown');
      expect(el.shadowRoot!.querySelector('#tab-failure')!.shadowRoot!.textContent).to.contain('這一頁無法載入');
      await expect(el).to.be.accessible();
      loadTab.trainings = real;
      el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-retry')!.click();
      await waitUntil(() => h2Of(el, 'licheng-group-trainings') === '研習與宣導', 'trainings never loaded', { timeout: 5000 });
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-trainings');
    } finally {
      loadTab.trainings = real;
    }
  });

  it('says a section that could not read its list, and leaves focus on the tab the user opened', async () => {
    api = installFakeApi({
      ...handlers,
      'working-group.trainings.list': () => {
        throw new FakeApiError('internal-error', '系統發生錯誤，請稍後再試', 500);
      },
    });
    const el = await desk();
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    const trainings = () => el.shadowRoot!.querySelector('licheng-group-trainings');
    await waitUntil(() => (trainings() as unknown as { note?: { text: string } } | null)?.note?.text.includes('系統發生錯誤'), 'the failure is not said', { timeout: 5000 });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-trainings');
  });

  it('reloads the published schedule after a change in the editor', async () => {
    api = installFakeApi(handlers);
    const el = await desk();
    await waitUntil(() => el.shadowRoot!.querySelector('licheng-schedule-editor')?.shadowRoot?.querySelector('#add'), 'the editor never loaded', { timeout: 5000 });
    await waitUntil(() => api.callsTo('working-group.schedule.list').length === 1);
    el.shadowRoot!.querySelector('licheng-schedule-editor')!.dispatchEvent(new CustomEvent('licheng-schedule-changed', { detail: { id: 'w-1', action: 'save' }, bubbles: true, composed: true }));
    await waitUntil(() => api.callsTo('working-group.schedule.list').length === 2, 'the published schedule did not reload');
  });

  it('mounts and unmounts as a single-spa application', async () => {
    api = installFakeApi(handlers);
    const domElement = document.createElement('div');
    document.body.appendChild(domElement);
    const props = { name: '@licheng/plugin-working-group', singleSpa: {} as never, mountParcel: (() => {}) as never, token: fakeToken(), apiBase: '', locale: 'zh-TW' as const, domElement };
    await bootstrap(props);
    await mount(props);
    expect(domElement.querySelector('licheng-working-group-desk')).to.exist;
    await unmount(props);
    expect(domElement.children).to.have.length(0);
    domElement.remove();
  });
});
