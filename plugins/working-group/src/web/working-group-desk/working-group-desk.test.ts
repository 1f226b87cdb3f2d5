import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './working-group-desk.ts';
import type { WorkingGroupDesk } from './working-group-desk.component.ts';
import { bootstrap, mount, unmount } from '../index.ts';
import { meetings115, members115, trainings115 } from '../testing/group-fixtures.ts';

const year = { academicYear: 115, today: '2026-11-27', years: [115], windows: [], unscheduled: ['outcome-upload'] };
const proxies = { today: '2026-11-27', scopes: [{ id: 'certification', roles: [] }], teachers: [], lists: [], absences: [], departures: [] };
const handlers = {
  'working-group.schedule.list': () => year,
  'working-group.members.list': () => members115,
  'working-group.meetings.list': () => meetings115,
  'working-group.trainings.list': () => trainings115,
  'working-group.proxies.list': () => proxies,
};

describe('<licheng-working-group-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('puts the schedule, members, meetings, trainings and proxies under one h1, each an h2, and is accessible', async () => {
    api = installFakeApi(handlers);
    const el = await fixture<WorkingGroupDesk>(html`<licheng-working-group-desk .token=${fakeToken()} locale="zh-TW"></licheng-working-group-desk>`);
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('學習歷程工作小組');
    const schedule = el.shadowRoot!.querySelector('licheng-schedule')!;
    await waitUntil(() => schedule.shadowRoot?.querySelector('h2'));
    expect(schedule.shadowRoot!.querySelector('h2')!.textContent).to.equal('學習歷程檔案作業期程');
    const sections = ['licheng-group-members', 'licheng-group-meetings', 'licheng-group-trainings'].map((tag) => el.shadowRoot!.querySelector(tag)!);
    await waitUntil(() => sections.every((s) => s.shadowRoot?.querySelector('h2')) && sections[0]!.shadowRoot!.querySelector('table') && sections[2]!.shadowRoot!.querySelector('table'), 'sections load', { timeout: 5000 });
    expect(sections.map((s) => s.shadowRoot!.querySelector('h2')!.textContent)).to.deep.equal(['工作小組成員', '工作小組會議', '研習與宣導']);
    expect(sections[1]!.shadowRoot!.querySelector('#meetings-warning')!.textContent).to.contain('115 學年度第 1 學期尚未召開工作小組會議');
    const section = el.shadowRoot!.querySelector('licheng-proxies')!;
    await waitUntil(() => section.shadowRoot?.querySelector('#lists-empty, p.muted'));
    expect(section.shadowRoot!.querySelector('h2')!.textContent).to.equal('代理人');
    await expect(el).to.be.accessible();
  });

  it('has the schedule editor as a second h2, and reloads the published schedule after a change', async () => {
    const windows = { academicYear: 115, years: [115], windows: [], removed: [] };
    api = installFakeApi({ 'working-group.schedule.list': () => year, 'working-group.schedule.windows': () => windows });
    const el = await fixture<WorkingGroupDesk>(html`<licheng-working-group-desk .token=${fakeToken()} locale="zh-TW"></licheng-working-group-desk>`);
    const editor = el.shadowRoot!.querySelector('licheng-schedule-editor')!;
    await waitUntil(() => editor.shadowRoot?.querySelector('#add'), 'the editor never loaded');
    expect(editor.shadowRoot!.querySelector('h2')!.textContent).to.equal('設定作業期程');
    await waitUntil(() => api.callsTo('working-group.schedule.list').length === 1);
    editor.dispatchEvent(new CustomEvent('licheng-schedule-changed', { detail: { id: 'w-1', action: 'save' }, bubbles: true, composed: true }));
    await waitUntil(() => api.callsTo('working-group.schedule.list').length === 2, 'the published schedule did not reload');
    await expect(el).to.be.accessible();
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
