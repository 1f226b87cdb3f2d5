import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type Dialog, type Locale } from '@licheng/ui';
import './certification-queue.ts';
import type { CertificationQueue } from './certification-queue.component.ts';
import { deepText, item, me, queue } from '../testing/fixtures.ts';
import type { QueueItem } from '../api.ts';

const wang = { name: '王小明', studentNo: '1130001', className: '101', seatNo: 1 };
const li = { name: '李小華', studentNo: '1130002', className: '101', seatNo: 2 };

/** Taking back a decision, asking before a bulk pass, and the fail reason's counter — by keyboard where a user would type. */
describe('<licheng-certification-queue> decisions that can be taken back', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(items: QueueItem[], handlers: Record<string, (input: unknown) => unknown> = {}, locale: Locale = 'zh-TW') {
    let current = items;
    api = installFakeApi({
      'teaching.certifications.queue': () => queue(current),
      'platform.me': () => me,
      ...handlers,
    });
    const el = await fixture<CertificationQueue>(html`<licheng-certification-queue .token=${fakeToken()} locale=${locale} status="all"></licheng-certification-queue>`);
    await waitUntil(() => el.queue !== null, 'queue never loaded');
    await el.updateComplete;
    return { el, setItems: (next: QueueItem[]) => (current = next) };
  }
  const $ = <T extends Element>(el: CertificationQueue, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const button = (el: CertificationQueue, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === label);
  const confirm = (dialog: Dialog) => dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!;

  it('offers 撤回決定 only on the teacher’s own decisions, takes a reason by keyboard, and lands focus on the item’s new status', async () => {
    const mine = item({ id: 'r1', student: wang, status: 'passed', decidedByMe: true, decidedByName: '陳老師', decidedAt: '2025-10-02T02:00:00.000Z', version: 2 });
    const others = item({ id: 'r2', student: li, status: 'failed', statusReason: '非本課程作品', decidedByMe: false, decidedByName: '林老師', decidedAt: '2025-10-02T02:00:00.000Z', version: 2 });
    const { el, setItems } = await render([mine, others], {
      'teaching.certifications.reopen': (input) => {
        setItems([{ ...mine, status: 'pending', statusReason: (input as { reason: string }).reason, decidedByMe: false, decidedByName: null, decidedAt: null, version: 3 }, others]);
        return { id: 'r1', status: 'pending', statusReason: (input as { reason: string }).reason, version: 3 };
      },
    });
    expect(button(el, '撤回決定：101 班 2 號 李小華，國語文 101 班（114 學年度第 1 學期）')).to.equal(undefined);
    const open = button(el, '撤回決定：101 班 1 號 王小明，國語文 101 班（114 學年度第 1 學期）')!;
    expect(open.textContent!.trim()).to.equal('撤回決定');
    open.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<Dialog>(el, '#reopen-dialog');
    await waitUntil(() => dialog.open, 'dialog did not open');
    await dialog.updateComplete;
    expect(deepActiveElement()).to.equal($(el, '#reopen-reason'));
    expect(deepText(dialog)).to.contain('101 班 1 號 王小明／國語文 101 班（114 學年度第 1 學期）：目前為「已通過」');
    await expect(el).to.be.accessible();

    // No reason: refused on the page, nothing sent.
    confirm(dialog).click();
    await el.updateComplete;
    expect($(el, '#reopen-reason-error').textContent).to.equal('請填寫撤回原因');
    expect(deepActiveElement()).to.equal($(el, '#reopen-reason'));
    expect(api.callsTo('teaching.certifications.reopen')).to.have.length(0);

    await sendKeys({ type: '誤按通過' });
    await el.updateComplete;
    expect($(el, '#reopen-reason-count').textContent).to.equal('已輸入 4／200 字');
    const certified = oneEvent(el, 'licheng-certified');
    confirm(dialog).click();
    expect((await certified).detail).to.deep.equal({ ids: ['r1'], status: 'pending' });
    expect(api.callsTo('teaching.certifications.reopen')[0]!.input).to.deep.equal({ recordId: 'r1', reason: '誤按通過' });
    const status = () => $<HTMLElement>(el, '[data-status-of="r1"]');
    await waitUntil(() => deepActiveElement() === status(), 'focus did not land on the new status');
    expect(status().querySelector('licheng-status-badge')!.getAttribute('status')).to.equal('pending');
    expect(status().textContent).to.contain('已撤回決定：誤按通過');
    expect(deepText(el)).to.contain('已撤回決定：101 班 1 號 王小明／國語文 101 班（114 學年度第 1 學期），目前狀態為待認證。');
    await expect(el).to.be.accessible();
  });

  it('keeps the dialog open with the server’s refusal (the window has closed)', async () => {
    const mine = item({ id: 'r1', student: wang, status: 'failed', statusReason: '檔案無法開啟', decidedByMe: true, decidedByName: '陳老師', decidedAt: '2025-10-02T02:00:00.000Z' });
    const { el } = await render([mine], {
      'teaching.certifications.reopen': () => {
        throw new FakeApiError('window-closed', '「課程學習成果認證」的作業期間已結束', 403);
      },
    });
    button(el, '撤回決定：101 班 1 號 王小明，國語文 101 班（114 學年度第 1 學期）')!.click();
    const dialog = $<Dialog>(el, '#reopen-dialog');
    await waitUntil(() => dialog.open, 'dialog did not open');
    const reason = $<HTMLTextAreaElement>(el, '#reopen-reason');
    reason.value = '原因寫錯';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    confirm(dialog).click();
    await waitUntil(() => el.dialogError !== '', 'no error');
    expect(dialog.open).to.equal(true);
    expect(deepText(dialog)).to.contain('「課程學習成果認證」的作業期間已結束');
    dialog.close();
  });

  it('says how many items 通過所選 will change first; cancelling changes nothing and returns focus to the button', async () => {
    const items = [item({ id: 'r1', student: wang }), item({ id: 'r2', student: li })];
    const { el } = await render(items, {
      'teaching.certifications.decideMany': (input) => {
        const ids = (input as { recordIds: string[] }).recordIds;
        return { passed: ids.length, failed: 0, results: ids.map((id) => ({ id, ok: true, status: 'passed' })) };
      },
    });
    $<HTMLInputElement>(el, 'input[data-group="c-chinese"]').click();
    await el.updateComplete;
    const bulk = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.bulk button')][0]!;
    bulk.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<Dialog>(el, '#bulk-dialog');
    await waitUntil(() => dialog.open, 'no confirmation');
    expect(deepText(dialog)).to.contain('將把 2 件成果設為通過。');
    expect(confirm(dialog).textContent!.trim()).to.equal('通過 2 件');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'did not cancel');
    await waitUntil(() => deepActiveElement() === bulk, 'focus did not return to the button');
    expect(api.callsTo('teaching.certifications.decideMany')).to.have.length(0);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'no confirmation');
    confirm(dialog).click();
    await waitUntil(() => api.callsTo('teaching.certifications.decideMany').length === 1, 'not sent');
    await waitUntil(() => deepActiveElement() === $(el, '#outcome'), 'focus did not land on the result');
    expect(deepText($(el, '#outcome'))).to.contain('批次認證完成：通過 2 件，未處理 0 件。');
  });

  it('counts the characters of the fail reason and says when there are too many', async () => {
    const { el } = await render([item({ id: 'r1', student: wang })]);
    button(el, '未通過：101 班 1 號 王小明，國語文 101 班（114 學年度第 1 學期）')!.click();
    const dialog = $<Dialog>(el, '#fail-dialog');
    await waitUntil(() => dialog.open, 'dialog did not open');
    await dialog.updateComplete;
    const count = $<HTMLElement>(el, '#reason-count');
    expect(count.textContent).to.equal('已輸入 0／200 字');
    expect($(el, '#reason').getAttribute('aria-describedby')).to.equal('reason-hint reason-count');
    await sendKeys({ type: '非本人作品' });
    await el.updateComplete;
    expect(count.textContent).to.equal('已輸入 5／200 字');
    const reason = $<HTMLTextAreaElement>(el, '#reason');
    reason.value = '字'.repeat(201);
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(count.textContent).to.equal('已輸入 201／200 字');
    expect(count.classList.contains('over')).to.equal(true);
    dialog.close();
  });

  it('speaks English', async () => {
    const mine = item({ id: 'r1', student: wang, status: 'passed', decidedByMe: true, decidedByName: 'Ms Chen', decidedAt: '2025-10-02T02:00:00.000Z' });
    const { el } = await render([mine, item({ id: 'r2', student: li })], {}, 'en');
    const open = button(el, 'Take back decision: Class 101 No. 1 王小明, 國語文, class 101 (AY 114 semester 1)')!;
    expect(open.textContent!.trim()).to.equal('Take back decision');
    open.click();
    const dialog = $<Dialog>(el, '#reopen-dialog');
    await waitUntil(() => dialog.open, 'dialog did not open');
    await dialog.updateComplete;
    expect(deepText(dialog)).to.contain('Class 101 No. 1 王小明 / 國語文, class 101 (AY 114 semester 1): now “Passed”');
    expect($(el, '#reopen-reason-count').textContent).to.equal('0 of 200 characters');
    await expect(el).to.be.accessible();
    dialog.close();
    $<HTMLInputElement>(el, 'input[aria-label="Select the outcome of Class 101 No. 2 李小華, 國語文, class 101 (AY 114 semester 1)"]').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.bulk button')!.click();
    const bulk = $<Dialog>(el, '#bulk-dialog');
    await waitUntil(() => bulk.open, 'no confirmation');
    expect(deepText(bulk)).to.contain('1 outcomes will be marked as passed.');
    bulk.close();
  });
});
