import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type FileField } from '@licheng/ui';
import { MAX_TRANSFER_PACKAGE_BYTES } from '@licheng/core';
import { TRANSFER_MAX_BYTES } from '../api.ts';
import './transfer-package.ts';
import type { TransferPackage } from './transfer-package.component.ts';

const answer = (dryRun: boolean) => ({
  dryRun,
  fromSchool: { code: '123456', name: '舊學校' },
  student: { id: dryRun ? null : 'st1', studentNo: 'N100', name: '陳小明', created: true },
  imported: 1,
  skipped: 1,
  files: dryRun ? 0 : 2,
  rows: [
    { origin: { schoolCode: '123456', recordId: 'r1' }, kind: 'outcome', academicYear: 114, semester: 1, summary: '物理實驗報告', status: 'passed', outcome: 'imported', reason: null, recordId: 'x1' },
    { origin: { schoolCode: '123456', recordId: 'r2' }, kind: 'cadre', academicYear: 114, semester: 1, summary: '班長', status: 'passed', outcome: 'skipped', reason: 'already-imported', recordId: 'x2' },
  ],
});

describe('<licheng-transfer-package>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(handlers: Record<string, (input: unknown) => unknown> = {}) {
    const post = (_: unknown, call: { url: string }) => answer(new URL(call.url).searchParams.get('dryRun') === 'true');
    api = installFakeApi({ 'POST /api/registry/transfer?dryRun=true&studentNo=N100': post, 'POST /api/registry/transfer?dryRun=false&studentNo=N100': post, 'POST /api/registry/transfer?dryRun=false': post, ...handlers });
    const el = await fixture<TransferPackage>(html`<licheng-transfer-package .token=${fakeToken()} locale="zh-TW"></licheng-transfer-package>`);
    return el;
  }
  const buttons = (el: TransferPackage) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
  const choose = async (el: TransferPackage, file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'package.zip', { type: 'application/zip' })) => {
    el.shadowRoot!.querySelector<FileField>('#transfer-file')!.setFile(file);
    await el.updateComplete;
  };

  it('says why check and import wait for a file, then checks and imports with a row per record, focusing the result; accessible', async () => {
    const el = await render();
    const [, check, run] = buttons(el);
    expect(check!.disabled).to.equal(true);
    expect(run!.getAttribute('aria-describedby')).to.equal('transfer-choose');
    expect(el.shadowRoot!.querySelector('#transfer-choose')!.textContent).to.contain('請先選擇轉學資料包');
    await expect(el).to.be.accessible();

    await choose(el);
    const newNo = el.shadowRoot!.querySelector<HTMLInputElement>('#transfer-new-student')!;
    newNo.value = 'N100';
    newNo.dispatchEvent(new Event('input'));
    buttons(el)[1]!.click();
    await waitUntil(() => el.result !== null, 'not checked');
    // The package goes as the raw body of the streamed route, not as a multipart procedure call.
    const sent = api.callsTo('/api/registry/transfer?dryRun=true&studentNo=N100')[0]!;
    expect([sent.method, sent.via, sent.headers.get('content-type')]).to.deep.equal(['POST', 'xhr', 'application/zip']);
    expect(new Uint8Array(await (sent.input as Blob).arrayBuffer())).to.deep.equal(new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(api.callsTo('registry.transfer.import')).to.have.length(0);
    await waitUntil(() => deepActiveElement()?.id === 'transfer-result-heading', 'focus not on the result');
    expect(el.shadowRoot!.querySelector('#transfer-result-heading')!.textContent).to.contain('將匯入 1 筆、略過 1 筆，尚未寫入');

    buttons(el)[2]!.click();
    await waitUntil(() => el.result?.dryRun === false, 'not imported');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('123456 / r1').and.contain('物理實驗報告').and.contain('通過').and.contain('匯入');
    expect(rows[1]).to.contain('略過：已匯入過（同一原校紀錄）');
    expect(el.shadowRoot!.textContent).to.contain('已建立本校學生');
    await expect(el).to.be.accessible();
  });

  it('keeps check and import disabled for a file that is not a ZIP, saying why, and takes the server’s size limit', async () => {
    expect(TRANSFER_MAX_BYTES).to.equal(MAX_TRANSFER_PACKAGE_BYTES);
    const el = await render();
    expect(el.shadowRoot!.querySelector<FileField>('#transfer-file')!.maxBytes).to.equal(MAX_TRANSFER_PACKAGE_BYTES);
    await choose(el, new File(['x'], 'package.pdf', { type: 'application/pdf' }));
    const [, check, run] = buttons(el);
    expect([check!.disabled, run!.disabled]).to.deep.equal([true, true]);
    expect(run!.getAttribute('aria-describedby')).to.equal('transfer-choose');
    expect(el.shadowRoot!.querySelector('#transfer-choose')!.textContent).to.contain('ZIP');
    await choose(el);
    expect(buttons(el)[2]!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a refused package and focuses why', async () => {
    const el = await render({
      'POST /api/registry/transfer?dryRun=false': () => {
        throw new FakeApiError('transfer-package-file-mismatch', '檔案 abc 的內容與 SHA-256 不符', 422);
      },
    });
    await choose(el);
    buttons(el)[2]!.click();
    await waitUntil(() => el.failure !== '', 'no failure');
    expect(el.failure).to.contain('SHA-256 不符');
    await waitUntil(() => deepActiveElement()?.id === 'transfer-failure', 'focus not on the refusal');
  });

  it('downloads one student’s package for the chosen reason, and asks for the number first', async () => {
    const el = await render({ '/api/registry/transfer/S001?reason=resume': () => new Response(new Blob([new Uint8Array([0x50, 0x4b])], { type: 'application/zip' }), { headers: { 'content-disposition': 'attachment; filename="t.zip"' } }) });
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => el.failure !== '', 'no reason');
    expect(el.failure).to.equal('請填寫學號。');
    const no = el.shadowRoot!.querySelector<HTMLInputElement>('#transfer-student')!;
    no.value = 'S001';
    no.dispatchEvent(new Event('input'));
    const reason = el.shadowRoot!.querySelector<HTMLSelectElement>('#transfer-reason')!;
    reason.value = 'resume';
    reason.dispatchEvent(new Event('change'));
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => el.done !== '', 'not downloaded');
    expect(api.calls.some((c) => c.path === '/api/registry/transfer/S001?reason=resume')).to.equal(true);
    await waitUntil(() => deepActiveElement()?.id === 'transfer-done', 'focus not on the outcome');
  });
});
