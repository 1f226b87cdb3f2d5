import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { deepText, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './practicum-pending.ts';
import type { PracticumPending } from './practicum-pending.component.ts';

export const pendingRow = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  kind: 'skill-certificate',
  academicYear: 114,
  semester: 1,
  summary: '暑假考取',
  data: { name: '電腦軟體應用', level: '丙級', number: '113-0412345', date: '2025-08-20', issuer: null },
  status: 'pending',
  statusReason: null,
  student: { id: 's1', studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 },
  enteredRole: 'student',
  enteredByMe: false,
  decidedByName: null,
  version: 1,
  createdAt: '2025-10-01T02:00:00.000Z',
  updatedAt: '2025-10-01T02:00:00.000Z',
  documentFileId: null,
  mediaFileId: null,
  videoUrl: null,
  correctable: 'no',
  withdrawable: false,
  ...over,
});

describe('<licheng-practicum-pending>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(locale = 'zh-TW') {
    let rows = [pendingRow('c1'), pendingRow('c2', { student: { id: 's2', studentNo: 'S002', name: '林小華', className: '101', seatNo: 2 } })];
    api = installFakeApi({
      'practicum.records.list': () => ({ rows, total: rows.length, page: 1, pageSize: 200 }),
      'practicum.records.decide': (input) => {
        rows = rows.filter((r) => r.id !== (input as { id: string }).id);
        return { id: (input as { id: string }).id, status: 'passed', version: 2 };
      },
    });
    const el = await fixture<PracticumPending>(html`<licheng-practicum-pending .token=${fakeToken()} locale=${locale}></licheng-practicum-pending>`);
    await waitUntil(() => el.rows !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const buttons = (el: PracticumPending, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.textContent!.trim() === text);

  it('lists what students entered with ROC dates, passes one and puts focus on the outcome; accessible', async () => {
    const el = await render();
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.equal('待認證，共 2 筆');
    expect(deepText(el)).to.include('114/08/20');
    expect(api.callsTo('practicum.records.list')[0]!.input).to.deep.equal({ kind: 'skill-certificate', status: 'pending', pageSize: 200 });
    await expect(el).to.be.accessible();
    buttons(el, '通過')[0]!.click();
    await waitUntil(() => deepActiveElement()?.id === 'pending-note', 'focus never reached the outcome');
    expect(api.callsTo('practicum.records.decide')[0]!.input).to.deep.equal({ id: 'c1', version: 1, decision: 'pass' });
    expect(deepText(el)).to.include('已通過 101 陳小明（S001） 的「電腦軟體應用 丙級」');
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.equal('待認證，共 1 筆');
  });

  it('asks the reason of a failure, keeping 送出未通過 disabled with the reason said until one is written', async () => {
    const el = await render();
    buttons(el, '未通過…')[0]!.click();
    await waitUntil(() => deepActiveElement()?.id === 'reason-c1', 'focus never reached the reason');
    const send = buttons(el, '送出未通過')[0]!;
    expect(send.disabled).to.equal(true);
    expect(el.shadowRoot!.getElementById(send.getAttribute('aria-describedby')!)!.textContent).to.include('寫下原因後');
    const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reason-c1')!;
    box.value = '證照號碼不完整';
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(send.disabled).to.equal(false);
    send.click();
    await waitUntil(() => deepActiveElement()?.id === 'pending-note', 'focus never reached the outcome');
    expect(api.callsTo('practicum.records.decide')[0]!.input).to.deep.equal({ id: 'c1', version: 1, decision: 'fail', reason: '證照號碼不完整' });
  });

  it('speaks English', async () => {
    const el = await render('en');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Skill certificates students entered, to certify');
  });
});
