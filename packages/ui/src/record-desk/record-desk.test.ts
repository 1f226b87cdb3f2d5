import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './record-desk.ts';
import type { RecordDesk } from './record-desk.component.ts';
import type { RecordForm } from '../record-form/record-form.component.ts';
import type { RecordList } from '../record-list/record-list.component.ts';
import type { Dialog } from '../dialog/dialog.component.ts';
import type { RecordKindScreen } from '../record-fields/record-fields.ts';
import { deepActiveElement } from '../base/licheng-element.ts';
import { competitionKind, competitionRows, serviceKind } from '../testing/record-kinds.ts';
import { memoryRecordSource } from '../testing/record-source.ts';

const $ = <E extends Element = HTMLElement>(root: Element, selector: string) => root.shadowRoot!.querySelector<E>(selector)!;

async function settle(el: RecordDesk) {
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
  }
}

async function desk(kinds: RecordKindScreen[] = [competitionKind, serviceKind]) {
  const host = memoryRecordSource(competitionRows);
  const el = await fixture<RecordDesk>(html`<licheng-record-desk locale="zh-TW" heading="學務處 訓育組" default-year="114" default-semester="1" .kinds=${kinds} .source=${host.source}></licheng-record-desk>`);
  await settle(el);
  return { el, ...host };
}

