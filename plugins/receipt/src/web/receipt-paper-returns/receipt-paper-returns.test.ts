import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type DateField, type FileField } from '@licheng/ui';
import type { PaperReturn, PaperReturnList, PaperReturnStudent } from '../api.ts';
import './receipt-paper-returns.ts';
import type { ReceiptPaperReturns } from './receipt-paper-returns.component.ts';

const lin: PaperReturnStudent = {
  studentId: 'st-lin',
  studentNo: 'S002',
  name: '林小華',
  className: '101',
  seatNo: 2,
  rosters: 2,
  returnId: null,
  items: [
    { id: 'i-cadre', kind: 24, rosterName: '校內幹部經歷', status: 'pending', openIssue: false, onPaper: false },
    { id: 'i-course', kind: 26, rosterName: '課程學習成果', status: 'pending', openIssue: false, onPaper: false },
  ],
};
const window = { start: '2025-10-02', end: '2025-10-06' };

/** A fake desk that keeps what is recorded and withdrawn, as the server would list it. */
function fakeDesk(options: { refusal?: string | null; withdrawRefusal?: string | null; record?: (input: any) => unknown } = {}) {
  const returns: PaperReturn[] = [];
  const list = (batchId: string): PaperReturnList => ({
    batchId,
    window,
    today: '2025-10-05',
    recordRefusal: options.refusal ?? null,
    students: [{ ...lin, returnId: returns.find((r) => !r.withdrawn)?.id ?? null }],
    returns: [...returns].reverse(),
  });
  return {
    'receipt.paperReturns.list': (input: unknown) => list((input as { batchId: string }).batchId),
    'receipt.paperReturns.record': (input: any) => {
      if (options.record) return options.record(input);
      const outcomes = input.answers.map((a: any) => ({ itemId: a.itemId, kind: a.itemId === 'i-cadre' ? 24 : 26, rosterName: a.itemId === 'i-cadre' ? '校內幹部經歷' : '課程學習成果', outcome: a.outcome, changed: true, issueId: a.outcome === 'issue' ? 'x1' : null }));
      const saved = { id: `ret-${returns.length + 1}`, student: { studentId: 'st-lin', studentNo: 'S002', name: '林小華', className: '101', seatNo: 2 }, returnedOn: input.returnedOn, recordedByName: '註冊組長', recordedAt: '2025-10-05T04:00:00.000Z', outcomes: outcomes.map((o: any) => ({ ...o, issueStatus: o.issueId ? 'open' : null })), scan: null, withdrawn: null, withdrawRefusal: options.withdrawRefusal ?? null };
      returns.push(saved as PaperReturn);
      return { id: saved.id, batchId: 'b1', studentId: 'st-lin', returnedOn: input.returnedOn, recordedAt: saved.recordedAt, recordedByName: '註冊組長', outcomes, issues: [] };
    },
    'receipt.paperReturns.scan': (input: any) => {
      const form = input as FormData;
      const found = returns.find((r) => r.id === form.get('returnId'))!;
      const file = form.get('file') as File;
      (found as any).scan = { fileId: 'f-scan', fileName: file.name, url: '/api/files/f-scan' };
      return { id: found.id, scan: { fileId: 'f-scan', fileName: file.name, type: 'pdf', size: file.size, url: '/api/files/f-scan', at: '2025-10-05T05:00:00.000Z' } };
    },
    'GET /api/files/f-scan?download=1': () => new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
    'receipt.paperReturns.withdraw': (input: any) => {
      const found = returns.find((r) => r.id === input.returnId)!;
      (found as any).withdrawn = { byName: '註冊組長', at: '2025-10-05T05:00:00.000Z' };
      return { id: found.id, withdrawnAt: '2025-10-05T05:00:00.000Z', withdrawnByName: '註冊組長', items: 2, issues: 1 };
    },
  };
}

