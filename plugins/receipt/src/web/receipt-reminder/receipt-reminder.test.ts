import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './receipt-reminder.ts';
import type { ReceiptReminder } from './receipt-reminder.component.ts';
import type { Mine } from '../api.ts';
import { batch, cadre, deepText, item, mine, mineIssue, outcome } from '../testing/fixtures.ts';

describe('<licheng-receipt-reminder>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(answer: () => Mine | Promise<Mine>, handlers: Record<string, (input: unknown) => unknown> = {}, attrs = '') {
    api = installFakeApi({ 'receipt.mine': answer, ...handlers });
    const el = await fixture<ReceiptReminder>(
      attrs === 'persistent'
        ? html`<licheng-receipt-reminder persistent .token=${fakeToken()} locale="zh-TW"></licheng-receipt-reminder>`
        : html`<licheng-receipt-reminder .token=${fakeToken()} locale="zh-TW"></licheng-receipt-reminder>`,
    );
    await waitUntil(() => api.callsTo('receipt.mine').length > 0 && el.mine !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(el: ReceiptReminder, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const button = (el: ReceiptReminder, label: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === label)!;

  it('steps aside while the 收訖確認 page is on screen, so the panel is never shown twice, and comes back reloaded', async () => {
    api = installFakeApi({ 'receipt.mine': () => mine([cadre, outcome]) });
    const page = await fixture<HTMLElement>(html`<div>
      <licheng-receipt-reminder class="above" .token=${fakeToken()} locale="zh-TW"></licheng-receipt-reminder>
      <main></main>
    </div>`);
    const above = page.querySelector<ReceiptReminder>('.above')!;
    await waitUntil(() => above.shadowRoot!.querySelector('[part="panel"]'), 'the reminder never showed');
    const panels = () => [page, ...page.querySelectorAll<ReceiptReminder>('licheng-receipt-reminder')].flatMap((el) => [...(el.shadowRoot ?? el).querySelectorAll('[part="panel"]')]);
    const confirmAll = () => panels().flatMap((p) => [...p.querySelectorAll('button')].filter((b) => b.textContent!.trim().startsWith('全部確認無誤')));
    expect(confirmAll()).to.have.length(1);
    // The student opens the 收訖確認 page.
    const onPage = document.createElement('licheng-receipt-reminder') as ReceiptReminder;
    onPage.persistent = true;
    onPage.token = fakeToken();
    onPage.locale = 'zh-TW';
    page.querySelector('main')!.append(onPage);
    await waitUntil(() => onPage.shadowRoot!.querySelector('[part="panel"]'), 'the page never showed');
    await above.updateComplete;
    expect(above.shadowRoot!.querySelector('[part="panel"]')).to.equal(null);
    expect(confirmAll()).to.have.length(1);
    // Leaving the page brings the reminder back, reloaded.
    const calls = api.callsTo('receipt.mine').length;
    onPage.remove();
    await waitUntil(() => api.callsTo('receipt.mine').length > calls, 'the reminder did not reload');
    await waitUntil(() => above.shadowRoot!.querySelector('[part="panel"]'), 'the reminder did not come back');
    expect(confirmAll()).to.have.length(1);
  });

  it('asks again when the language changes, so the sentence is worded in it', async () => {
    const el = await render(() => mine([{ ...cadre, status: 'confirmed' }, outcome]));
    const calls = api.callsTo('receipt.mine').length;
    el.locale = 'en';
    await waitUntil(() => api.callsTo('receipt.mine').length > calls, 'did not ask again');
    expect(api.callsTo('receipt.mine').at(-1)!.headers.get('x-licheng-locale')).to.equal('en');
  });

  it('renders nothing when there is nothing to confirm', async () => {
    const el = await render(() => mine([{ ...cadre, status: 'confirmed' }]));
    expect(el.shadowRoot!.children.length === 0 || el.shadowRoot!.querySelector('[part="panel"]') === null).to.equal(true);
    expect(deepText(el).trim()).to.equal('');
  });

  it('shows the sentence, the days left and the actions in a labelled region, accessibly', async () => {
    const el = await render(() => mine([{ ...cadre, status: 'confirmed' }, outcome]));
    const panel = $(el, '[part="panel"]');
    expect(panel.getAttribute('role')).to.equal('region');
    expect(panel.getAttribute('aria-labelledby')).to.equal('reminder-heading');
    expect($(el, 'h2#reminder-heading').textContent).to.equal('請確認收訖明細');
    expect($(el, '.sentence').textContent).to.equal('您已完成確認：校內幹部經歷。您尚未完成確認：課程學習成果。');
    expect(deepText(el)).to.contain('確認期間至 114/10/06，尚餘 3 天。');
    expect($(el, '[part="actions"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('expands the details with what was received, keyboard-reachable and accessible', async () => {
    const el = await render(() => mine([cadre, outcome]));
    const toggle = button(el, '查看明細');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($<HTMLElement>(el, '#details').hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($<HTMLElement>(el, '#details').hidden).to.equal(false);
    expect([...el.shadowRoot!.querySelectorAll('h4')].map((h) => h.textContent!.replace(/\s+/g, ''))).to.deep.equal(['校內幹部經歷◔尚未確認', '課程學習成果◔尚未確認']);
    expect([...el.shadowRoot!.querySelectorAll('caption')].map((c) => c.textContent)).to.deep.equal(['幹部經歷', '課程學習成果']);
    expect(deepText(el)).to.contain('班長');
    await expect(el).to.be.accessible();
  });

  it('confirms everything pending, announces it and emits licheng-receipt-confirmed', async () => {
    let state = mine([cadre, outcome]);
    const el = await render(() => state, {
      'receipt.confirm': (input) => {
        state = mine([{ ...cadre, status: 'confirmed' }, { ...outcome, status: 'confirmed' }]);
        return { confirmed: (input as { itemIds: string[] }).itemIds, changed: 2 };
      },
    });
    setTimeout(() => button(el, '全部確認無誤（2 項）').click());
    const event = await oneEvent(el, 'licheng-receipt-confirmed');
    expect(event.detail).to.deep.equal({ itemIds: ['i-cadre', 'i-outcome'] });
    expect(api.callsTo('receipt.confirm')[0]!.input).to.deep.equal({ itemIds: ['i-cadre', 'i-outcome'] });
    await waitUntil(() => api.callsTo('receipt.mine').length === 2);
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.equal('已確認：校內幹部經歷、課程學習成果。');
    expect($(el, '.sentence').textContent).to.equal('您已完成本次收訖明細的確認，謝謝！');
  });

  it('raises an issue with a counted, required text and emits licheng-receipt-issue-raised', async () => {
    let state = mine([cadre, outcome]);
    const el = await render(() => state, {
      'receipt.raiseIssue': (input) => {
        const { itemId, text } = input as { itemId: string; text: string };
        state = mine([{ ...cadre, status: 'issue', issues: [mineIssue({ id: 'x1', text })] }, outcome]);
        return { id: 'x1', itemId, text, status: 'open', raisedAt: '2025-10-04T02:00:00.000Z', routedTo: { office: 'student-affairs', label: { 'zh-TW': '學務處', en: 'Student affairs office' }, ownerName: null }, recordId: null };
      },
    });
    button(el, '查看明細').click();
    await el.updateComplete;
    button(el, '提出問題：校內幹部經歷（114 學年度第 1 學期）').click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, '#issue-i-cadre');
    expect(deepActiveElement()).to.equal(textarea);
    await expect(el).to.be.accessible();

    $<HTMLFormElement>(el, 'form.issue').requestSubmit();
    await el.updateComplete;
    expect($(el, '#issue-i-cadre-error').textContent).to.equal('請填寫問題內容');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(api.callsTo('receipt.raiseIssue')).to.have.length(0);

    textarea.value = '  擔任職務應為副班長  ';
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#issue-i-cadre-count').textContent).to.equal('9／500 字');
    setTimeout(() => $<HTMLFormElement>(el, 'form.issue').requestSubmit());
    const event = await oneEvent(el, 'licheng-receipt-issue-raised');
    expect(event.detail).to.deep.equal({ itemId: 'i-cadre', issueId: 'x1' });
    expect(api.callsTo('receipt.raiseIssue')[0]!.input).to.deep.equal({ itemId: 'i-cadre', text: '擔任職務應為副班長' });
    await waitUntil(() => api.callsTo('receipt.mine').length === 2);
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.equal('已送出「校內幹部經歷」的問題，轉交學務處處理。');
    // Focus lands on the outcome: the new issue's steps, saying where it went.
    await waitUntil(() => deepActiveElement() === $(el, '#steps-x1'), 'focus not on the issue’s steps');
    expect(deepText($(el, '#steps-x1'))).to.contain('已轉交：學務處');
    expect(deepText($(el, '#steps-x1'))).to.contain('等待承辦單位回覆');
    expect(button(el, '確認無誤：校內幹部經歷（114 學年度第 1 學期）')).to.equal(undefined);
  });

  it('names the row the issue is about when the entry has several', async () => {
    const twoRows = item({ id: 'i-two', kind: 26, rosterName: '課程學習成果', entry: { 身分證號: 'A123456789', 學期課程學習成果: [{ 課程代碼: '108123456E22L0101020005', 科目名稱: '國語文' }, { 課程代碼: '108123456E22L0104010005', 科目名稱: '物理' }] } });
    let state = mine([twoRows]);
    const el = await render(() => state, {
      'receipt.raiseIssue': (input) => {
        const { itemId, text } = input as { itemId: string; text: string };
        const routedTo = { office: 'subject-teacher', label: { 'zh-TW': '任課教師', en: 'Subject teacher' }, ownerName: '李老師' };
        state = mine([{ ...twoRows, status: 'issue', issues: [mineIssue({ id: 'x2', text, routedTo, row: { sheet: '學期課程學習成果', index: 1 } })] }]);
        return { id: 'x2', itemId, text, status: 'open', raisedAt: '2025-10-04T02:00:00.000Z', routedTo, recordId: null };
      },
    });
    button(el, '查看明細').click();
    await el.updateComplete;
    button(el, '提出問題：課程學習成果（114 學年度第 1 學期）').click();
    await el.updateComplete;
    const select = $<HTMLSelectElement>(el, '#issue-i-two-row');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['不指定（整份名冊）', '學期課程學習成果 第 1 筆：108123456E22L0101020005 國語文', '學期課程學習成果 第 2 筆：108123456E22L0104010005 物理']);
    await expect(el).to.be.accessible();
    select.selectedIndex = 2;
    select.dispatchEvent(new Event('change'));
    const textarea = $<HTMLTextAreaElement>(el, '#issue-i-two');
    textarea.value = '物理成果簡述有誤';
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form.issue').requestSubmit();
    await waitUntil(() => deepActiveElement() === $(el, '#steps-x2'), 'focus not on the issue’s steps');
    expect(api.callsTo('receipt.raiseIssue')[0]!.input).to.deep.equal({ itemId: 'i-two', text: '物理成果簡述有誤', row: { sheet: '學期課程學習成果', index: 1 } });
    expect($(el, '[role="status"]').textContent).to.equal('已送出「課程學習成果」的問題，轉交任課教師 李老師處理。');
    expect(deepText($(el, '#steps-x2'))).to.contain('（學期課程學習成果 第 2 筆）');
  });

  it('shows every step of an answered, corrected issue, accepts the answer, and fits a 390 px phone', async () => {
    const answered = mineIssue({
      id: 'x3',
      text: '成果簡述有誤',
      status: 'answered',
      routedTo: { office: 'subject-teacher', label: { 'zh-TW': '任課教師', en: 'Subject teacher' }, ownerName: '王老師' },
      answer: { text: '已更正成果簡述，下次提交時送出', byName: '王老師', at: '2025-10-05T03:00:00.000Z', corrected: true },
      correction: { status: 'pending-submission', at: '2025-10-05T03:00:00.000Z', receivedAt: null },
    });
    let state = mine([{ ...outcome, issues: [answered] }]);
    const el = await render(() => state, {
      'receipt.issues.accept': () => {
        state = mine([{ ...outcome, issues: [{ ...answered, status: 'closed', closed: { at: '2025-10-05T04:00:00.000Z', by: 'student' } }] }]);
        return { id: 'x3', status: 'closed', closedAt: '2025-10-05T04:00:00.000Z', closedBy: 'student' };
      },
    }, 'persistent');
    button(el, '查看明細').click();
    await el.updateComplete;
    const steps = () => [...$(el, '#steps-x3').querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(steps()).to.deep.equal([
      '114/10/04 10:00 提出問題：成果簡述有誤',
      '已轉交：任課教師 王老師',
      '114/10/05 11:00 王老師 回覆：已更正成果簡述，下次提交時送出 已更正紀錄',
      '已標記於下次提交名冊時更正',
    ]);
    el.style.display = 'block';
    el.style.width = '390px';
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();

    button(el, '接受回覆並結案：課程學習成果').click();
    await waitUntil(() => api.callsTo('receipt.mine').length === 2);
    await waitUntil(() => deepActiveElement() === $(el, '#steps-x3'), 'focus not on the issue’s steps');
    expect(api.callsTo('receipt.issues.accept')[0]!.input).to.deep.equal({ issueId: 'x3' });
    expect(steps().at(-1)).to.equal('114/10/05 12:00 您已接受回覆，問題結案');
    expect($(el, '[role="status"]').textContent).to.equal('已接受「課程學習成果」問題的回覆，問題結案。');
    expect(button(el, '接受回覆並結案：課程學習成果')).to.equal(undefined);
  });

  it('shows the server’s refusal as an alert', async () => {
    const el = await render(() => mine([cadre]), {
      'receipt.confirm': () => {
        throw new FakeApiError('receipt-window-closed', '收訖確認已於 2025-10-06 結束', 400);
      },
    });
    button(el, '全部確認無誤（1 項）').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no alert');
    expect($(el, '[role="alert"]').textContent).to.equal('收訖確認已於 2025-10-06 結束');
  });

  it('in persistent mode lists ended receipts read-only, with deemed-confirmed items', async () => {
    const el = await render(() => mine([item({ id: 'i1', status: 'deemed-confirmed' })], { phase: 'after', daysLeft: 0 }), {}, 'persistent');
    expect($(el, '.sentence').textContent).to.equal('目前沒有需要確認的收訖明細。');
    button(el, '查看明細').click();
    await el.updateComplete;
    expect(deepText(el)).to.contain('視同確認');
    expect(el.shadowRoot!.querySelector('button[aria-label^="確認無誤"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English when asked', async () => {
    api = installFakeApi({ 'receipt.mine': () => mine([cadre]) });
    const el = await fixture<ReceiptReminder>(html`<licheng-receipt-reminder .token=${fakeToken()} locale="en" heading-level="3"></licheng-receipt-reminder>`);
    await waitUntil(() => el.mine !== null);
    await el.updateComplete;
    expect($(el, 'h3').textContent).to.equal('Please confirm your receipt');
    expect(api.callsTo('receipt.mine')[0]!.headers.get('x-licheng-locale')).to.equal('en');
  });
  it('with two receipts open, groups each under its heading and names its term on every button', async () => {
    const year = batch([item({ ...outcome, id: 'i-year' })], { id: 'b-year', academicYear: 114, semester: 0 });
    const term = batch([item({ ...outcome, id: 'i-term' })], { id: 'b-term', academicYear: 113, semester: 2 });
    const el = await render(() => ({ ...mine([outcome]), batches: [year, term] }) as Mine);
    ([...el.shadowRoot!.querySelectorAll('button')].find((b) => b.getAttribute('aria-expanded') !== null) as HTMLButtonElement).click();
    await el.updateComplete;
    const groups = [...el.shadowRoot!.querySelectorAll('section.batch')].map((g) => el.shadowRoot!.getElementById(g.getAttribute('aria-labelledby')!)!.textContent);
    expect(groups).to.deep.equal(['114 學年度收訖明細', '113 學年度第 2 學期收訖明細']);
    expect(button(el, '提出問題：課程學習成果（114 學年度）')).to.not.equal(undefined);
    expect(button(el, '提出問題：課程學習成果（113 學年度第 2 學期）')).to.not.equal(undefined);
    const labels = [...el.shadowRoot!.querySelectorAll('button[aria-label]')].map((b) => b.getAttribute('aria-label'));
    expect(new Set(labels).size).to.equal(labels.length);
    await expect(el).to.be.accessible();
  });
});
