import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './portfolio-consent.ts';
import type { ConsentState, PortfolioConsent } from './portfolio-consent.component.ts';
import { deepText } from '../testing/fixtures.ts';

function within(target: Element): boolean {
  for (let node: Node | null = deepActiveElement(); node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) if (node === target) return true;
  return false;
}

const given = { id: 'c1', parts: ['outcomes', 'performances'], academicYears: [113, 114], givenAt: '2025-10-01T04:00:00.000Z', withdrawnAt: null, endedBy: null };

function state(over: Partial<ConsentState> = {}): ConsentState {
  return { current: null, history: [], parts: ['course-records', 'outcomes', 'performances'], years: [113, 114], ...over } as ConsentState;
}

describe('<licheng-portfolio-consent>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(initial: ConsentState, handlers: Record<string, (input: unknown) => unknown> = {}, locale = 'zh-TW') {
    let current = initial;
    api = installFakeApi({
      'student.consent.get': () => current,
      'student.consent.give': (input) => {
        const scope = input as { parts: string[]; academicYears: number[] };
        const entry = { id: 'c2', ...scope, givenAt: '2025-10-02T04:00:00.000Z', withdrawnAt: null, endedBy: null };
        current = state({ current: entry as never, history: [entry as never, ...current.history] });
        return entry;
      },
      'student.consent.withdraw': () => {
        const ended = { ...current.current!, withdrawnAt: '2025-10-03T04:00:00.000Z', endedBy: 'withdrawn' };
        current = state({ current: null, history: [ended as never] });
        return ended;
      },
      ...handlers,
    });
    const el = await fixture<PortfolioConsent>(html`<licheng-portfolio-consent .token=${fakeToken()} locale=${locale}></licheng-portfolio-consent>`);
    await waitUntil(() => el.state !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const boxes = (el: PortfolioConsent, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const submit = (el: PortfolioConsent) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;

  it('offers every part and year when none is given, and records the ticked scope, focusing the outcome; accessible', async () => {
    const el = await render(state());
    expect(deepText(el)).to.contain('您尚未同意提供學習歷程');
    expect(boxes(el, 'part').every((b) => b.checked)).to.equal(true);
    await expect(el).to.be.accessible();
    boxes(el, 'part')[0]!.click();
    boxes(el, 'year')[0]!.click();
    await el.updateComplete;
    submit(el).click();
    await waitUntil(() => el.success !== '', 'not saved');
    expect(api.callsTo('student.consent.give')[0]!.input).to.deep.equal({ parts: ['outcomes', 'performances'], academicYears: [114] });
    await waitUntil(() => deepText(el.shadowRoot!.querySelector('#consent-saved')!).includes('已記錄您的同意：課程學習成果、多元表現（114 學年度）'), 'no message');
    await waitUntil(() => within(el.shadowRoot!.querySelector('#consent-saved')!), 'focus not on the outcome');
    expect(deepText(el)).to.contain('您已於 114/10/02 同意提供');
  });

  it('says why the button is disabled before anything is typed when nothing is ticked', async () => {
    const el = await render(state());
    for (const box of boxes(el, 'year')) box.click();
    await el.updateComplete;
    expect(submit(el).disabled).to.equal(true);
    expect(submit(el).getAttribute('aria-describedby')).to.equal('scope-empty');
    expect(deepText(el)).to.contain('請至少選擇一個項目與一個學年度');
    await expect(el).to.be.accessible();
  });

  it('shows the consent in force with its history, withdraws it by keyboard and lists it as withdrawn', async () => {
    const el = await render(state({ current: given as never, history: [given as never] }));
    expect(deepText(el)).to.contain('您已於 114/10/01 同意提供：課程學習成果、多元表現（113 學年度、114 學年度）');
    expect(boxes(el, 'part').map((b) => b.checked)).to.deep.equal([false, true, true]);
    const withdraw = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('撤回同意'))!;
    withdraw.focus();
    withdraw.click();
    await waitUntil(() => el.success === '已撤回您的同意。', 'not withdrawn');
    await waitUntil(() => within(el.shadowRoot!.querySelector('#consent-saved')!), 'focus not on the outcome');
    expect(deepText(el)).to.contain('您已於 114/10/03 撤回同意');
    expect(deepText(el.shadowRoot!.querySelector('.history')!)).to.contain('114/10/03 撤回');
    await expect(el).to.be.accessible();
  });

  it('shows a refusal and focuses it; speaks English', async () => {
    const el = await render(state(), { 'student.consent.give': () => { throw new FakeApiError('consent-year-not-yours', '110 學年度不在您可選擇的範圍內'); } });
    submit(el).click();
    await waitUntil(() => el.failure !== '', 'no failure');
    await waitUntil(() => within(el.shadowRoot!.querySelector('#consent-failure')!), 'focus not on the refusal');
    const en = await render(state(), {}, 'en');
    expect(deepText(en)).to.contain('You have not consented to release your portfolio.');
    expect(deepText(en)).to.contain('Course learning outcomes');
  });
});