describe('<licheng-receipt-paper-returns>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(handlers: Record<string, (input: unknown) => unknown> = fakeDesk(), locale = 'zh-TW') {
    api = installFakeApi(handlers);
    const el = await fixture<ReceiptPaperReturns>(html`<licheng-receipt-paper-returns .token=${fakeToken()} locale=${locale} batch-id="b1"></licheng-receipt-paper-returns>`);
    await waitUntil(() => el.list !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(el: ReceiptPaperReturns, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

  async function typeDate(el: ReceiptPaperReturns, text: string) {
    // Typed into the field and left (its change commits the date, as on Tab).
    const field = $<DateField>(el, '#returned-on');
    await field.updateComplete;
    const input = field.shadowRoot!.querySelector('input')!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
  }

  it('records a form — a ROC return date, one roster confirmed, an issue on the other — and moves focus to the outcome, accessibly', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    const open = $<HTMLButtonElement>(el, '#record-st-lin');
    expect(open.textContent).to.equal('登錄回條：林小華');
    open.click();
    await waitUntil(() => deepActiveElement() === $(el, '#return-form-heading'), 'focus not on the form');
    await typeDate(el, '114/10/04');
    $<HTMLInputElement>(el, 'input[name="choice-i-course"][value="confirmed"]').click();
    $<HTMLInputElement>(el, 'input[name="choice-i-cadre"][value="issue"]').click();
    await el.updateComplete;
    const text = $<HTMLTextAreaElement>(el, '#text-i-cadre');
    expect(text.labels![0]!.textContent).to.equal('疑義內容（照確認單上所寫）');
    text.value = '我不是班長';
    text.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#count-i-cadre').textContent).to.equal('5 / 500 字');
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(el, '#save-return').click());
    const recorded = await oneEvent(el, 'licheng-receipt-paper-return-recorded');
    expect(recorded.detail).to.deep.equal({ returnId: 'ret-1', studentId: 'st-lin' });
    expect(api.callsTo('receipt.paperReturns.record')[0]!.input).to.deep.equal({
      batchId: 'b1',
      studentId: 'st-lin',
      returnedOn: '2025-10-04',
      answers: [
        { itemId: 'i-cadre', outcome: 'issue', text: '我不是班長' },
        { itemId: 'i-course', outcome: 'confirmed' },
      ],
    });
    const status = $(el, '#paper-returns-status');
    await waitUntil(() => deepActiveElement() === status, 'focus not on the outcome');
    expect(status.textContent).to.equal('已登錄 林小華 的回條（回條日期 114/10/04）：確認 1 份、提出疑義 1 份。');
    // The list shows the return; the student's button now says why it is disabled.
    await waitUntil(() => el.list!.returns.length === 1);
    await el.updateComplete;
    expect($(el, 'ul[aria-labelledby="returns-heading"] > li p').textContent).to.equal('101 班 2 號 林小華（S002）：回條日期 114/10/04，註冊組長 於 114/10/05 12:00 登錄');
    expect($<HTMLButtonElement>(el, '#record-st-lin').disabled).to.equal(true);
    expect($(el, '#record-st-lin').getAttribute('aria-describedby')).to.equal('exists-st-lin');
    await expect(el).to.be.accessible();
  });

  it('checks the date at its field and says what is missing before sending, and shows a refusal as an alert with focus', async () => {
    const el = await render(
      fakeDesk({
        record: () => {
          throw new FakeApiError('receipt-paper-return-exists', '此學生的紙本確認單已於 2025-10-04 登錄（註冊組長）；如需更改，請先撤回該筆登錄', 409);
        },
      }),
    );
    $<HTMLButtonElement>(el, '#record-st-lin').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#save-return').click();
    // The date is checked at its field first: missing, after today (114/10/05), outside the window.
    const field = $<DateField>(el, '#returned-on');
    const input = () => field.shadowRoot!.querySelector('input')!;
    await waitUntil(() => deepActiveElement() === input(), 'focus not on the date');
    await field.updateComplete;
    expect(field.message).to.equal('請填寫回條日期。');
    expect(input().getAttribute('aria-invalid')).to.equal('true');
    await typeDate(el, '114/10/06');
    $<HTMLButtonElement>(el, '#save-return').click();
    await waitUntil(() => field.message === '回條日期不能晚於今天（114/10/05）。', 'future date not refused at the field');
    await typeDate(el, '114/10/01');
    $<HTMLButtonElement>(el, '#save-return').click();
    await waitUntil(() => field.message.startsWith('回條日期須在確認期間 114/10/02 至 114/10/06 內'), 'date outside the window not refused at the field');
    expect(api.callsTo('receipt.paperReturns.record')).to.have.length(0);
    await typeDate(el, '114/10/04');
    $<HTMLButtonElement>(el, '#save-return').click();
    const alert = () => $(el, '#paper-returns-failure');
    await waitUntil(() => alert()?.textContent === '請至少為一份名冊選擇「確認無誤」或「提出疑義」。');
    $<HTMLInputElement>(el, 'input[name="choice-i-cadre"][value="confirmed"]').click();
    $<HTMLButtonElement>(el, '#save-return').click();
    await waitUntil(() => alert()?.textContent === '此學生的紙本確認單已於 2025-10-04 登錄（註冊組長）；如需更改，請先撤回該筆登錄', 'refusal not shown');
    await waitUntil(() => deepActiveElement() === alert(), 'focus not on the refusal');
    expect(alert().getAttribute('role')).to.equal('alert');
    // Cancel returns focus to the student's button.
    $<HTMLButtonElement>(el, '#cancel-return').click();
    await waitUntil(() => deepActiveElement() === $(el, '#record-st-lin'), 'focus not back on the button');
  });

  it('disables 登錄回條 with the reason before the window opens', async () => {
    const el = await render(fakeDesk({ refusal: '收訖確認尚未開始，將於 114/10/02 開始' }));
    const button = $<HTMLButtonElement>(el, '#record-st-lin');
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-describedby')).to.equal('paper-returns-refusal');
    expect($(el, '#paper-returns-refusal').textContent).to.equal('收訖確認尚未開始，將於 114/10/02 開始');
    await expect(el).to.be.accessible();
  });

  it('withdraws a return recorded by mistake after a second yes, in English; an answered one says why not', async () => {
    const el = await render(fakeDesk(), 'en');
    $<HTMLButtonElement>(el, '#record-st-lin').click();
    await el.updateComplete;
    await typeDate(el, '2025-10-04');
    $<HTMLInputElement>(el, 'input[name="choice-i-course"][value="confirmed"]').click();
    $<HTMLButtonElement>(el, '#save-return').click();
    await waitUntil(() => el.list!.returns.length === 1);
    await el.updateComplete;
    const withdraw = $<HTMLButtonElement>(el, '#withdraw-ret-1');
    expect(withdraw.textContent).to.equal('Withdraw this record: 林小華');
    withdraw.click();
    await waitUntil(() => deepActiveElement() === $(el, '#withdraw-yes-ret-1'), 'focus not on the question');
    expect($(el, '#ask-ret-1').textContent).to.contain('Withdraw the record of 林小華?');
    await expect(el).to.be.accessible();
    // "Keep it" goes back to the button without withdrawing.
    $<HTMLButtonElement>(el, '#withdraw-no-ret-1').click();
    await waitUntil(() => deepActiveElement() === $(el, '#withdraw-ret-1'), 'focus not back');
    expect(api.callsTo('receipt.paperReturns.withdraw')).to.have.length(0);
    $<HTMLButtonElement>(el, '#withdraw-ret-1').click();
    await el.updateComplete;
    setTimeout(() => $<HTMLButtonElement>(el, '#withdraw-yes-ret-1').click());
    await oneEvent(el, 'licheng-receipt-paper-return-withdrawn');
    const status = $(el, '#paper-returns-status');
    await waitUntil(() => deepActiveElement() === status, 'focus not on the outcome');
    expect(status.textContent).to.equal('Withdrew the returned form record of 林小華; it can be recorded again.');
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '#record-st-lin').disabled).to.equal(false);

    const answered = await render(fakeDesk({ withdrawRefusal: 'An issue from this form has already been answered by the office, so the record cannot be withdrawn.' }), 'en');
    $<HTMLButtonElement>(answered, '#record-st-lin').click();
    await answered.updateComplete;
    await typeDate(answered, '2025-10-04');
    $<HTMLInputElement>(answered, 'input[name="choice-i-course"][value="confirmed"]').click();
    $<HTMLButtonElement>(answered, '#save-return').click();
    await waitUntil(() => answered.list!.returns.length === 1);
    await answered.updateComplete;
    const refused = $<HTMLButtonElement>(answered, '#withdraw-ret-1');
    expect(refused.disabled).to.equal(true);
    expect(refused.getAttribute('aria-describedby')).to.equal('refusal-ret-1');
    await expect(answered).to.be.accessible();
  });

  it('fits a 390 px phone screen with the form open', async () => {
    const el = await render();
    el.style.display = 'block';
    el.style.width = '390px';
    $<HTMLButtonElement>(el, '#record-st-lin').click();
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[name="choice-i-cadre"][value="issue"]').click();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    for (const id of ['#record-st-lin', '#returned-on', '#text-i-cadre', '#save-return']) expect($(el, id).getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    // And the recorded return with its scan field and withdrawal.
    await typeDate(el, '114/10/04');
    $<HTMLTextAreaElement>(el, '#text-i-cadre').value = '我不是班長，是歐陽・阿美族名字很長的同學的副班長'.repeat(3);
    $<HTMLTextAreaElement>(el, '#text-i-cadre').dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#save-return').click();
    await waitUntil(() => el.list!.returns.length === 1);
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    for (const id of ['#scan-ret-1', '#scan-upload-ret-1', '#withdraw-ret-1']) expect($(el, id).getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
  });

  it('keeps a scan of the signed form with a recorded return, then offers it for download', async () => {
    const el = await render();
    $<HTMLButtonElement>(el, '#record-st-lin').click();
    await el.updateComplete;
    await typeDate(el, '114/10/04');
    $<HTMLInputElement>(el, 'input[name="choice-i-course"][value="confirmed"]').click();
    $<HTMLButtonElement>(el, '#save-return').click();
    await waitUntil(() => el.list!.returns.length === 1);
    await el.updateComplete;
    // Nothing chosen yet: says so, with focus.
    $<HTMLButtonElement>(el, '#scan-upload-ret-1').click();
    await waitUntil(() => deepActiveElement() === $(el, '#paper-returns-failure'), 'focus not on what is missing');
    expect($(el, '#paper-returns-failure').textContent).to.equal('請先選擇掃描檔。');
    $<FileField>(el, '#scan-ret-1').setFile(new File(['%PDF-1.7 signed'], '回條.pdf', { type: 'application/pdf' }));
    await el.updateComplete;
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(el, '#scan-upload-ret-1').click());
    const scanned = await oneEvent(el, 'licheng-receipt-paper-return-scanned');
    expect(scanned.detail).to.deep.equal({ returnId: 'ret-1', fileId: 'f-scan' });
    const sent = api.callsTo('receipt.paperReturns.scan')[0]!.input as FormData;
    expect(sent.get('returnId')).to.equal('ret-1');
    expect((sent.get('file') as File).name).to.equal('回條.pdf');
    const status = $(el, '#paper-returns-status');
    await waitUntil(() => deepActiveElement() === status, 'focus not on the outcome');
    expect(status.textContent).to.equal('已保存 林小華 的確認單掃描檔：回條.pdf。');
    await el.updateComplete;
    const download = $<HTMLButtonElement>(el, '#scan-download-ret-1');
    expect(download.textContent).to.equal('下載掃描檔：回條.pdf');
    download.click();
    await waitUntil(() => api.calls.some((c) => c.path.startsWith('/api/files/f-scan')), 'the scan was not downloaded');
    await expect(el).to.be.accessible();
  });
});
