import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './autobiography-checks.ts';
import type { AutobiographyChecks } from './autobiography-checks.component.ts';

const student = { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 };
type Check = { id: string; version: number; decision: string; comment: string | null; decidedByName: string; decidedAt: string; reopenedAt: string | null; reopenReason: string | null; mine: boolean };
const check = (over: Partial<Check>): Check => ({ id: 'c', version: 1, decision: 'returned', comment: '請補充志向', decidedByName: '王老師', decidedAt: '2025-10-02T04:00:00.000Z', reopenedAt: null, reopenReason: null, mine: true, ...over });

describe('<licheng-autobiography-checks>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  function office(mayCheck = true) {
    const state = { status: 'submitted', checks: [check({ id: 'c1' })] };
    const doc = () => ({ id: 'd1', kind: 'autobiography', language: 'zh', status: state.status, latestVersion: 2, submittedVersion: 2, submittedAt: '2025-10-03T04:00:00.000Z' });
    api = installFakeApi({
      'autobiography.checks.queue': () => ({
        checker: 'homeroom-teacher',
        mayCheck,
        classNames: mayCheck ? ['101'] : [],
        items: mayCheck ? [{ ...doc(), student, standing: null }, { ...doc(), id: 'd2', kind: 'study-plan', status: 'passed', student: { ...student, studentNo: 'S002', name: '林小華', seatNo: 2 }, standing: null }] : [],
      }),
      'autobiography.checks.get': () => ({
        document: doc(),
        student: { id: 's1', ...student },
        version: { number: 2, charCount: 20, savedAt: '2025-10-03T04:00:00.000Z', savedByName: '陳小明', restoredFrom: null, text: '我是陳小明。\n將來想讀物理系。', sections: null },
        previous: { version: 1, decision: 'returned', changes: [{ op: 'same', text: '我是陳小明。' }, { op: 'added', text: '將來想讀物理系。' }] },
        checks: state.checks,
      }),
      'autobiography.checks.decide': (input) => {
        const i = input as { decision: string; comment?: string };
        state.status = i.decision === 'pass' ? 'passed' : 'returned';
        state.checks = [check({ id: 'c2', version: 2, decision: state.status, comment: i.comment ?? null }), ...state.checks];
        return { document: doc(), check: state.checks[0] };
      },
      'autobiography.checks.reopen': (input) => {
        state.status = 'submitted';
        state.checks = state.checks.map((c, i) => (i === 0 ? { ...c, reopenedAt: '2025-10-04T04:00:00.000Z', reopenReason: (input as { reason: string }).reason } : c));
        return { document: doc(), check: state.checks[0] };
      },
    });
  }

  async function render() {
    const el = await fixture<AutobiographyChecks>(html`<licheng-autobiography-checks .token=${fakeToken()}></licheng-autobiography-checks>`);
    await waitUntil(() => el.queue !== null, 'never loaded', { timeout: 5000 });
    await el.updateComplete;
    return el;
  }
  const $ = <T extends HTMLElement = HTMLElement>(el: AutobiographyChecks, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  async function open(el: AutobiographyChecks) {
    $<HTMLButtonElement>(el, '#open-d1').click();
    await waitUntil(() => deepActiveElement()?.id === 'reading-heading', 'focus never reached the document');
  }

  it('lists the class’s documents with what waits, and is accessible', async () => {
    office();
    const el = await render();
    expect($(el, 'h2').textContent).to.equal('101 班（待檢核 1 份）');
    expect([...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.querySelectorAll('td')[2]!.textContent!.trim())).to.deep.equal(['已送出檢核', '通過']);
    await expect(el).to.be.accessible();
  });

  it('opens one with what changed since the version checked before, and returns it only with a comment', async () => {
    office();
    const el = await render();
    await open(el);
    expect($(el, '#diff-heading').textContent).to.equal('與第 1 版（退回修改）相比');
    expect($(el, '.diff ins').textContent).to.contain('將來想讀物理系。');
    expect($<HTMLButtonElement>(el, '#return').disabled).to.equal(true);
    expect($(el, '#comment-why').textContent).to.equal('退回修改前請先填寫意見。');
    await expect(el).to.be.accessible();
    const comment = $<HTMLTextAreaElement>(el, '#comment');
    comment.value = '第二段再具體一點';
    comment.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#comment-counter').textContent).to.equal('8 / 200 字');
    $<HTMLButtonElement>(el, '#return').click();
    await waitUntil(() => el.note.text !== '');
    expect(api.callsTo('autobiography.checks.decide')[0]!.input).to.deep.equal({ documentId: 'd1', version: 2, decision: 'return', comment: '第二段再具體一點' });
    expect(el.note.text).to.equal('已退回修改：101 班 1 號 陳小明 的自傳（中文）第 2 版');
    await waitUntil(() => deepActiveElement()?.id === 'checks-note', 'focus never reached the message');
  });

  it('passes, then takes the decision back with a reason', async () => {
    office();
    const el = await render();
    await open(el);
    $<HTMLButtonElement>(el, '#pass').click();
    await waitUntil(() => el.note.text.startsWith('已通過'));
    $<HTMLButtonElement>(el, '#reopen').click();
    await waitUntil(() => deepActiveElement()?.id === 'reopen-reason', 'focus never reached the reason');
    expect($<HTMLButtonElement>(el, '#reopen-confirm').disabled).to.equal(true);
    const reason = $<HTMLTextAreaElement>(el, '#reopen-reason');
    reason.value = '誤按通過';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#reopen-confirm').click();
    await waitUntil(() => el.note.text.startsWith('已撤回'));
    expect(api.callsTo('autobiography.checks.reopen')[0]!.input).to.deep.equal({ documentId: 'd1', reason: '誤按通過' });
    expect($<HTMLButtonElement>(el, '#pass')).to.exist;
    $<HTMLButtonElement>(el, '#back').click();
    await waitUntil(() => deepActiveElement()?.id === 'open-d1', 'focus did not return to the row');
    expect(el.shadowRoot!.querySelector('tbody tr')!.textContent).to.contain('剛完成');
  });

  it('tells a user the school does not name who checks', async () => {
    office(false);
    const el = await render();
    expect($(el, '#not-checker').textContent).to.equal('本校由導師檢核自傳與學習計畫，您的帳號不需檢核。');
    await expect(el).to.be.accessible();
  });
});
