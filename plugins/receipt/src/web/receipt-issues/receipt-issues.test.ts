import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './receipt-issues.ts';
import type { ReceiptIssues } from './receipt-issues.component.ts';
import type { IssueRow } from '../api.ts';
import { deepText, issue } from '../testing/fixtures.ts';

const toTeacher: IssueRow = {
  ...issue,
  id: 'x2',
  itemId: 'i-outcome',
  rosterKind: 26,
  rosterName: '課程學習成果',
  text: '物理成果簡述有誤',
  student: { ...issue.student, name: '陳小明', seatNo: 1 },
  routedTo: { office: 'subject-teacher', label: { 'zh-TW': '任課教師', en: 'Subject teacher' }, ownerName: '李老師' },
  row: { sheet: '學期課程學習成果', index: 1 },
};

describe('<licheng-receipt-issues>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(handlers: Record<string, (input: unknown) => unknown> = {}, attrs: { locale?: string; office?: string; batchId?: string; status?: string } = {}) {
    api = installFakeApi({ 'receipt.issues.list': () => [issue, toTeacher], ...handlers });
    const el = await fixture<ReceiptIssues>(
      html`<licheng-receipt-issues .token=${fakeToken()} locale=${attrs.locale ?? 'zh-TW'} office=${attrs.office ?? ''} batch-id=${attrs.batchId ?? ''} status=${attrs.status ?? 'open'}></licheng-receipt-issues>`,
    );
    await waitUntil(() => el.issues !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(el: ReceiptIssues, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const button = (el: ReceiptIssues, label: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === label)!;
  const rows = (el: ReceiptIssues) => [...$(el, 'tbody').querySelectorAll('tr')].map((r) => [...r.children].slice(0, 5).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

  it('lists the issues routed to the caller with where each went and the row named, accessibly', async () => {
    const el = await render();
    expect(api.callsTo('receipt.issues.list')[0]!.input).to.deep.equal({ status: 'open', order: 'newest' });
    expect(rows(el)).to.deep.equal([
      ['101 班 2 號 林小華', '114 學年度第 1 學期收訖明細', '校內幹部經歷', '我不是會長', '學務處'],
      ['101 班 1 號 陳小明', '114 學年度第 1 學期收訖明細', '課程學習成果', '物理成果簡述有誤學期課程學習成果 第 2 筆', '任課教師 李老師'],
    ]);
    expect($(el, 'caption').textContent).to.equal('待回覆的問題（共 2 個）');
    await expect(el).to.be.accessible();
  });

  it('says when an issue came on a returned paper form, so the office tells the student in writing', async () => {
    const el = await render({ 'receipt.issues.list': () => [{ ...issue, fromPaper: true }] });
    expect(rows(el)[0]![3]).to.equal('我不是會長紙本確認單：學生已休學或轉出，由註冊組依交回的確認單登錄；學生無法上線看到回覆，請另以書面通知。');
    await expect(el).to.be.accessible();
  });

  it('asks the server for one office, one receipt or another status when told', async () => {
    await render({}, { office: 'student-affairs', batchId: 'b1', status: 'answered' });
    expect(api.callsTo('receipt.issues.list')[0]!.input).to.deep.equal({ status: 'answered', order: 'newest', office: 'student-affairs', batchId: 'b1' });
  });

  it('answers with a required text and whether the record was corrected, then gives focus to the next issue', async () => {
    let issues: IssueRow[] = [issue, toTeacher];
    const el = await render({
      'receipt.issues.list': () => issues,
      'receipt.issues.answer': (input) => {
        issues = [toTeacher];
        const { issueId, answer, corrected } = input as { issueId: string; answer: string; corrected: boolean };
        return { id: issueId, status: 'answered', answer, corrected, answeredAt: '2025-10-04T00:00:00.000Z', answeredByName: '訓育組長', correctionId: corrected ? 'c1' : null };
      },
    });
    const open = () => button(el, '回覆：101 班 2 號 林小華（114 學年度第 1 學期收訖明細，校內幹部經歷）');
    open().click();
    await el.updateComplete;
    const text = $<HTMLTextAreaElement>(el, '#answer-text');
    expect(deepActiveElement()).to.equal(text);
    $<HTMLFormElement>(el, 'form.answer').requestSubmit();
    await el.updateComplete;
    expect($(el, '#answer-error').textContent).to.equal('請填寫回覆內容');
    expect($(el, '#corrected-error').textContent).to.equal('請選擇是否已更正紀錄');
    expect(text.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // Cancelling gives focus back to 回覆.
    button(el, '取消').click();
    await waitUntil(() => deepActiveElement() === open(), 'focus not back on 回覆');

    open().click();
    await el.updateComplete;
    const typed = $<HTMLTextAreaElement>(el, '#answer-text');
    typed.value = '  已更正擔任職務，下次提交時送出  ';
    typed.dispatchEvent(new Event('input'));
    const yes = $<HTMLInputElement>(el, '#corrected-yes');
    yes.checked = true;
    yes.dispatchEvent(new Event('change'));
    await el.updateComplete;
    setTimeout(() => $<HTMLFormElement>(el, 'form.answer').requestSubmit());
    const event = await oneEvent(el, 'licheng-receipt-issue-answered');
    expect(event.detail).to.deep.equal({ issueId: 'x1', corrected: true });
    expect(api.callsTo('receipt.issues.answer')[0]!.input).to.deep.equal({ issueId: 'x1', answer: '已更正擔任職務，下次提交時送出', corrected: true });
    await waitUntil(() => deepActiveElement() === button(el, '回覆：101 班 1 號 陳小明（114 學年度第 1 學期收訖明細，課程學習成果）'), 'focus not on the next issue');
    expect($(el, '[role="status"]').textContent).to.equal('已回覆：101 班 2 號 林小華（校內幹部經歷），並標記於下次提交時更正。');
  });

  it('shows the refusal beside the form and lands on the heading when nothing is left', async () => {
    let refuse = true;
    let issues: IssueRow[] = [issue];
    const el = await render({
      'receipt.issues.list': () => issues,
      'receipt.issues.answer': () => {
        if (refuse) throw new FakeApiError('receipt-issue-answered', '此問題已由承辦處室回覆', 400);
        issues = [];
        return { id: 'x1', status: 'answered', answer: '經查無誤', corrected: false, answeredAt: '2025-10-04T00:00:00.000Z', answeredByName: '註冊組長', correctionId: null };
      },
    });
    button(el, '回覆：101 班 2 號 林小華（114 學年度第 1 學期收訖明細，校內幹部經歷）').click();
    await el.updateComplete;
    const text = $<HTMLTextAreaElement>(el, '#answer-text');
    text.value = '經查無誤';
    text.dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, '#corrected-no').click();
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form.answer').requestSubmit();
    await waitUntil(() => deepActiveElement() === $(el, '#answer-error'), 'focus not on the refusal');
    expect($(el, '#answer-error').textContent).to.equal('此問題已由承辦處室回覆');
    refuse = false;
    $<HTMLFormElement>(el, 'form.answer').requestSubmit();
    await waitUntil(() => deepText(el).includes('目前沒有待回覆的問題'));
    await waitUntil(() => deepActiveElement() === $(el, '#issues-heading'), 'focus not on the heading');
    expect($(el, '[role="status"]').textContent).to.equal('已回覆：101 班 2 號 林小華（校內幹部經歷）。');
  });

  it('shows each issue as a card on a 390 px phone, with the answer form inside the screen', async () => {
    const el = await render();
    el.style.width = '390px';
    button(el, '回覆：101 班 2 號 林小華（114 學年度第 1 學期收訖明細，校內幹部經歷）').click();
    await el.updateComplete;
    expect(getComputedStyle($(el, 'tbody tr')).display).to.equal('block');
    // The column names stay for screen readers, out of sight and out of the card's width.
    expect($(el, 'thead tr').getBoundingClientRect().width).to.be.at.most(1);
    expect(el.scrollWidth).to.be.at.most(390);
    for (const control of el.shadowRoot!.querySelectorAll('textarea, button, fieldset')) expect(control.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().left + 390);
    await expect(el).to.be.accessible();
  });

  it('speaks English, with the office names in English', async () => {
    const el = await render({}, { locale: 'en' });
    expect($(el, 'h2').textContent).to.equal('Issues raised by students');
    expect(rows(el)[1]![4]).to.equal('Subject teacher 李老師');
    expect(api.callsTo('receipt.issues.list')[0]!.headers.get('x-licheng-locale')).to.equal('en');
  });
});

describe('<licheng-receipt-issues-reminder>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('shows nothing to a teacher with no routed issue, and the list when one arrives', async () => {
    let issues: IssueRow[] = [];
    api = installFakeApi({ 'receipt.issues.list': () => issues });
    const el = await fixture<ReceiptIssues>(html`<licheng-receipt-issues-reminder .token=${fakeToken()} locale="zh-TW"></licheng-receipt-issues-reminder>`);
    await waitUntil(() => el.issues !== null, 'never loaded');
    await el.updateComplete;
    expect(el.quiet).to.equal(true);
    expect(el.shadowRoot!.querySelector('section')).to.equal(null);
    expect(api.callsTo('receipt.issues.list')[0]!.input).to.deep.equal({ status: 'open', order: 'newest' });

    issues = [toTeacher];
    await el.load();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.equal('待回覆的問題（共 1 個）');
    await expect(el).to.be.accessible();
  });
});
