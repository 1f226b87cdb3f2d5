import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './performance-selection.ts';
import type { PerformanceSelection } from './performance-selection.component.ts';
import { deepText, me, performanceSelection } from '../testing/fixtures.ts';
import { repeatedControlNames } from '../testing/accessible-names.ts';

/** Whether the focused element is `target` or inside it, across shadow roots. */
function within(target: Element): boolean {
  for (let node: Node | null = deepActiveElement(); node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) if (node === target) return true;
  return false;
}

describe('<licheng-performance-selection>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(over: Parameters<typeof performanceSelection>[0] = {}, save: (input: unknown) => unknown = (input) => ({ ...(input as object), cap: 10 })) {
    api = installFakeApi({
      'platform.me': () => me(),
      'student.performances.selection.get': () => performanceSelection(over),
      'student.performances.selection.save': save,
    });
    const el = await fixture<PerformanceSelection>(html`<licheng-performance-selection .token=${fakeToken()} locale="zh-TW"></licheng-performance-selection>`);
    await waitUntil(() => el.selection !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }

  const boxes = (el: PerformanceSelection) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const count = (el: PerformanceSelection) => el.shadowRoot!.querySelector('.count')!.textContent!.trim();

  it('counts what is selected against the cap and shows the school’s registered records beside it, not counting; accessible', async () => {
    const el = await render();
    expect(api.callsTo('student.performances.selection.get')[0]!.input).to.deep.equal({ academicYear: 114 });
    expect(boxes(el)).to.have.length(3);
    expect(count(el)).to.equal('已勾選 1／10，另有 2 項學校登錄不計入');
    const registered = el.shadowRoot!.querySelector('.registered')!.textContent!;
    expect(registered).to.contain('校內幹部經歷');
    expect(registered).to.contain('不計入');
    expect(el.shadowRoot!.querySelectorAll('.registered input')).to.have.length(0);
    await expect(el).to.be.accessible();
    expect(await repeatedControlNames()).to.deep.equal([]);
  });

  it('updates the count as items are ticked, saves the ids and focuses the outcome', async () => {
    const el = await render();
    boxes(el)[1]!.click();
    await el.updateComplete;
    expect(count(el)).to.equal('已勾選 2／10，另有 2 項學校登錄不計入');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.success !== '', 'not saved');
    expect(api.callsTo('student.performances.selection.save')[0]!.input).to.deep.equal({ academicYear: 114, recordIds: ['p1', 'p2'] });
    await waitUntil(() => deepText(el.shadowRoot!.querySelector('#selection-saved')!).includes('已儲存多元表現勾選：2 項。'), 'no message');
    await waitUntil(() => within(el.shadowRoot!.querySelector('#selection-saved')!), 'focus not on the outcome');
  });

  it('disables the others when the cap is reached, saying why', async () => {
    const el = await render({ cap: 2, recordIds: ['p1', 'p2'] });
    expect(count(el)).to.equal('已勾選 2／2，另有 2 項學校登錄不計入');
    expect(boxes(el)[2]!.disabled).to.equal(true);
    expect(boxes(el)[2]!.getAttribute('aria-describedby')).to.equal('cap-note');
    expect(deepText(el)).to.contain('已達勾選上限');
  });

  it('is disabled with the reason outside the window', async () => {
    const el = await render({ window: { start: '2026-06-01', end: '2026-07-31', state: 'not-yet' }, registered: [] });
    expect(count(el)).to.equal('已勾選 1／10');
    expect(boxes(el).every((b) => b.disabled)).to.equal(true);
    expect(deepText(el)).to.contain('目前不在多元表現勾選期間');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a refusal and focuses it', async () => {
    const el = await render({}, () => {
      throw new FakeApiError('selection-cap-reached', '本學年度勾選數量已達上限（10 件）');
    });
    boxes(el)[1]!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.failure !== '', 'no failure');
    expect(deepText(el)).to.contain('本學年度勾選數量已達上限');
    await waitUntil(() => within(el.shadowRoot!.querySelector('#selection-failure')!), 'focus not on the refusal');
  });
});
