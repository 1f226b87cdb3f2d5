import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './receipt-paper-forms.ts';
import type { ReceiptPaperForms } from './receipt-paper-forms.component.ts';

const lin = { studentId: 'st-lin', studentNo: 'S002', name: '林小華', className: '101', seatNo: 2, rosters: 1 };
const wu = { studentId: 'st-wu', studentNo: 'S104', name: '吳小安', className: '102', seatNo: 4, rosters: 2 };
const made = { fileId: 'f-form', fileName: '收訖明細紙本確認單-114-1-101.pdf', downloadUrl: '/api/files/f-form?download=1', students: 1, pages: 2 };

describe('<licheng-receipt-paper-forms>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(students = [lin, wu], locale = 'zh-TW', handlers: Record<string, (input: unknown) => unknown> = {}) {
    const classes = [...new Set(students.map((s) => s.className))].map((className) => ({ className, students: students.filter((s) => s.className === className).length }));
    api = installFakeApi({
      'receipt.paperForms.list': (input) => ({ batchId: (input as { batchId: string }).batchId, students, classes }),
      'receipt.paperForms.create': () => made,
      'GET /api/files/f-form?download=1': () => new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
      // The returned forms below the buttons (their own element and tests).
      'receipt.paperReturns.list': (input) => ({ batchId: (input as { batchId: string }).batchId, window: { start: '2025-10-02', end: '2025-10-06' }, today: '2025-10-05', recordRefusal: null, students: [], returns: [] }),
      ...handlers,
    });
    const el = await fixture<ReceiptPaperForms>(html`<licheng-receipt-paper-forms .token=${fakeToken()} locale=${locale} batch-id="b1"></licheng-receipt-paper-forms>`);
    await waitUntil(() => el.list !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(el: ReceiptPaperForms, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

  it('prints a student’s form, downloads the PDF, announces it and moves focus to the outcome, accessibly', async () => {
    const el = await render();
    expect(api.callsTo('receipt.paperForms.list')[0]!.input).to.deep.equal({ batchId: 'b1' });
    const options = [...el.shadowRoot!.querySelectorAll('#paper-student option')].map((o) => o.textContent);
    expect(options).to.deep.equal(['101 班 2 號 林小華（S002，1 份名冊）', '102 班 4 號 吳小安（S104，2 份名冊）']);
    await expect(el).to.be.accessible();
    const select = $<HTMLSelectElement>(el, '#paper-student');
    select.value = 'st-wu';
    select.dispatchEvent(new Event('change'));
    const button = $<HTMLButtonElement>(el, '#print-student');
    expect(button.textContent).to.equal('列印此學生的確認單（PDF）');
    button.focus();
    setTimeout(() => button.click());
    const printed = await oneEvent(el, 'licheng-receipt-paper-forms-printed');
    expect(printed.detail).to.deep.equal({ fileId: 'f-form', students: 1, pages: 2 });
    expect(api.callsTo('receipt.paperForms.create')[0]!.input).to.deep.equal({ batchId: 'b1', studentId: 'st-wu' });
    expect(api.calls.some((c) => c.path.startsWith('/api/files/f-form')), 'the PDF was not downloaded').to.equal(true);
    const status = $(el, '#paper-forms-status');
    await waitUntil(() => deepActiveElement() === status, 'focus not on the outcome');
    expect(status.textContent).to.equal('已產生 1 位學生的確認單，共 2 頁：收訖明細紙本確認單-114-1-101.pdf（已開始下載）。');
    await expect(el).to.be.accessible();
  });

  it('prints a class’s forms with the keyboard, in English', async () => {
    const el = await render([lin, wu], 'en');
    const select = $<HTMLSelectElement>(el, '#paper-class');
    expect(select.labels![0]!.textContent).to.equal('Class');
    select.value = '102';
    select.dispatchEvent(new Event('change'));
    const button = $<HTMLButtonElement>(el, '#print-class');
    expect(button.textContent).to.equal('Print the class’s forms (PDF)');
    button.focus();
    // A button's activation by Enter or Space is a click.
    setTimeout(() => button.click());
    await oneEvent(el, 'licheng-receipt-paper-forms-printed');
    expect(api.callsTo('receipt.paperForms.create')[0]!.input).to.deep.equal({ batchId: 'b1', className: '102' });
    await el.updateComplete;
    expect($(el, '#paper-forms-status').textContent).to.contain('Made the forms of 1 student(s), 2 page(s)');
    await expect(el).to.be.accessible();
  });

  it('disables the buttons and says why when the batch has no student who has left', async () => {
    const el = await render([]);
    const reason = $(el, '#paper-forms-none');
    expect(reason.textContent).to.equal('此批收訖明細沒有已休學、轉出的學生，不需要紙本確認單。');
    for (const id of ['#print-student', '#print-class']) {
      const button = $<HTMLButtonElement>(el, id);
      expect(button.disabled).to.equal(true);
      expect(button.getAttribute('aria-describedby')).to.equal('paper-forms-none');
    }
    await expect(el).to.be.accessible();
  });

  it('shows a refusal as an alert and focuses it', async () => {
    const el = await render([lin], 'zh-TW', {
      'receipt.paperForms.create': () => {
        throw new FakeApiError('receipt-paper-form-none', '此批收訖明細沒有需要紙本確認的學生（已休學、轉出且有收訖資料者）', 400);
      },
    });
    $<HTMLButtonElement>(el, '#print-student').click();
    await waitUntil(() => el.failure !== '');
    const alert = $(el, '#paper-forms-failure');
    await waitUntil(() => deepActiveElement() === alert, 'focus not on the refusal');
    expect(alert.getAttribute('role')).to.equal('alert');
  });

  it('fits a 390 px phone screen, long names and all', async () => {
    const long = { ...wu, name: '歐陽・阿美族名字很長的同學', studentNo: 'S1040000000' };
    const el = await render([lin, long], 'en');
    el.style.display = 'block';
    el.style.width = '390px';
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    for (const id of ['#paper-student', '#paper-class', '#print-student', '#print-class']) expect($(el, id).getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
  });

  it('reloads the list when another batch is chosen', async () => {
    const el = await render();
    el.batchId = 'b2';
    await waitUntil(() => el.list?.batchId === 'b2', 'not reloaded');
    expect(api.callsTo('receipt.paperForms.list').map((c) => c.input)).to.deep.equal([{ batchId: 'b1' }, { batchId: 'b2' }]);
  });
});
