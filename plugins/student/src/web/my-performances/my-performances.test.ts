import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './my-performances.ts';
import type { MyPerformances } from './my-performances.component.ts';
import { deepText, performance, performanceKinds } from '../testing/fixtures.ts';
import { repeatedControlNames } from '../testing/accessible-names.ts';

/** Whether the focused element is `target` or inside it, across shadow roots. */
function within(target: Element): boolean {
  for (let node: Node | null = deepActiveElement(); node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) if (node === target) return true;
  return false;
}

describe('<licheng-my-performances>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(over: Parameters<typeof performanceKinds>[0] = {}, handlers: Record<string, (input: unknown) => unknown> = {}, locale: 'zh-TW' | 'en' = 'zh-TW') {
    let rows = [performance({ id: 'p1' }), performance({ id: 'p2', kind: 'performance-certificate', summary: '全民英檢中級', data: {}, enteredByMe: false, enteredRole: 'practicum-staff', correctable: 'no', withdrawable: false, videoUrl: null, documentFileId: null })];
    api = installFakeApi({
      'student.performances.kinds': () => performanceKinds(over),
      'student.performances.list': () => ({ rows, total: rows.length, page: 1, pageSize: 200 }),
      'student.performances.upload': () => {
        rows = [...rows, performance({ id: 'p3', summary: '新的作品' })];
        return { id: 'p3', status: 'passed', version: 1 };
      },
      ...handlers,
    });
    const el = await fixture<MyPerformances>(html`<licheng-my-performances .token=${fakeToken()} locale=${locale}></licheng-my-performances>`);
    await waitUntil(() => el.rows !== null && el.info !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }

  const form = (el: MyPerformances) => el.shadowRoot!.querySelector('licheng-record-form')!;
  const inForm = <T extends Element>(el: MyPerformances, selector: string) => form(el).shadowRoot!.querySelector<T>(selector)!;

  it('lists what the student entered by type with its files and link, offers all ten types, and is accessible with unique names', async () => {
    const el = await render();
    expect(el.shadowRoot!.querySelectorAll('#kind option')).to.have.length(10);
    const text = deepText(el);
    expect(text).to.contain('114 學年度已上傳 1 項');
    expect(text).to.contain('校刊封面設計');
    expect(text).to.contain('全民英檢中級');
    const list = el.shadowRoot!.querySelector('licheng-record-list')!;
    const link = list.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="https://video.example/1"]')!;
    expect(link.getAttribute('aria-label')).to.contain('影音連結');
    // The certificate the office entered offers no 更正 or 撤銷.
    const buttons = [...list.shadowRoot!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(buttons.filter((b) => b?.includes('全民英檢'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
    expect(await repeatedControlNames()).to.deep.equal([]);
  });

  it('draws the chosen type’s national fields and sends them with the summary, link and files, then focuses the new row', async () => {
    const el = await render();
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#kind')!;
    select.value = 'performance-work';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await form(el).updateComplete;
    const name = inForm<HTMLInputElement>(el, 'input[data-key="name"]');
    name.value = '校刊封面';
    name.dispatchEvent(new Event('input'));
    const date = inForm<HTMLElement & { value: string }>(el, 'licheng-date-field[data-key="date"]');
    date.dispatchEvent(new CustomEvent('licheng-date-change', { detail: { value: '2025-09-20' } }));
    const summary = inForm<HTMLTextAreaElement>(el, 'textarea[data-key="_summary"]');
    summary.value = '新的作品';
    summary.dispatchEvent(new Event('input'));
    const link = inForm<HTMLInputElement>(el, 'input[data-key="_videoLink"]');
    link.value = 'https://video.example/9';
    link.dispatchEvent(new Event('input'));
    await form(el).updateComplete;
    expect(await form(el).submit()).to.equal(true);
    await waitUntil(() => api.callsTo('student.performances.upload').length === 1, 'never sent');
    const sent = api.callsTo('student.performances.upload')[0]!.input as FormData;
    expect(sent.get('kind')).to.equal('performance-work');
    expect(JSON.parse(sent.get('data') as string)).to.deep.equal({ name: '校刊封面', date: '2025-09-20' });
    expect(sent.get('videoUrl')).to.equal('https://video.example/9');
    expect(sent.get('summary')).to.equal('新的作品');
    await waitUntil(() => deepActiveElement()?.getAttribute('data-id') === 'p3', 'focus never reached the new row');
    expect(deepText(el)).to.contain('已新增作品成果：新的作品');
  });

  it('is disabled with the reason before typing when the window is shut, and when the yearly cap is reached', async () => {
    const shut = await render({ window: { start: '2026-02-01', end: '2026-03-01', state: 'not-yet' } });
    expect(deepText(form(shut))).to.contain('多元表現上傳目前未開放');
    expect(inForm<HTMLTextAreaElement>(shut, 'textarea[data-key="_summary"]').disabled).to.equal(true);
    await expect(shut).to.be.accessible();
    api.restore();
    const full = await render({ upload: { cap: 10, used: 10 } });
    expect(deepText(full)).to.contain('114 學年度已上傳 10／10 項');
    expect(deepText(form(full))).to.contain('達到學校的上限');
    expect(inForm<HTMLInputElement>(full, 'input[data-key="_videoLink"]').disabled).to.equal(true);
  });

  it('says why an upload was refused and focuses the message', async () => {
    const el = await render({}, { 'student.performances.upload': () => { throw new FakeApiError('upload-cap-reached', '上傳數量已達上限（10 件）'); } });
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#kind')!;
    select.value = 'performance-work';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await form(el).updateComplete;
    for (const [key, value] of [['name', '作品'], ['_summary', '說明']] as const) {
      const input = inForm<HTMLInputElement>(el, `[data-key="${key}"]`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    inForm<HTMLElement>(el, 'licheng-date-field[data-key="date"]').dispatchEvent(new CustomEvent('licheng-date-change', { detail: { value: '2025-09-20' } }));
    await form(el).updateComplete;
    await form(el).submit();
    await waitUntil(() => within(el.shadowRoot!.querySelector('#perf-note')!), 'focus never reached the message');
    expect(deepText(el)).to.contain('上傳數量已達上限');
  });

  it('reads in English', async () => {
    const el = await render({}, {}, 'en');
    expect(deepText(el)).to.contain('My diverse performances');
    await expect(el).to.be.accessible();
  });
});
