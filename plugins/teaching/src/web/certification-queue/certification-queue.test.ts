import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type Dialog } from '@licheng/ui';
import './certification-queue.ts';
import type { CertificationQueue } from './certification-queue.component.ts';
import { bootstrap, mount, unmount } from '../index.ts';
import { biology, deepText, item, me, queue } from '../testing/fixtures.ts';

const items = [
  item({ id: 'r1', student: { name: '王小明', studentNo: '1130001', className: '101', seatNo: 1 } }),
  item({ id: 'r2', student: { name: '李小華', studentNo: '1130002', className: '101', seatNo: 2 }, mediaFileId: 'f-media' }),
  item({ id: 'r3', course: biology, student: { name: '張大同', studentNo: '1130003', className: '102', seatNo: 3 } }),
];

describe('<licheng-certification-queue>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(handlers: Record<string, (input: unknown) => unknown> = {}) {
    api = installFakeApi({ 'teaching.certifications.queue': () => queue(items), 'platform.me': () => me, ...handlers });
    const el = await fixture<CertificationQueue>(html`<licheng-certification-queue .token=${fakeToken()} locale="zh-TW"></licheng-certification-queue>`);
    await waitUntil(() => el.queue !== null, 'queue never loaded');
    await el.updateComplete;
    return el;
  }

  const $ = <T extends Element>(el: CertificationQueue, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const buttons = (el: CertificationQueue, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.getAttribute('aria-label')?.startsWith(label) || b.textContent!.trim().startsWith(label));

  it('groups the pending queue by course with the reminder, and is accessible', async () => {
    const el = await render();
    expect(api.callsTo('teaching.certifications.queue')[0]!.input).to.deep.equal({ kind: 'outcome', status: 'pending' });
    expect([...el.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal(['國語文 101 班（114 學年度第 1 學期）', '生物 102 班（114 學年度第 1 學期）']);
    expect(deepText(el)).to.contain('認證僅確認為學生本人作品且屬該課程，不評定品質。');
    expect($(el, '.count').textContent).to.equal('共 3 件，其中待認證 3 件。');
    await expect(el).to.be.accessible();
  });

  it('filters by course on the page and by status through the server', async () => {
    const el = await render();
    const course = $<HTMLSelectElement>(el, '#course');
    course.value = 'c-bio';
    course.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal(['生物 102 班（114 學年度第 1 學期）']);
    const status = $<HTMLSelectElement>(el, '#status');
    status.value = 'all';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => api.callsTo('teaching.certifications.queue').length === 2, 'status did not reload');
    expect(api.callsTo('teaching.certifications.queue')[1]!.input).to.deep.equal({ kind: 'outcome', status: 'all' });
  });

  it('passes one item and reports it', async () => {
    const el = await render({ 'teaching.certifications.decide': () => ({ id: 'r1', status: 'passed', statusReason: null, version: 2 }) });
    setTimeout(() => buttons(el, '通過：101 班 1 號 王小明')[0]!.click());
    await oneEvent(el, 'licheng-certified');
    expect(api.callsTo('teaching.certifications.decide')[0]!.input).to.deep.equal({ recordId: 'r1', decision: 'pass' });
    await el.updateComplete;
    expect(deepText(el)).to.contain('已通過：101 班 1 號 王小明／國語文 101 班（114 學年度第 1 學期）。');
  });

  it('requires a reason to fail, with the reminder in the dialog, and restores focus', async () => {
    const el = await render({ 'teaching.certifications.decide': () => ({ id: 'r2', status: 'failed', statusReason: '非本課程作品', version: 2 }) });
    const failButton = buttons(el, '未通過：101 班 2 號 李小華')[0]!;
    failButton.focus();
    failButton.click();
    const dialog = $<Dialog>(el, '#fail-dialog');
    await waitUntil(() => dialog.open, 'dialog did not open');
    await dialog.updateComplete;
    expect(deepActiveElement()).to.equal($(el, '#reason'));
    expect(deepText(dialog)).to.contain('認證僅確認為學生本人作品且屬該課程，不評定品質。');
    await expect(el).to.be.accessible();

    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect($(el, '#reason-error').textContent).to.equal('請填寫未通過原因');
    expect($(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
    expect(api.callsTo('teaching.certifications.decide')).to.have.length(0);

    const reason = $<HTMLTextAreaElement>(el, '#reason');
    reason.value = '非本課程作品';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    setTimeout(() => dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click());
    await oneEvent(el, 'licheng-certified');
    expect(api.callsTo('teaching.certifications.decide')[0]!.input).to.deep.equal({ recordId: 'r2', decision: 'fail', reason: '非本課程作品' });
    expect(dialog.open).to.equal(false);
    await waitUntil(() => deepActiveElement() === failButton || !failButton.isConnected, 'focus not restored');
  });

  it('keeps the dialog open and shows the server’s refusal', async () => {
    const el = await render({
      'teaching.certifications.decide': () => {
        throw new FakeApiError('already-decided', '此項目已有認證結果，無法重複認證', 409);
      },
    });
    buttons(el, '未通過：101 班 1 號 王小明')[0]!.click();
    const dialog = $<Dialog>(el, '#fail-dialog');
    await waitUntil(() => dialog.open, 'dialog did not open');
    const reason = $<HTMLTextAreaElement>(el, '#reason');
    reason.value = '不是本人作品';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click();
    await waitUntil(() => el.dialogError !== '', 'no error');
    expect(dialog.open).to.equal(true);
    expect(el.dialogError).to.equal('此項目已有認證結果，無法重複認證');
    dialog.close();
  });

  it('bulk-passes the ticked items and reports each one that did not pass', async () => {
    const el = await render({
      'teaching.certifications.decideMany': (input) => {
        const ids = (input as { recordIds: string[] }).recordIds;
        return {
          passed: ids.length - 1,
          failed: 1,
          results: ids.map((id) => (id === 'r2' ? { id, ok: false, error: { code: 'already-decided', message: '此項目已有認證結果，無法重複認證' } } : { id, ok: true, status: 'passed' })),
        };
      },
    });
    const bulk = buttons(el, '通過所選')[0]!;
    expect(bulk.disabled).to.equal(true);
    const groupBox = $<HTMLInputElement>(el, 'input[data-group="c-chinese"]');
    groupBox.click();
    await el.updateComplete;
    expect(bulk.textContent!.trim()).to.equal('通過所選（2 件）');
    $<HTMLInputElement>(el, 'input[aria-label="選取 102 班 3 號 張大同，生物 102 班（114 學年度第 1 學期） 的成果"]').click();
    await el.updateComplete;
    expect(bulk.textContent!.trim()).to.equal('通過所選（3 件）');
    // Unticking one row leaves the group box mixed.
    $<HTMLInputElement>(el, 'input[aria-label="選取 101 班 1 號 王小明，國語文 101 班（114 學年度第 1 學期） 的成果"]').click();
    await el.updateComplete;
    expect(groupBox.indeterminate).to.equal(true);
    $<HTMLInputElement>(el, 'input[aria-label="選取 101 班 1 號 王小明，國語文 101 班（114 學年度第 1 學期） 的成果"]').click();
    await el.updateComplete;
    bulk.click();
    const dialog = $<Dialog>(el, '#bulk-dialog');
    await waitUntil(() => dialog.open, 'the count was not asked first');
    expect(deepText(dialog)).to.contain('將把 3 件成果設為通過。');
    expect(api.callsTo('teaching.certifications.decideMany')).to.have.length(0);
    setTimeout(() => dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click());
    await oneEvent(el, 'licheng-certified');
    expect(api.callsTo('teaching.certifications.decideMany')[0]!.input).to.deep.equal({ recordIds: ['r1', 'r2', 'r3'], decision: 'pass' });
    await el.updateComplete;
    const text = deepText(el);
    expect(text).to.contain('批次認證完成：通過 2 件，未處理 1 件。');
    expect(text).to.contain('101 班 2 號 李小華／國語文 101 班（114 學年度第 1 學期）：此項目已有認證結果，無法重複認證');
    await expect(el).to.be.accessible();
  });

  it('opens a media file in the viewer', async () => {
    const el = await render({ 'GET /api/files/f-media': () => new Blob([new Uint8Array([0, 0, 0, 24])], { type: 'video/mp4' }) });
    buttons(el, '開啟影音檔')[0]!.click();
    const viewer = el.shadowRoot!.querySelector('licheng-file-viewer')!;
    await waitUntil(() => viewer.shadowRoot?.querySelector('video'), 'viewer did not open');
    (viewer.shadowRoot!.querySelector('licheng-dialog') as Dialog).close();
  });

  it('says when nothing waits', async () => {
    api = installFakeApi({ 'teaching.certifications.queue': () => queue([]), 'platform.me': () => me });
    const el = await fixture<CertificationQueue>(html`<licheng-certification-queue .token=${fakeToken()}></licheng-certification-queue>`);
    await waitUntil(() => el.queue !== null);
    await el.updateComplete;
    expect(deepText(el)).to.contain('目前沒有待認證的成果。');
    await expect(el).to.be.accessible();
  });

  it('tells the host its token expired', async () => {
    api = installFakeApi({
      'teaching.certifications.queue': () => {
        throw new FakeApiError('token-expired', '登入已逾時，請重新登入', 401);
      },
      'platform.me': () => me,
    });
    const el = document.createElement('licheng-certification-queue');
    el.token = fakeToken();
    const expired = oneEvent(document.body, 'licheng-token-expired');
    document.body.appendChild(el);
    await expired;
    await waitUntil(() => el.failure !== '');
    el.remove();
  });
});

describe('teaching single-spa lifecycles', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('mounts and unmounts the queue', async () => {
    api = installFakeApi({ 'teaching.certifications.queue': () => queue(items), 'platform.me': () => me });
    const domElement = document.createElement('div');
    document.body.appendChild(domElement);
    const props = { name: '@licheng/plugin-teaching', singleSpa: {} as never, mountParcel: (() => {}) as never, token: fakeToken(), apiBase: '', locale: 'zh-TW' as const, domElement };
    await bootstrap(props);
    await mount(props);
    expect(domElement.querySelector('licheng-certification-queue')).to.exist;
    await unmount(props);
    expect(domElement.children).to.have.length(0);
    domElement.remove();
  });
});