describe('<licheng-record-desk>', () => {
  beforeEach(() => setViewport({ width: 1280, height: 900 }));

  it('shows a tab per kind and the kind’s list; arrow keys move between tabs', async () => {
    const { el, calls } = await desk();
    expect($(el, 'h1').textContent).to.equal('學務處 訓育組');
    const tabs = Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]'));
    expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['競賽參與紀錄', '服務學習紀錄']);
    expect($<RecordList>(el, 'licheng-record-list').records).to.have.length(3);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.kind).to.equal('service-hours');
    expect(deepActiveElement()?.id).to.equal('tab-service-hours');
    expect(calls).to.deep.equal(['list competition', 'list service-hours']);
    expect($(el, 'licheng-record-list').shadowRoot!.querySelector('#empty')!.textContent).to.contain('新增第一筆紀錄');
    await expect(el).to.be.accessible();
  });

  it('says which kind it shows: licheng-kind-changed (bubbling, composed) on the first kind and on every change', async () => {
    const host = memoryRecordSource(competitionRows);
    const heard: string[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @licheng-kind-changed=${(e: CustomEvent<{ kind: string }>) => heard.push(e.detail.kind)}></div>`);
    const shadow = wrapper.attachShadow({ mode: 'open' });
    const el = document.createElement('licheng-record-desk') as RecordDesk;
    el.kinds = [competitionKind, serviceKind];
    el.source = host.source;
    shadow.append(el);
    await settle(el);
    expect(heard).to.deep.equal(['competition']);
    $<HTMLElement>(el, '#tab-service-hours').click();
    await settle(el);
    $<HTMLElement>(el, '#tab-service-hours').click();
    await settle(el);
    expect(heard).to.deep.equal(['competition', 'service-hours']);
  });

  it('offers a select instead of tabs when there are many kinds', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...serviceKind, id: `k${i}`, label: { 'zh-TW': `種類${i}`, en: `Kind ${i}` } }));
    const { el } = await desk(many);
    expect(el.shadowRoot!.querySelector('[role="tablist"]')).to.equal(null);
    expect($<HTMLSelectElement>(el, '#kind-select').options).to.have.length(7);
    await expect(el).to.be.accessible();
  });

  it('adds a record by keyboard and lands on the new, marked row', async () => {
    const { el, calls } = await desk();
    const add = $<HTMLButtonElement>(el, '.desk-actions button');
    add.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(add.getAttribute('aria-expanded')).to.equal('true');
    const form = $<RecordForm>(el, 'licheng-record-form');
    // Focus went to the form's first field (學號).
    expect(deepActiveElement()).to.equal($(form, '#_studentNo'));
    await sendKeys({ type: '110002' });
    $(form, '#name').focus();
    await sendKeys({ type: '縣長盃桌球賽' });
    $(form, '#level').focus();
    await sendKeys({ press: 'ArrowRight' });
    $(form, '#team').focus();
    await sendKeys({ press: 'Space' });
    $(form, 'licheng-date-field').focus();
    await sendKeys({ type: '114/12/01' });
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'licheng-record-changed');
    await settle(el);
    expect(calls).to.include('enter competition');
    const row = deepActiveElement() as HTMLElement;
    expect(row.tagName).to.equal('TR');
    expect(row.textContent).to.contain('縣長盃桌球賽');
    expect(row.textContent).to.contain('剛新增');
    expect((($(el, '#desk-note') as unknown) as { message: string }).message).to.equal('已新增競賽參與紀錄：林美華 縣長盃桌球賽。');
    await expect(el).to.be.accessible();
  });

  it('shows a refusal from the server and focuses it', async () => {
    const { el } = await desk();
    $<HTMLButtonElement>(el, '.desk-actions button').click();
    await settle(el);
    const form = $<RecordForm>(el, 'licheng-record-form');
    form.shadowRoot!.querySelector<HTMLInputElement>('#_studentNo')!.focus();
    await sendKeys({ type: '999999' });
    form.shadowRoot!.querySelector<HTMLInputElement>('#name')!.focus();
    await sendKeys({ type: '科展' });
    form.shadowRoot!.querySelector<HTMLInputElement>('#level')!.click();
    form.shadowRoot!.querySelector<HTMLInputElement>('#team')!.click();
    form.shadowRoot!.querySelector<HTMLElement>('licheng-date-field')!.focus();
    await sendKeys({ type: '1141201' });
    await form.submit();
    await settle(el);
    const note = $(el, '#desk-note');
    expect(deepActiveElement()).to.equal(note);
    expect(note.getAttribute('variant')).to.equal('error');
    expect((note as unknown as { message: string }).message).to.equal('沒有完成：找不到學號 999999 的學生');
  });

  it('corrects a record from its row and lands on the row marked 剛更正', async () => {
    const { el, calls } = await desk();
    const list = $<RecordList>(el, 'licheng-record-list');
    list.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-id="r2"] .row-actions button')!.click();
    await settle(el);
    const form = $<RecordForm>(el, 'licheng-record-form');
    expect($(form, 'h2').textContent).to.equal('更正競賽參與紀錄');
    expect(deepActiveElement()).to.equal($(form, '#name'));
    const award = $<HTMLInputElement>(form, '#award');
    award.focus();
    award.select();
    await sendKeys({ type: '第一名' });
    await form.submit();
    await settle(el);
    expect(calls).to.include('correct r2');
    const row = deepActiveElement() as HTMLElement;
    expect(row.dataset.id).to.equal('r2');
    expect(row.textContent).to.contain('剛更正');
    expect(row.textContent).to.contain('第一名');
    expect($(el, '#add-panel').hidden).to.equal(true);
  });

  it('withdraws with a reason and focuses the message saying so', async () => {
    const { el, calls } = await desk();
    const list = $<RecordList>(el, 'licheng-record-list');
    list.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-id="r3"] button.danger-link')!.click();
    await list.updateComplete;
    const dialog = list.shadowRoot!.querySelector<Dialog>('licheng-dialog')!;
    await dialog.updateComplete;
    await sendKeys({ type: '重複登錄' });
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click();
    await settle(el);
    expect(calls).to.include('withdraw r3 重複登錄');
    expect(deepActiveElement()).to.equal($(el, '#desk-note'));
    expect(($(el, '#desk-note') as unknown as { message: string }).message).to.equal('已撤銷競賽參與紀錄：陳志豪 校內科展。');
    expect($<RecordList>(el, 'licheng-record-list').records).to.have.length(2);
  });

  it('takes back a decision with a reason and lands on the row, back to pending and marked 剛更正', async () => {
    const host = memoryRecordSource(competitionRows.map((r) => (r.id === 'r3' ? { ...r, status: 'passed' as const, reopenable: true } : r)));
    const el = await fixture<RecordDesk>(html`<licheng-record-desk locale="zh-TW" .kinds=${[competitionKind]} .source=${host.source}></licheng-record-desk>`);
    await settle(el);
    const list = $<RecordList>(el, 'licheng-record-list');
    const reopen = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('tr[data-id="r3"] button')].find((b) => b.textContent === '撤回決定')!;
    reopen.click();
    await list.updateComplete;
    const dialog = list.shadowRoot!.querySelector<Dialog>('licheng-dialog')!;
    await dialog.updateComplete;
    await sendKeys({ type: '誤按通過' });
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click();
    await settle(el);
    expect(host.calls).to.include('reopen r3 誤按通過');
    const row = list.shadowRoot!.querySelector<HTMLElement>('tr[data-id="r3"]')!;
    expect(deepActiveElement()).to.equal(row);
    expect(row.textContent).to.contain('剛更正');
    expect(row.textContent).not.to.contain('撤回決定');
    expect(($(el, '#desk-note') as unknown as { message: string }).message).to.equal('已撤回競賽參與紀錄的認證決定：陳志豪 校內科展，回到待認證。');
  });

  it('is disabled with the reason before typing, and fits 390 px', async () => {
    await setViewport({ width: 390, height: 844 });
    const host = memoryRecordSource(competitionRows);
    const el = await fixture<RecordDesk>(html`<licheng-record-desk locale="zh-TW" disabled-reason="登錄期程尚未開放" .kinds=${[competitionKind, serviceKind]} .source=${host.source}></licheng-record-desk>`);
    await settle(el);
    expect($(el, '#desk-off').textContent).to.equal('登錄期程尚未開放');
    $<HTMLButtonElement>(el, '.desk-actions button').click();
    await settle(el);
    const form = $<RecordForm>(el, 'licheng-record-form');
    expect($<HTMLInputElement>(form, '#name').disabled).to.equal(true);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });
});
