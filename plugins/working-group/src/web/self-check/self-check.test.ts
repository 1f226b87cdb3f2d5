import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './self-check.ts';
import type { LichengSelfCheck } from './self-check.component.ts';
import { selfCheck114 } from '../testing/progress-fixtures.ts';
import type { SelfCheckView } from '../../server/self-check-view.ts';

const $ = <T extends Element>(el: LichengSelfCheck, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const noteText = (el: LichengSelfCheck) => ($(el, '#self-check-note') as HTMLElement & { message: string }).message;

/** The view after answering `itemId` (or clearing it with answer null). */
function answered(view: SelfCheckView, input: any): SelfCheckView {
  return {
    ...view,
    items: view.items.map((i) =>
      i.id !== input.itemId ? i : { ...i, hand: input.answer ? { answer: input.answer, note: input.note, byName: '教務主任', at: '2026-01-20T02:00:00.000Z', listVersion: view.version } : null, stateText: input.answer === 'yes' ? '是' : input.answer === 'no' ? '否' : '尚未填答' },
    ),
  };
}

describe('<licheng-self-check>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function mount(extra: Record<string, (input: any) => unknown> = {}) {
    let current = selfCheck114;
    api = installFakeApi({
      'working-group.selfCheck.get': (input: any) => (input?.semester === 2 ? { ...selfCheck114, semester: 2 } : current),
      'working-group.selfCheck.answer': (input: any) => (current = answered(current, input)),
      ...extra,
    });
    const el = await fixture<LichengSelfCheck>(html`<licheng-self-check .token=${fakeToken()} locale="zh-TW"></licheng-self-check>`);
    await waitUntil(() => el.shadowRoot!.querySelector('table'));
    return el;
  }

  it('shows each section’s items with results, figures, how computed and sources, and is accessible', async () => {
    const el = await mount();
    expect($(el, 'h2').textContent).to.equal('自我檢核表');
    expect([...el.shadowRoot!.querySelectorAll('caption')].map((c) => c.textContent)).to.deep.equal(['補充規定', '資料建置', '各教師認證情形（待認證多者在前）', '收訖明細及確認']);
    expect($(el, '#self-check-summary').textContent!.trim()).to.equal('114 學年度第 1 學期：由資料計算 3 題（符合 1、未符合 1），人工填答 1 / 2 題。');
    const precheck = $(el, '#item-precheck-4-weeks');
    expect(precheck.textContent).to.contain('✓ 符合');
    expect(precheck.textContent).to.contain('2025-08-28');
    expect(precheck.textContent).to.contain('教學組執行開課預檢的紀錄。');
    expect(precheck.textContent).to.contain('國教署簡報 政策宣導 30 (line 639)');
    expect($(el, '#item-receipt-window').textContent).to.contain('無資料可判斷');
    expect($(el, '#item-rules-published').textContent).to.contain('教務主任 於 115/01/19 填答');
    await expect(el).to.be.accessible();
  });

  it('answers an item by keyboard: save is disabled with the reason until 是 or 否 is chosen; focus lands on the message', async () => {
    const el = await mount();
    const save = $<HTMLButtonElement>(el, '#rules-passed-save');
    expect(save.disabled).to.equal(true);
    expect($(el, '#rules-passed-why').textContent).to.equal('請先選擇「是」或「否」。');
    $<HTMLInputElement>(el, 'input[name="rules-passed-answer"][value="yes"]').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    $<HTMLTextAreaElement>(el, '#rules-passed-note').focus();
    await sendKeys({ type: '校務會議通過' });
    await el.updateComplete;
    expect(save.disabled).to.equal(false);
    // Tab from the note reaches the (now enabled) save button; Enter submits.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('rules-passed-save');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => noteText(el) === '已儲存「補充規定是否經校務會議通過？」的作答。');
    expect(api.callsTo('working-group.selfCheck.answer')[0]!.input).to.deep.equal({ academicYear: 114, semester: 1, itemId: 'rules-passed', answer: 'yes', note: '校務會議通過' });
    expect(deepActiveElement()?.id).to.equal('self-check-note');
    expect($(el, '#item-rules-passed').classList.contains('fresh')).to.equal(true);
    expect($(el, '#item-rules-passed').textContent).to.contain('✓ 是');
  });

  it('clears an answer and takes the mis-click back with 復原', async () => {
    const el = await mount();
    $<HTMLButtonElement>(el, '#item-rules-published button[aria-label="清除作答：補充規定是否公告於學校網站？"]').click();
    await waitUntil(() => noteText(el) === '已清除「補充規定是否公告於學校網站？」的作答。');
    expect($(el, '#item-rules-published').textContent).to.contain('尚未填答');
    expect(deepActiveElement()?.id).to.equal('self-check-note');
    $<HTMLButtonElement>(el, '#self-check-undo').click();
    await waitUntil(() => noteText(el) === '已復原「補充規定是否公告於學校網站？」的作答。');
    expect(api.callsTo('working-group.selfCheck.answer').map((c) => [(c.input as any).answer, (c.input as any).note])).to.deep.equal([[null, ''], ['yes', '已公告']]);
    expect(el.shadowRoot!.querySelector('#self-check-undo')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reads another term when the semester changes, and shows a refusal in the message', async () => {
    const el = await mount({ 'working-group.selfCheck.answer': () => { throw new FakeApiError('forbidden', '您沒有執行此操作的權限'); } });
    const semester = $<HTMLSelectElement>(el, 'select.semester');
    semester.value = '2';
    semester.dispatchEvent(new Event('change'));
    await waitUntil(() => api.callsTo('working-group.selfCheck.get').some((c) => (c.input as any)?.semester === 2));
    await waitUntil(() => $(el, '#self-check-summary').textContent!.includes('第 2 學期'));
    $<HTMLInputElement>(el, 'input[name="rules-passed-answer"][value="no"]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#rules-passed-save').click();
    await waitUntil(() => $(el, '#self-check-note').getAttribute('variant') === 'error');
    expect(noteText(el)).to.contain('權限');
    expect(deepActiveElement()?.id).to.equal('self-check-note');
  });
});
