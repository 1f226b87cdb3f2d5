import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './group-dashboard.ts';
import type { LichengGroupDashboard } from './group-dashboard.component.ts';
import { dashboard114 } from '../testing/progress-fixtures.ts';

const $ = <T extends Element>(el: LichengGroupDashboard, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const rows = (el: LichengGroupDashboard, part: string) => [...el.shadowRoot!.querySelectorAll(`[part="${part}"] tbody tr`)].map((r) => [...r.children].map((c) => c.textContent!.trim()));

describe('<licheng-group-dashboard>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function mount(handler: (input: any) => unknown = () => dashboard114) {
    api = installFakeApi({ 'working-group.dashboard.progress': handler });
    const el = await fixture<LichengGroupDashboard>(html`<licheng-group-dashboard .token=${fakeToken()} locale="zh-TW"></licheng-group-dashboard>`);
    await waitUntil(() => el.shadowRoot!.querySelector('table, [role="alert"]'));
    return el;
  }

  it('puts a table beside every chart, who is behind first and marked in words, and is accessible', async () => {
    const el = await mount();
    expect($(el, 'h2').textContent).to.equal('進度儀表板');
    expect([...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(['各班勾選', '各教師認證', '各處室認證', '認證與勾選累計']);
    for (const section of el.shadowRoot!.querySelectorAll('section')) {
      expect(section.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(section.querySelector('table'), section.id).to.not.equal(null);
    }
    expect($(el, '#dashboard-summary').textContent!.trim()).to.equal('114 學年度第 1 學期：勾選落後 1 班，認證待完成教師 1 位、處室 1 個。');
    expect(rows(el, 'classes-table')).to.deep.equal([
      ['102', '2', '0', '0', '0%', '⚠ 落後'],
      ['101', '3', '2', '3', '67%', '正常'],
    ]);
    expect(rows(el, 'teachers-table')).to.deep.equal([
      ['王老師', '3', '1', '1', '1', '67%', '⚠ 落後'],
      ['李老師', '2', '2', '0', '0', '100%', '已完成'],
    ]);
    expect(rows(el, 'offices-table')[0]![0]).to.equal('學務處訓育組');
    expect(rows(el, 'series-table')[3]).to.deep.equal(['115/01/06', '0', '4', '1', '3']);
    // The charts draw the same figures: two class bars, the teachers' stacked bars, four points a line.
    expect(el.shadowRoot!.querySelectorAll('section:first-of-type svg rect.solid').length).to.equal(2);
    expect($(el, 'svg pattern#hatch-teachers')).to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('svg circle.dot-a').length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('switches the term from the keyboard and shows only the last answer', async () => {
    const el = await mount((input: any) => (input?.semester === 2 ? { ...dashboard114, semester: 2, classes: [], teachers: [], offices: [], series: [] } : dashboard114));
    const semester = $<HTMLSelectElement>(el, 'select.semester');
    semester.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => $(el, '#dashboard-summary').textContent!.includes('第 2 學期'));
    expect(api.callsTo('working-group.dashboard.progress').at(-1)!.input).to.deep.equal({ academicYear: 114, semester: 2 });
    expect(el.shadowRoot!.textContent).to.contain('本學期沒有課程學習成果。');
    expect(el.shadowRoot!.textContent).to.contain('本學期尚無認證或勾選。');
    expect(deepActiveElement()?.classList.contains('semester')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says why it could not load, with focus on the message', async () => {
    const el = await mount(() => {
      throw new FakeApiError('forbidden', '您沒有執行此操作的權限');
    });
    expect($(el, '#dashboard-failure').textContent).to.contain('權限');
    await waitUntil(() => deepActiveElement()?.id === 'dashboard-failure');
  });
});
