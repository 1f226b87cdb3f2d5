import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { COMPETITION_FIELDS } from '@licheng/core';
import { deepText, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import type { RecordDesk } from '@licheng/ui/records';
import './competitions-desk.ts';
import type { CompetitionsDesk } from './competitions-desk.component.ts';

const kind = (mayEnter = true) => ({ id: 'competition-in', label: { 'zh-TW': '校內外競賽', en: 'Registered competition' }, fields: COMPETITION_FIELDS, mayEnter, mayCertify: mayEnter, files: false, subOffice: null, family: null });
const row = {
  id: 'r1',
  kind: 'competition-in',
  academicYear: 114,
  semester: 1,
  summary: '國語文競賽演說',
  data: { name: '全校國語文競賽', event: '演說', level: '1', award: '第一名', resultDate: '2025-10-20', participation: '1', organiser: '教務處' },
  status: 'passed',
  statusReason: null,
  student: { id: 's1', studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 },
  enteredRole: 'activities-staff',
  enteredByMe: true,
  decidedByName: '訓育組長',
  version: 1,
  createdAt: '2025-10-21T02:00:00.000Z',
  updatedAt: '2025-10-21T02:00:00.000Z',
  documentFileId: null,
  mediaFileId: null,
  videoUrl: null,
  correctable: 'with-reason',
  withdrawable: true,
};

describe('<licheng-competitions-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(mayEnter = true, locale = 'zh-TW') {
    api = installFakeApi({
      'platform.me': () => ({ user: { roles: ['activities-staff'] }, term: { academicYear: 114, semester: 1 } }),
      'competitions.records.kinds': () => [kind(mayEnter)],
      'competitions.records.list': () => ({ rows: [row], total: 1, page: 1, pageSize: 200 }),
      'competitions.records.enter': () => ({ id: 'r2', status: 'passed', version: 1 }),
      'GET /api/competitions/records/export.xlsx?kind=competition-in': () => new Blob(['x']),
    });
    const el = await fixture<CompetitionsDesk>(html`<licheng-competitions-desk .token=${fakeToken()} locale=${locale}></licheng-competitions-desk>`);
    await waitUntil(() => el.kinds !== null, 'kinds never loaded');
    await el.updateComplete;
    return el;
  }
  const desk = (el: CompetitionsDesk) => el.shadowRoot!.querySelector<RecordDesk>('licheng-record-desk')!;

  it('lists the school’s results with ROC dates in the record desk, and is accessible', async () => {
    const el = await render();
    await waitUntil(() => deepText(desk(el)).includes('全校國語文競賽'), 'rows never shown');
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('校內競賽成績登錄');
    expect(deepText(desk(el))).to.include('114/10/20');
    expect(api.callsTo('competitions.records.list')[0]!.input).to.deep.equal({ kind: 'competition-in', pageSize: 200 });
    await expect(el).to.be.accessible();
  });

  it('sends a new result as the office enters it: student, term, summary and fields', async () => {
    const el = await render();
    const data = { ...row.data, award: '第二名' };
    await desk(el).source!.enter('competition-in', { data, summary: '演說', files: { document: null, media: null }, videoLink: '', studentNo: 'S002', academicYear: 114, semester: 1 });
    expect(api.callsTo('competitions.records.enter')[0]!.input).to.deep.equal({ kind: 'competition-in', studentNo: 'S002', academicYear: 114, semester: 1, summary: '演說', data });
  });

  it('exports the list and puts focus on the outcome', async () => {
    const el = await render();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.export button')!.click();
    await waitUntil(() => deepActiveElement()?.id === 'competitions-note', 'focus never reached the outcome');
    expect(deepText(el)).to.include('已下載競賽成績清單');
    expect(api.callsTo('/api/competitions/records/export.xlsx?kind=competition-in')).to.have.length(1);
  });

  it('says why someone of no office has nothing to enter, in English too', async () => {
    const el = await render(false, 'en');
    expect(el.shadowRoot!.textContent).to.include('belongs to no office');
    expect(el.shadowRoot!.querySelector('licheng-record-desk')).to.equal(null);
  });
});
