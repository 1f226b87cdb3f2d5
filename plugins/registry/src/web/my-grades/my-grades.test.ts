import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './my-grades.ts';
import type { MyGrades } from './my-grades.component.ts';

const grade = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  academicYear: 114,
  semester: 1,
  take: 'term',
  courseCode: '108123456E22L0101020005',
  score: '58',
  passed: 0,
  makeUpScore: '-1',
  makeUpPassed: -1,
  creditCounted: 1,
  description: '',
  context: {},
  subjectName: '國語文',
  credits: 4,
  appeals: [] as unknown[],
  ...over,
});

function mine(state: string, appeals: unknown[] = []) {
  return { window: { state, start: '2025-09-20', end: '2025-10-10' }, grades: [grade('g1', { appeals }), grade('g2', { take: 'make-up', subjectName: '物理', score: '70', passed: 1 })] };
}

describe('<licheng-my-grades>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('lists grades with credits, sends an appeal and lands focus on what was sent; accessible', async () => {
    let appeals: unknown[] = [];
    api = installFakeApi({
      'registry.grades.mine': () => mine('open', appeals),
      'registry.appeals.raise': (input) => {
        appeals = [{ id: 'a1', text: (input as { text: string }).text, status: 'open', answer: null, raisedAt: '', answeredAt: null }];
        return { id: 'a1', gradeId: 'g1' };
      },
    });
    const el = await fixture<MyGrades>(html`<licheng-my-grades .token=${fakeToken()} locale="zh-TW"></licheng-my-grades>`);
    await waitUntil(() => el.data !== null);
    const root = el.shadowRoot!;
    expect(root.querySelector('#window-text')!.textContent).to.contain('114/10/10');
    expect(root.querySelectorAll('tbody tr')).to.have.length(2);
    await expect(el).to.be.accessible();

    root.querySelector<HTMLButtonElement>('#appeal-g1')!.click();
    await el.updateComplete;
    const form = root.querySelector('form')!;
    form.requestSubmit();
    await waitUntil(() => el.error !== '');
    expect(root.querySelector('#appeal-error')!.textContent).to.equal('請填寫複查內容（200 字以內）。');
    const text = root.querySelector<HTMLTextAreaElement>('#appeal-text')!;
    text.value = '期末考分數登錄錯誤';
    text.dispatchEvent(new Event('input'));
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.sent !== '');
    await waitUntil(() => deepActiveElement()?.id === 'mine-sent');
    expect(api.callsTo('registry.appeals.raise')[0]!.input).to.deep.equal({ gradeId: 'g1', text: '期末考分數登錄錯誤' });
    expect(root.querySelector('tbody tr')!.textContent).to.contain('複查中：期末考分數登錄錯誤');
    await expect(el).to.be.accessible();
  });

  it('disables appeals outside the window and says why first, in English too', async () => {
    api = installFakeApi({ 'registry.grades.mine': () => mine('closed') });
    const el = await fixture<MyGrades>(html`<licheng-my-grades .token=${fakeToken()} locale="en"></licheng-my-grades>`);
    await waitUntil(() => el.data !== null);
    const root = el.shadowRoot!;
    expect(root.querySelector('#window-text')!.textContent).to.equal('The grade check closed on 2025-10-10; no more appeals can be raised.');
    const button = root.querySelector<HTMLButtonElement>('#appeal-g1')!;
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-describedby')).to.equal('window-text');
    await expect(el).to.be.accessible();
  });
});
