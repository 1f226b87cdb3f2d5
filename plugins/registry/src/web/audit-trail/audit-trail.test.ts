import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi, type FakeHandler } from '@licheng/client/testing';
import { deepActiveElement, type DateField } from '@licheng/ui';
import './audit-trail.ts';
import type { AuditTrail } from './audit-trail.component.ts';
import { auditEntries, auditPage, importEntry, olderEntries } from '../testing/audit-entries.ts';
import { deepText } from '../testing/fixtures.ts';

const LIST = 'registry.audit.list';
const $ = <T extends Element = HTMLElement>(el: AuditTrail, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: AuditTrail, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

describe('<licheng-audit-trail>', () => {
  let api: FakeApi;
  afterEach(async () => {
    api?.restore();
    await setViewport({ width: 1280, height: 800 });
  });

  async function render(handlers: Record<string, FakeHandler> = {}, locale = 'zh-TW') {
    // The server words entries in the language the request names, as registry.audit.list does.
    api = installFakeApi({ [LIST]: (_input, call) => auditPage(undefined, null, call.headers.get('x-licheng-locale') === 'en' ? 'en' : 'zh-TW'), ...handlers });
    const el = await fixture<AuditTrail>(html`<licheng-audit-trail .token=${fakeToken()} locale=${locale}></licheng-audit-trail>`);
    await waitUntil(() => el.entries !== null || el.failure !== '', 'the trail never loaded');
    await el.updateComplete;
    return el;
  }
  const type = (el: AuditTrail, id: string, value: string) => {
    const input = $<HTMLInputElement>(el, `#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  /** Types into a 民國 date field with the keyboard and leaves it with Tab. */
  const typeDate = async (el: AuditTrail, id: string, value: string) => {
    const field = $<DateField>(el, `#${id}`);
    field.focus();
    field.shadowRoot!.querySelector('input')!.select();
    await sendKeys({ type: value });
    await sendKeys({ press: 'Tab' });
    await field.updateComplete;
    return field;
  };
  const lastInput = () => api.callsTo(LIST).at(-1)!.input as Record<string, unknown>;

  it('shows the newest entries with ROC times, who, what and the changed fields before and after, and is accessible', async () => {
    const el = await render();
    expect(api.callsTo(LIST)[0]!.input).to.deep.equal({ limit: 20 });
    const entries = $$(el, 'li.entry');
    expect(entries).to.have.length(4);
    const decision = entries[0]!;
    expect(decision.querySelector('time')!.textContent).to.equal('115/11/27 11:05:09');
    expect(decision.querySelector('h3')!.textContent).to.contain('課程學習成果 認證未通過');
    expect(decision.textContent).to.contain('王老師（任課教師）');
    expect(decision.querySelector('.student')!.textContent).to.equal('1130001 陳小明（101）');
    const rows = [...decision.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal([
      ['狀態', '認證中', '未通過'],
      ['未通過原因', '—', '非本課程之作品'],
      ['認證者', '—', '王老師'],
      ['版本', '1', '2'],
    ]);
    // A read shows what was read; a course's teachers before and after, as lists.
    expect(entries[1]!.querySelector('thead')!.textContent).to.contain('內容');
    expect(entries[1]!.textContent).to.contain('紅樓夢報告.pdf');
    expect([...entries[3]!.querySelectorAll('tbody td')].map((c) => c.textContent)).to.deep.equal(['T001', 'T001、T002']);
    expect($(el, '#audit-result').textContent).to.equal('顯示 4 筆紀錄，由新到舊');
    await expect(el).to.be.accessible();
  });

  it('filters by student, user, record, action and 民國 dates, then puts focus on the result', async () => {
    const el = await render();
    type(el, 'student', ' 1130001 ');
    type(el, 'user', '王');
    const entity = $<HTMLSelectElement>(el, '#entity');
    entity.value = 'record';
    entity.dispatchEvent(new Event('change'));
    type(el, 'entityId', '019ac590-1111-7000-8000-00000000a001');
    type(el, 'action', 'certify');
    expect(el.shadowRoot!.querySelector('input[type="date"]')).to.equal(null);
    expect((await typeDate(el, 'from', '1151127')).shadowRoot!.querySelector('input')!.value).to.equal('115/11/27');
    await typeDate(el, 'to', '民國115年11月28日');
    api.restore();
    api = installFakeApi({ [LIST]: () => auditPage(auditEntries.slice(0, 1)) });
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitUntil(() => el.entries?.length === 1);
    expect(lastInput()).to.deep.equal({ student: '1130001', user: '王', entity: 'record', entityId: '019ac590-1111-7000-8000-00000000a001', action: 'certify', from: '2026-11-27', to: '2026-11-28', limit: 20 });
    await el.updateComplete;
    await waitUntil(() => deepActiveElement() === $(el, '#audit-result'), 'focus did not land on the result');
    expect($(el, '#audit-result').textContent).to.equal('顯示 1 筆紀錄，由新到舊');
  });

  it('is used with the keyboard: type a 學號, press Enter, and focus is on the result', async () => {
    const el = await render();
    $<HTMLInputElement>(el, '#student').focus();
    await sendKeys({ type: '1130001' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.callsTo(LIST).length === 2);
    expect(lastInput()).to.deep.equal({ student: '1130001', limit: 20 });
    await waitUntil(() => deepActiveElement() === $(el, '#audit-result'), 'focus did not land on the result');
    // Tab order follows the form: student, user, entity, …, then the buttons.
    $<HTMLInputElement>(el, '#student').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(el, '#user'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(el, '#entity'));
  });

  it('refuses a date it cannot read, says why at the field, focuses it and asks nothing', async () => {
    const el = await render();
    const from = $<DateField>(el, '#from');
    from.focus();
    await sendKeys({ type: '115/02/30' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === from.shadowRoot!.querySelector('input'), 'focus did not land on the date');
    expect(from.shadowRoot!.querySelector('#error')!.textContent).to.equal('「115/02/30」不是實際存在的日期，請檢查月份與日數');
    expect(from.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    expect(api.callsTo(LIST)).to.have.length(1);
    await typeDate(el, 'from', '115/11/28');
    const to = await typeDate(el, 'to', '115/11/27');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    await to.updateComplete;
    await waitUntil(() => deepActiveElement() === to.shadowRoot!.querySelector('input'), 'focus did not land on the end date');
    expect(to.shadowRoot!.querySelector('#error')!.textContent).to.equal('起日不可晚於迄日');
    expect(api.callsTo(LIST)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('loads older entries after the last one (keyset) and focuses the first of them', async () => {
    const next = { at: auditEntries.at(-1)!.at, id: auditEntries.at(-1)!.id };
    const el = await render({ [LIST]: (input) => ((input as { cursor?: unknown })?.cursor ? auditPage(olderEntries(3)) : auditPage(auditEntries, next)) });
    expect($(el, '#audit-result').textContent).to.contain('還有更早的紀錄');
    const more = $$<HTMLButtonElement>(el, '.results > .actions button')[0]!;
    more.click();
    await waitUntil(() => el.entries?.length === 7);
    expect(lastInput()).to.deep.equal({ cursor: next, limit: 20 });
    await waitUntil(() => deepActiveElement() === $$(el, 'li.entry')[4]);
    expect($$(el, '.results > .actions button')).to.have.length(0);
  });

  it('lists everything an import changed from the import’s entry, and back to all', async () => {
    const el = await render();
    const importItem = $$(el, 'li.entry')[2]!;
    const show = [...importItem.querySelectorAll('button')].find((b) => b.textContent!.includes('列出此次作業的所有變更'))!;
    show.click();
    await waitUntil(() => api.callsTo(LIST).length === 2);
    expect(lastInput()).to.deep.equal({ parentId: importEntry.id, limit: 20 });
    await el.updateComplete;
    expect(deepText(el)).to.contain(`只顯示一次作業（${importEntry.id}）的紀錄。`);
    // From a row of the import, back to its import.
    const row = $$(el, 'li.entry')[3]!;
    [...row.querySelectorAll('button')].find((b) => b.textContent!.includes('查看所屬的匯入作業'))!.click();
    await waitUntil(() => api.callsTo(LIST).length === 3);
    expect(lastInput()).to.deep.equal({ parentId: importEntry.id, limit: 20 });
  });

  it('exports the filtered entries to Excel with the token, and shows a refusal past the cap', async () => {
    const path = '/api/registry/audit.xlsx?student=1130001';
    const el = await render({
      [`GET ${path}`]: () => new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      'GET /api/registry/audit.xlsx': () => {
        throw new FakeApiError('audit-export-too-large', '符合條件的稽核紀錄有 25000 筆，超過匯出上限 20000 筆；請縮小日期範圍或加上其他條件後再匯出', 400);
      },
    });
    const exportButton = () => $$<HTMLButtonElement>(el, 'form .actions button').find((b) => b.textContent!.includes('匯出'))!;
    exportButton().click();
    await waitUntil(() => el.failure !== '');
    expect(el.failure).to.contain('超過匯出上限 20000 筆');
    type(el, 'student', '1130001');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitUntil(() => api.callsTo(LIST).length === 2);
    await el.updateComplete;
    exportButton().click();
    await waitUntil(() => el.exported !== '');
    const download = api.callsTo(path);
    expect(download).to.have.length(1);
    expect(download[0]!.headers.get('authorization')).to.match(/^Bearer /);
    expect(el.failure).to.equal('');
  });

  it('fits a 390 px wide phone without sideways scrolling of the page', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await render();
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    for (const entry of $$(el, 'li.entry')) expect(entry.getBoundingClientRect().right).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });

  it('keeps every filter and entry inside the page at 200 % zoom (640 CSS px of a 1280 px window)', async () => {
    await setViewport({ width: 640, height: 450 });
    const el = await render();
    expect(document.documentElement.scrollWidth).to.be.at.most(640);
    for (const control of $$(el, '.filters input, .filters select, li.entry')) expect(control.getBoundingClientRect().right).to.be.at.most(640);
  });

  it('speaks English too, with ISO dates', async () => {
    const el = await render({}, 'en');
    expect($(el, 'h2').textContent).to.equal('Audit trail');
    expect($$(el, 'li.entry')[0]!.querySelector('time')!.textContent).to.equal('2026-11-27 11:05:09');
    expect($$(el, 'li.entry')[0]!.querySelector('h3')!.textContent).to.contain('Course learning outcome Certified: failed');
    const from = await typeDate(el, 'from', '115/11/27');
    expect(from.shadowRoot!.querySelector('input')!.value).to.equal('2026-11-27');
    expect(from.shadowRoot!.querySelector('#reading')!.textContent).to.equal('ROC date 115/11/27');
    await expect(el).to.be.accessible();
  });
});
