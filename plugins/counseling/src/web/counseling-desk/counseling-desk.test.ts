import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './counseling-desk.ts';
import type { CounselingDesk } from './counseling-desk.component.ts';
import type { AdviseePanel } from '../advisee-panel/advisee-panel.component.ts';

const kind = (id: string, zh: string, mayEnter: boolean, mayCertify = false) => ({ id, label: { 'zh-TW': zh, en: id }, mayEnter, mayCertify, files: false, subOffice: null, family: null });
const link = (id: string, studentNo: string, name: string, seatNo: number) => ({ id, teacherNo: 'T04', teacherName: '郭建宏', studentId: `s-${studentNo}`, studentNo, studentName: name, className: '201', seatNo });
const links = [link('a1', '113017', '陳怡君', 1), link('a2', '113018', '林家豪', 2)];
const emptyList = { rows: [], total: 0, page: 1, pageSize: 200 };

describe('<licheng-counseling-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(who: 'counselor' | 'consultant', handlers: Record<string, (input: unknown) => unknown> = {}) {
    const counselor = who === 'counselor';
    api = installFakeApi({
      'counseling.records.kinds': () => [kind('career-assessment', '學群(類群)探索與就業規劃', counselor), kind('consultation', '課程諮詢紀錄', !counselor), kind('counseling', '輔導資料', false, counselor)],
      'counseling.records.list': () => emptyList,
      'counseling.advisees.list': () => ({ links: counselor ? links : links, teachers: counselor ? [{ teacherNo: 'T04', name: '郭建宏' }] : [], mayAssign: counselor }),
      ...handlers,
    });
    const el = await fixture<CounselingDesk>(html`<licheng-counseling-desk .token=${fakeToken()}></licheng-counseling-desk>`);
    await waitUntil(() => el.kinds !== null && (counselor || el.advisees !== null), 'never loaded', { timeout: 5000 });
    const panel = el.shadowRoot!.querySelector<AdviseePanel>('licheng-advisee-panel')!;
    await waitUntil(() => panel.list !== null, 'advisees never loaded', { timeout: 5000 });
    await el.updateComplete;
    await panel.updateComplete;
    return { el, panel };
  }
  const within = (root: Element) => (selector: string) => root.shadowRoot!.querySelector<HTMLElement>(selector)!;

  it('gives counseling its two kinds and the advisee links with assign disabled until filled, and is accessible', async () => {
    const { el, panel } = await render('counselor');
    const tabs = [...el.shadowRoot!.querySelector('licheng-record-desk')!.shadowRoot!.querySelectorAll('[role="tab"]')].map((b) => b.textContent!.trim());
    expect(tabs).to.deep.equal(['學群(類群)探索與就業規劃', '輔導資料']);
    const $ = within(panel);
    const assign = $('form button[type="submit"]') as HTMLButtonElement;
    expect(assign.disabled).to.equal(true);
    expect($('#assign-why').textContent).to.equal('請先選擇課程諮詢教師');
    expect(panel.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('assigns a whole class and takes focus to what happened', async () => {
    const { panel } = await render('counselor', { 'counseling.advisees.assign': () => ({ added: 8, already: 0 }) });
    const $ = within(panel);
    const select = $('#teacher') as HTMLSelectElement;
    select.value = 'T04';
    select.dispatchEvent(new Event('change'));
    const cls = $('#class-name') as HTMLInputElement;
    cls.value = '201';
    cls.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    expect($('#assign-why').textContent).to.equal('');
    ($('form button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => panel.note.text !== '', 'no outcome');
    expect(api.callsTo('counseling.advisees.assign')[0]!.input).to.deep.equal({ teacherNo: 'T04', className: '201' });
    expect(panel.note.text).to.equal('已指派給 郭建宏：新增 8 位，0 位原本就是');
    await waitUntil(() => deepActiveElement()?.id === 'advisee-note', 'focus never reached the message');
  });

  it('shows the import report row by row; 匯入 stays disabled until a clean check', async () => {
    const report = { committed: false, rows: 2, links: 1, added: 0, already: 0, issues: [{ row: 3, column: '教師代號', code: 'import-teacher-unknown', params: {}, message: '找不到教師代號「T99」，請先匯入教師名冊' }] };
    const { el, panel } = await render('counselor', { 'counseling.advisees.import': () => report });
    const $ = within(panel);
    const input = $('#advisee-file') as HTMLInputElement;
    const data = new DataTransfer();
    data.items.add(new File(['教師代號,學號\nT99,113017'], 'list.csv'));
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await panel.updateComplete;
    const [check, commit] = [...panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('.import button')];
    expect(commit!.disabled).to.equal(true);
    check!.click();
    await waitUntil(() => panel.report !== null, 'never checked');
    await panel.updateComplete;
    expect([...panel.shadowRoot!.querySelectorAll('.import tbody td')].map((td) => td.textContent)).to.deep.equal(['3', '教師代號', '找不到教師代號「T99」，請先匯入教師名冊']);
    expect(commit!.disabled).to.equal(true);
    expect(panel.note.text).to.equal('名單有 1 個問題，未寫入任何資料');
    await expect(el).to.be.accessible();
  });

  it('lets a consultant record a group session of the advisees they tick, and says consultations stay in the school', async () => {
    const { el, panel } = await render('consultant', { 'counseling.consultations.enterGroup': (input) => ({ ids: (input as { studentNos: string[] }).studentNos.map((n) => `r-${n}`) }) });
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.contain('只留存在學校');
    expect(panel.shadowRoot!.querySelector('form')).to.equal(null);
    const form = el.shadowRoot!.querySelector<HTMLElement & { disabledReason: string }>('#group-form')!;
    expect(form.disabledReason).to.equal('請先勾選參加的學生');
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes.length).to.equal(2);
    for (const box of boxes) box.click();
    await el.updateComplete;
    expect(form.disabledReason).to.equal('');
    await expect(el).to.be.accessible();
    form.dispatchEvent(new CustomEvent('licheng-record-submit', { detail: { data: { date: '2025-09-24', time: '12:10', place: '輔導室', advice: '選修' }, summary: '選課說明', files: { document: null, media: null }, videoLink: '' } }));
    await waitUntil(() => el.note.text !== '', 'no outcome');
    expect(api.callsTo('counseling.consultations.enterGroup')[0]!.input).to.deep.include({ studentNos: ['113017', '113018'], summary: '選課說明' });
    expect(el.note.text).to.equal('已記錄團體諮詢：2 位學生');
    await waitUntil(() => deepActiveElement()?.id === 'counseling-note', 'focus never reached the message');
  });
});
