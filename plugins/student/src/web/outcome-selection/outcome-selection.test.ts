import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './outcome-selection.ts';
import type { OutcomeSelection } from './outcome-selection.component.ts';
import { me, outcome, selection, deepText } from '../testing/fixtures.ts';

const passed = (id: string, subject: string) =>
  outcome({ id, status: 'passed', course: { id: `c-${id}`, code: '108999901H11A0101010001', subjectName: subject, credits: 2, gradeLevel: 1 } });

describe('<licheng-outcome-selection>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(state: 'open' | 'closed' = 'open', cap = 6, chosen: string[] = ['p1']) {
    api = installFakeApi({
      'platform.me': () => me(),
      'student.outcomes.list': () => [passed('p1', '國語文'), passed('p2', '英語文'), passed('p3', '數學'), outcome({ id: 'pending1', status: 'pending' })],
      'student.selections.get': (input) => selection({ academicYear: (input as { academicYear: number }).academicYear, recordIds: chosen, cap, window: { start: '2026-06-01', end: '2026-07-31', state } }),
      'student.selections.save': (input) => ({ ...(input as object), cap }),
    });
    const el = await fixture<OutcomeSelection>(html`<licheng-outcome-selection .token=${fakeToken()} locale="zh-TW"></licheng-outcome-selection>`);
    await waitUntil(() => el.selection !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }

  const boxes = (el: OutcomeSelection) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const count = (el: OutcomeSelection) => el.shadowRoot!.querySelector('.count')!.textContent;

  it('lists only passed outcomes of the current year with the cap count, and is accessible', async () => {
    const el = await render();
    expect(api.callsTo('student.selections.get')[0]!.input).to.deep.equal({ academicYear: 114 });
    expect(boxes(el)).to.have.length(3);
    expect(count(el)).to.equal('已勾選 1 / 6');
    expect(boxes(el)[0]!.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('updates the count as items are ticked and saves the chosen ids', async () => {
    const el = await render();
    boxes(el)[1]!.click();
    await el.updateComplete;
    expect(count(el)).to.equal('已勾選 2 / 6');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.success !== '', 'not saved');
    expect(api.callsTo('student.selections.save')[0]!.input).to.deep.equal({ academicYear: 114, recordIds: ['p1', 'p2'] });
    await el.updateComplete;
    expect(deepText(el)).to.contain('已儲存勾選：2 件。');
  });

  it('at the cap, disables the unticked items and says why', async () => {
    const el = await render('open', 2, ['p1', 'p2']);
    expect(count(el)).to.equal('已勾選 2 / 2');
    const [a, b, c] = boxes(el);
    expect(a!.disabled || b!.disabled).to.equal(false);
    expect(c!.disabled).to.equal(true);
    expect(deepText(el)).to.contain('已達勾選上限');
    await expect(el).to.be.accessible();
  });

  it('outside the window, shows the window state and allows no change', async () => {
    const el = await render('closed');
    expect(boxes(el).every((b) => b.disabled)).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('licheng-window-banner')!.getAttribute('state')).to.equal('closed');
    // Who sets the window, tied to the disabled button.
    expect(el.shadowRoot!.querySelector('#window-shut')!.textContent).to.contain('學習歷程工作小組');
    expect(el.shadowRoot!.querySelector('button[type="submit"]')!.getAttribute('aria-describedby')).to.equal('window-shut');
    await expect(el).to.be.accessible();
  });
});
