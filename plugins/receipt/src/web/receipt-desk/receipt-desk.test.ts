import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type DateField, type FileField } from '@licheng/ui';
import './receipt-desk.ts';
import type { ReceiptDesk } from './receipt-desk.component.ts';
import { batchSummary, deepText, importResult, issue, progress } from '../testing/fixtures.ts';

describe('<licheng-receipt-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(handlers: Record<string, (input: unknown) => unknown> = {}) {
    api = installFakeApi({
      'receipt.batches.list': () => [batchSummary],
      'receipt.batches.progress': () => progress,
      'receipt.issues.list': () => [issue],
      ...handlers,
    });
    const el = await fixture<ReceiptDesk>(html`<licheng-receipt-desk .token=${fakeToken()} locale="zh-TW"></licheng-receipt-desk>`);
    await waitUntil(() => el.progress !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(el: ReceiptDesk, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const button = (el: ReceiptDesk, label: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === label)!;

  function choose(el: ReceiptDesk, start: string, end: string) {
    $<FileField>(el, 'licheng-file-field').setFile(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], 'receipt.zip', { type: 'application/zip' }));
    // The window is typed in 民國 (or ISO) into the date fields, as people do.
    for (const [id, value] of [['#window-start', start], ['#window-end', end]] as const) {
      const date = $<DateField>(el, id).shadowRoot!.querySelector('input')!;
      date.value = value;
      date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      date.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  it('shows the progress by roster and the open issues of the latest batch, accessibly', async () => {
    const el = await render();
    expect(api.callsTo('receipt.batches.progress')[0]!.input).to.deep.equal({ batchId: 'b1' });
    const rows = [...$(el, '[part="progress"] tbody').querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).to.deep.equal([
      ['24', '校內幹部經歷', '2', '1', '1', '0', '0'],
      ['26', '課程學習成果', '1', '0', '0', '1', '0'],
    ]);
    expect($(el, '#batch option').textContent).to.equal('114 學年度第 1 學期收訖明細（114/10/02–114/10/06，確認中）');
    await waitUntil(() => deepText($(el, '[part="issues"]')).includes('我不是會長'), 'the issues never showed');
    await expect(el).to.be.accessible();
  });

  it('keeps the open issues of every batch in view, newest first with their batch, whichever batch is chosen', async () => {
    const newer = { ...batchSummary, id: 'b2', semester: 2, openIssues: 0 };
    const older = { ...issue, id: 'x0', batchId: 'b0', batch: { academicYear: 113, semester: 2 }, text: '社團名稱有誤' };
    const el = await render({ 'receipt.batches.list': () => [newer, batchSummary], 'receipt.issues.list': () => [issue, older] });
    expect(api.callsTo('receipt.issues.list')[0]!.input).to.deep.equal({ status: 'open', order: 'newest' });
    const list = $<HTMLElement>(el, 'licheng-receipt-issues');
    await waitUntil(() => list.shadowRoot?.querySelector('tbody'), 'the issues never showed');
    const rows = () => [...list.shadowRoot!.querySelector('tbody')!.querySelectorAll('tr')].map((r) => [...r.children].slice(0, 4).map((c) => c.textContent!.trim()));
    const expected = [
      ['101 班 2 號 林小華', '114 學年度第 1 學期收訖明細', '校內幹部經歷', '我不是會長'],
      ['101 班 2 號 林小華', '113 學年度第 2 學期收訖明細', '校內幹部經歷', '社團名稱有誤'],
    ];
    expect(rows()).to.deep.equal(expected);
    expect(list.shadowRoot!.querySelector('caption')!.textContent).to.equal('待回覆的問題（共 2 個）');
    const select = $<HTMLSelectElement>(el, '#batch');
    select.value = 'b1';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => api.callsTo('receipt.batches.progress').some((c) => (c.input as { batchId: string }).batchId === 'b1'));
    await el.updateComplete;
    expect(rows()).to.deep.equal(expected);
    await expect(el).to.be.accessible();
  });

  it('says what to do next when nothing is imported, in English too', async () => {
    api = installFakeApi({ 'receipt.batches.list': () => [], 'receipt.issues.list': () => [] });
    const el = await fixture<ReceiptDesk>(html`<licheng-receipt-desk .token=${fakeToken()} locale="en"></licheng-receipt-desk>`);
    await waitUntil(() => el.batches !== null, 'never loaded');
    await el.updateComplete;
    expect(deepText($(el, '[part="progress"]'))).to.contain('No receipt imported yet. Choose the ZIP the central database returned under “Import a receipt” above');
    expect(api.callsTo('receipt.batches.progress')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('checks in a dry run with the window in ROC dates, then imports', async () => {
    let batches = [batchSummary];
    const el = await render({
      'receipt.batches.list': () => batches,
      'receipt.batches.import': (input) => {
        const form = input as FormData;
        const dry = form.get('dryRun') === 'true';
        if (!dry) batches = [{ ...batchSummary, id: 'b2' }, batchSummary];
        return importResult({ dryRun: dry, batchId: dry ? null : 'b2' });
      },
    });
    choose(el, '114/10/02', '1141006');
    await el.updateComplete;
    expect($(el, '.roc').textContent).to.equal('民國 114/10/02 至 114/10/06，共 5 天');
    button(el, '檢查（不匯入）').click();
    await waitUntil(() => el.result !== null);
    await el.updateComplete;
    const form = api.callsTo('receipt.batches.import')[0]!.input as FormData;
    expect([form.get('windowStart'), form.get('windowEnd'), form.get('dryRun'), (form.get('file') as File).name]).to.deep.equal(['2025-10-02', '2025-10-06', 'true', 'receipt.zip']);
    expect(deepText($(el, '[part="import"]'))).to.contain('檢查通過：1 份名冊，共 2 項待學生確認。可以匯入。');
    await expect(el).to.be.accessible();

    setTimeout(() => button(el, '匯入').click());
    const event = await oneEvent(el, 'licheng-receipt-imported');
    expect(event.detail).to.deep.equal({ batchId: 'b2', items: 2 });
    await waitUntil(() => api.callsTo('receipt.batches.progress').some((c) => (c.input as { batchId: string }).batchId === 'b2'));
  });

  it('shows a refused import as a report by file and entry', async () => {
    const el = await render({
      'receipt.batches.import': () =>
        importResult({
          ok: false,
          items: 0,
          problems: [
            { file: '24.json', index: null, code: 'receipt-checksum-mismatch', params: {}, message: '檔案「24.json」的檢查碼與 SHA.txt 不符' },
            { file: '25.json', index: 2, code: 'receipt-student-unmatched', params: {}, message: '「25.json」第 2 筆：身分證號 Z19****999 不在本校學生名冊中' },
          ],
        }),
    });
    choose(el, '2025-10-02', '2025-10-06');
    button(el, '匯入').click();
    await waitUntil(() => el.result !== null);
    await el.updateComplete;
    const rows = [...$(el, 'table.report tbody').querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).to.deep.equal([
      ['24.json', '', '檔案「24.json」的檢查碼與 SHA.txt 不符'],
      ['25.json', '2', '「25.json」第 2 筆：身分證號 Z19****999 不在本校學生名冊中'],
    ]);
    expect(deepText(el)).to.contain('檢查發現 2 個問題，未匯入任何資料：');
    // The files that were read are still listed, under a caption saying nothing was imported.
    const read = [...el.shadowRoot!.querySelectorAll('table')].find((t) => t.caption?.textContent === '已讀取的名冊（未匯入）')!;
    expect([...read.querySelectorAll('tbody tr')].map((r) => r.children[1]!.textContent)).to.deep.equal(['校內幹部經歷']);
    await expect(el).to.be.accessible();
  });

  it('sends the typed password with the ZIP, marks the field when it is wrong, and forgets it once imported', async () => {
    let batches = [batchSummary];
    const el = await render({
      'receipt.batches.list': () => batches,
      'receipt.batches.import': (input) => {
        const form = input as FormData;
        if (form.get('password') !== 'Ab12#收訖') throw new FakeApiError('receipt-zip-password-wrong', '收訖明細壓縮檔的密碼不正確，請重新輸入');
        batches = [{ ...batchSummary, id: 'b2' }, batchSummary];
        return importResult({ dryRun: false, batchId: 'b2' });
      },
    });
    choose(el, '2025-10-02', '2025-10-06');
    const password = $<HTMLInputElement>(el, '#zip-password');
    // Labelled, described by its hint, hidden while typed, and shown on request by a labelled checkbox.
    expect(password.labels![0]!.textContent).to.equal('壓縮檔密碼');
    expect(password.type).to.equal('password');
    expect($(el, '#password-hint').textContent).to.contain('沒有密碼時留空');
    password.focus();
    password.value = 'wrong';
    password.dispatchEvent(new Event('input'));
    button(el, '匯入').click();
    await waitUntil(() => el.importError !== '');
    await el.updateComplete;
    expect((api.callsTo('receipt.batches.import')[0]!.input as FormData).get('password')).to.equal('wrong');
    const alert = $(el, '#import-error');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.equal('收訖明細壓縮檔的密碼不正確，請重新輸入');
    await waitUntil(() => deepActiveElement() === alert, 'focus not on the refusal');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(password.getAttribute('aria-describedby')).to.equal('password-hint import-error');
    await expect(el).to.be.accessible();

    const show = [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('label.inline')].find((l) => l.textContent!.includes('顯示密碼'))!.querySelector('input')!;
    show.click();
    await el.updateComplete;
    expect(password.type).to.equal('text');
    password.value = 'Ab12#收訖';
    password.dispatchEvent(new Event('input'));
    setTimeout(() => button(el, '匯入').click());
    await oneEvent(el, 'licheng-receipt-imported');
    await el.updateComplete;
    expect((api.callsTo('receipt.batches.import')[1]!.input as FormData).get('password')).to.equal('Ab12#收訖');
    expect(password.value).to.equal('');
    expect(password.getAttribute('aria-invalid')).to.equal('false');
  });

  it('sends no password field when none is typed, in English with the labels translated', async () => {
    api = installFakeApi({ 'receipt.batches.list': () => [], 'receipt.issues.list': () => [], 'receipt.batches.import': () => importResult() });
    const el = await fixture<ReceiptDesk>(html`<licheng-receipt-desk .token=${fakeToken()} locale="en"></licheng-receipt-desk>`);
    await waitUntil(() => el.batches !== null, 'never loaded');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#zip-password').labels![0]!.textContent).to.equal('ZIP password');
    choose(el, '2025-10-02', '2025-10-06');
    button(el, 'Check (no import)').click();
    await waitUntil(() => el.result !== null);
    expect((api.callsTo('receipt.batches.import')[0]!.input as FormData).has('password')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('asks for the file and the window before uploading', async () => {
    const el = await render();
    button(el, '匯入').click();
    await el.updateComplete;
    expect($(el, '[part="import"] [role="alert"]').textContent).to.equal('請選擇收訖明細壓縮檔');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'licheng-file-field'));
    choose(el, '2025-10-02', '');
    button(el, '檢查（不匯入）').click();
    await el.updateComplete;
    expect($(el, '[part="import"] [role="alert"]').textContent).to.equal('請填寫確認期間的開始日與結束日');
    await $<DateField>(el, '#window-end').updateComplete;
    expect(deepActiveElement()).to.equal($(el, '#window-end').shadowRoot!.querySelector('input'));
    expect(el.shadowRoot!.querySelector('input[type="date"]')).to.equal(null);
    expect(api.callsTo('receipt.batches.import')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the issues of every office in <licheng-receipt-issues> and reloads the progress after an answer', async () => {
    const el = await render();
    const list = $<HTMLElement>(el, 'licheng-receipt-issues');
    expect(list.getAttribute('part')).to.equal('issues');
    expect(list.getAttribute('heading-level')).to.equal('2');
    await waitUntil(() => deepText(list).includes('我不是會長'), 'the issues never showed');
    const before = api.callsTo('receipt.batches.progress').length;
    list.dispatchEvent(new CustomEvent('licheng-receipt-issue-answered', { detail: { issueId: 'x1', corrected: true }, bubbles: true, composed: true }));
    await waitUntil(() => api.callsTo('receipt.batches.progress').length === before + 1, 'the progress was not reloaded');
  });
});
