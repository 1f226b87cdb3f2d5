import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './library-desk.ts';
import type { LibraryDesk } from './library-desk.component.ts';
import type { LibraryReading } from '../library-reading/library-reading.component.ts';

const label = { 'zh-TW': '閱讀紀錄', en: 'Reading record' };
const row = (id: string, status: string, over: Record<string, unknown> = {}) => ({
  id,
  kind: 'reading',
  academicYear: 114,
  semester: 1,
  status,
  statusReason: null,
  summary: '學會課題分離',
  data: { title: '被討厭的勇氣', author: '岸見一郎', date: '2025-09-20' },
  student: { id: `s-${id}`, studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 },
  version: 1,
  correctable: 'yes',
  withdrawable: true,
  ...over,
});

describe('<licheng-library-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(staff: boolean, handlers: Record<string, (input: unknown) => unknown> = {}) {
    let pending = [row('r1', 'pending'), row('r2', 'pending', { student: { id: 's2', studentNo: 'S002', name: '林小華', className: '101', seatNo: 2 }, data: { title: '小王子', author: null, date: '2025-09-21' } })];
    api = installFakeApi({
      'library.records.kinds': () => [{ id: 'reading', label, mayEnter: true, mayCertify: staff, files: false, subOffice: null, family: null }],
      'library.records.list': (input) => ({ rows: (input as { status?: string }).status === 'pending' ? pending : [row('r9', 'failed', { statusReason: '請補上心得' }), ...pending], total: 3, page: 1, pageSize: 200 }),
      'library.records.decide': (input) => {
        pending = pending.filter((r) => r.id !== (input as { id: string }).id);
        return { id: (input as { id: string }).id, status: 'passed', version: 2 };
      },
      ...handlers,
    });
    const el = await fixture<LibraryDesk>(html`<licheng-library-desk .token=${fakeToken()}></licheng-library-desk>`);
    await waitUntil(() => el.kinds !== null && (!staff || el.pending !== null), 'never loaded', { timeout: 5000 });
    await el.updateComplete;
    return el;
  }
  const buttons = (el: LibraryDesk, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')].filter((b) => b.textContent!.trim() === text);

  it('lists the reading records waiting for certification with ROC dates, and is accessible', async () => {
    const el = await render(true);
    const cells = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.replace(/\s+/g, ' ').trim()));
    expect(cells[0]).to.deep.equal(['101 班 1 號 陳小明', '被討厭的勇氣岸見一郎', '114/09/20']);
    expect(el.shadowRoot!.querySelector('licheng-record-desk')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('passes a record and takes focus to the message saying so', async () => {
    const el = await render(true);
    buttons(el, '通過')[0]!.click();
    await waitUntil(() => api.callsTo('library.records.decide').length === 1 && el.note.text !== '');
    expect(api.callsTo('library.records.decide')[0]!.input).to.deep.equal({ id: 'r1', version: 1, decision: 'pass' });
    await waitUntil(() => deepActiveElement()?.id === 'library-note', 'focus never reached the message');
    expect(el.note.text).to.equal('已認證通過：101 班 1 號 陳小明《被討厭的勇氣》');
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(1);
  });

  it('asks the reason before failing: 確認未通過 is disabled with the reason until one is written', async () => {
    const el = await render(true);
    buttons(el, '未通過')[0]!.click();
    await waitUntil(() => deepActiveElement()?.id === 'reason-r1', 'focus never reached the reason');
    const confirm = buttons(el, '確認未通過')[0]!;
    expect(confirm.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('#reason-hint-r1')!.textContent).to.equal('請先填寫理由，才能送出未通過');
    const reason = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reason-r1')!;
    reason.value = '請寫自己的想法';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(confirm.disabled).to.equal(false);
    await expect(el).to.be.accessible();
    confirm.click();
    await waitUntil(() => api.callsTo('library.records.decide').length === 1);
    expect(api.callsTo('library.records.decide')[0]!.input).to.deep.equal({ id: 'r1', version: 1, decision: 'fail', reason: '請寫自己的想法' });
  });

  it('shows a student their own reading records and a form without 學號, and is accessible', async () => {
    const el = await render(false);
    const mine = el.shadowRoot!.querySelector<LibraryReading>('licheng-library-reading')!;
    expect(mine).to.exist;
    await waitUntil(() => mine.rows !== null, 'own list never loaded', { timeout: 5000 });
    await mine.updateComplete;
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    const list = mine.shadowRoot!.querySelector('licheng-record-list')!;
    await (list as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(list.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(3);
    expect(mine.shadowRoot!.querySelector('licheng-record-form')!.hasAttribute('ask-student')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
