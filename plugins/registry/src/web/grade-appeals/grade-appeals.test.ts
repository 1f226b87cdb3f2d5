import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './grade-appeals.ts';
import type { GradeAppeals } from './grade-appeals.component.ts';

const CODE = '108123456E22L0101020005';
const appeal = { id: 'a1', text: '期末考分數登錄錯誤', status: 'open', answer: null, raisedAt: '', answeredAt: null, student: { studentNo: 'S001', name: '陳小明', className: '101' }, grade: { id: 'g1', academicYear: 114, semester: 1, take: 'term', courseCode: CODE, score: '58' } };

describe('<licheng-grade-appeals>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  function setup() {
    let open = [appeal];
    api = installFakeApi({
      'platform.me': () => ({ term: { academicYear: 114, semester: 1 } }),
      'registry.appeals.list': () => open,
      'registry.appeals.answer': () => ((open = []), { id: 'a1', status: 'answered', answer: '已更正', answeredAt: '' }),
      'registry.corrections.preview': (input) => {
        const p = input as { from: string; to: string; field: string };
        return { field: p.field, from: p.from, to: p.to, grades: [{ gradeId: 'g1', take: 'term', studentNo: 'S002', name: '林小華', className: '101', seatNo: 2 }, { gradeId: 'g2', take: 'term', studentNo: 'S003', name: '張小英', className: '101', seatNo: 3 }] };
      },
      'registry.corrections.commit': (input) => {
        const p = input as { from: string; to: string; field: string; gradeIds: string[] };
        return { corrected: p.gradeIds.length, field: p.field, from: p.from, to: p.to };
      },
    });
  }

  it('answers an appeal in place; accessible', async () => {
    setup();
    const el = await fixture<GradeAppeals>(html`<licheng-grade-appeals .token=${fakeToken()} locale="zh-TW"></licheng-grade-appeals>`);
    await waitUntil(() => el.appeals !== null);
    const root = el.shadowRoot!;
    await expect(el).to.be.accessible();
    const answer = root.querySelector<HTMLTextAreaElement>('#answer-a1')!;
    answer.value = '已更正';
    answer.dispatchEvent(new Event('input'));
    answer.closest('form')!.requestSubmit();
    await waitUntil(() => el.message !== '');
    await waitUntil(() => deepActiveElement()?.id === 'appeals-message');
    expect(root.querySelector('#appeals-message')!.textContent).to.equal('已回覆 陳小明 的複查申請。');
    expect(api.callsTo('registry.appeals.answer')[0]!.input).to.deep.equal({ appealId: 'a1', answer: '已更正' });
  });

  it('previews a pattern correction, applies it to all, and offers the way back', async () => {
    setup();
    const el = await fixture<GradeAppeals>(html`<licheng-grade-appeals .token=${fakeToken()} locale="zh-TW"></licheng-grade-appeals>`);
    await waitUntil(() => el.appeals !== null);
    const root = el.shadowRoot!;
    const type = (id: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(id)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('#correct-course', CODE);
    type('#correct-from', '58');
    type('#correct-to', '62');
    root.querySelector<HTMLFormElement>('#correct-course')!.closest('form')!.requestSubmit();
    await waitUntil(() => el.preview !== null);
    await waitUntil(() => deepActiveElement()?.id === 'preview-count');
    expect(root.querySelector('#preview-count')!.textContent).to.equal('將更正 2 位學生的學期學業成績：58 → 62。');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => el.done !== null);
    await waitUntil(() => deepActiveElement()?.id === 'correct-done');
    expect(api.callsTo('registry.corrections.commit')[0]!.input).to.deep.include({ gradeIds: ['g1', 'g2'], from: '58', to: '62' });
    [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('復原'))!.click();
    await waitUntil(() => el.preview !== null);
    expect(el.pattern).to.deep.include({ from: '62', to: '58' });
  });
});
