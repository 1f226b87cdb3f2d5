import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './record-list.ts';
import type { RecordList, RecordWithdrawal } from './record-list.component.ts';
import type { Dialog } from '../dialog/dialog.component.ts';
import { deepActiveElement } from '../base/licheng-element.ts';
import { competitionKind, competitionRows, serviceKind } from '../testing/record-kinds.ts';

const $ = <E extends Element = HTMLElement>(el: RecordList, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
const $$ = (el: RecordList, selector: string) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(selector));

describe('<licheng-record-list>', () => {
  beforeEach(() => setViewport({ width: 1280, height: 900 }));

  it('shows columns from the fields, 民國 dates, code labels and the status in words', async () => {
    const el = await fixture<RecordList>(html`<licheng-record-list locale="zh-TW" .kinds=${[competitionKind]} .records=${competitionRows}></licheng-record-list>`);
    expect($$(el, 'thead th').map((th) => th.textContent)).to.deep.equal(['學生', '學期', '競賽名稱', '項目', '競賽等級代碼', '獎項', '結果公布日期', '團體參與代碼', '內容簡述', '檔案', '狀態']);
    const first = $$(el, 'tbody tr')[0]!;
    const cells = Array.from(first.querySelectorAll('td')).map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells[0]).to.equal('王小明 電子三甲 110001');
    expect(cells[1]).to.equal('114-1');
    expect(cells[4]).to.equal('全國');
    expect(cells[6]).to.equal('114/11/20');
    expect(cells[7]).to.equal('團體');
    // Which files the record has (none given here).
    expect(cells[9]).to.equal('無');
    expect(first.querySelector('licheng-status-badge')!.getAttribute('status')).to.equal('passed');
    expect($(el, 'caption').textContent).to.contain('競賽參與紀錄，共 3 筆');
    await expect(el).to.be.accessible();
  });

  it('filters by year, semester, class and status, and offers to clear filters that hide everything', async () => {
    const el = await fixture<RecordList>(html`<licheng-record-list locale="zh-TW" .kinds=${[competitionKind]} .records=${competitionRows}></licheng-record-list>`);
    const year = $<HTMLSelectElement>(el, '#filter-academicYear');
    year.value = '113';
    setTimeout(() => year.dispatchEvent(new Event('change')));
    const event = (await oneEvent(el, 'licheng-record-filter')) as CustomEvent;
    expect(event.detail).to.deep.equal({ academicYear: '113', semester: '', className: '', status: '' });
    await el.updateComplete;
    expect($$(el, 'tbody tr')).to.have.length(1);
    const status = $<HTMLSelectElement>(el, '#filter-status');
    status.value = 'passed';
    status.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '#empty').textContent).to.contain('目前篩選條件下沒有紀錄');
    ($(el, '#empty button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($$(el, 'tbody tr')).to.have.length(3);
    const cls = $<HTMLSelectElement>(el, '#filter-className');
    expect(Array.from(cls.options).map((o) => o.value)).to.deep.equal(['', '資訊三乙', '電子三甲']);
  });

  it('says so when empty and offers the next step', async () => {
    const el = await fixture<RecordList>(html`<licheng-record-list locale="zh-TW" can-add .kinds=${[competitionKind]} .records=${[]}></licheng-record-list>`);
    expect($(el, '#empty').textContent).to.contain('目前沒有符合條件的紀錄');
    setTimeout(() => ($(el, '#empty button') as HTMLButtonElement).click());
    await oneEvent(el, 'licheng-record-add');
    await expect(el).to.be.accessible();
  });

  it('marks a record just added in words and moves focus to it', async () => {
    const el = await fixture<RecordList>(html`<licheng-record-list locale="zh-TW" actions .kinds=${[competitionKind]} .records=${competitionRows} .highlight=${{ r2: 'added' }}></licheng-record-list>`);
    expect(await el.focusRecord('r2')).to.equal(true);
    const row = deepActiveElement() as HTMLElement;
    expect(row.dataset.id).to.equal('r2');
    expect(row.querySelector('.new-mark')!.textContent).to.equal('剛新增');
    expect(row.getAttribute('aria-describedby')).to.equal('mark-r2');
    expect($(el, 'caption').textContent).to.contain('1 筆剛新增或更正');
    await expect(el).to.be.accessible();
  });

  it('withdraws only with a reason, in a dialog that says what it will change', async () => {
    const rows = [competitionRows[0]!, { ...competitionRows[1]!, withdrawable: false, correctable: 'no' as const }];
    const el = await fixture<RecordList>(html`<licheng-record-list locale="zh-TW" actions .kinds=${[competitionKind]} .records=${rows}></licheng-record-list>`);
    const [first, second] = $$(el, 'tbody tr');
    expect(second!.querySelectorAll('.row-actions button')).to.have.length(0);
    const withdraw = first!.querySelector<HTMLButtonElement>('button.danger-link')!;
    expect(withdraw.getAttribute('aria-label')).to.equal('撤銷 王小明 全國高級中等學校專題製作競賽');
    withdraw.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<Dialog>(el, 'licheng-dialog');
    await dialog.updateComplete;
    expect(dialog.open).to.equal(true);
    expect($(el, '#reason-effect').textContent).to.contain('不再列入學生的學習歷程');
    expect(deepActiveElement()).to.equal($(el, '#reason'));
    await expect(el).to.be.accessible();
    const confirm = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!;
    confirm.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect($(el, '#reason-error').textContent).to.equal('請填寫撤銷原因');
    $(el, '#reason').focus();
    await sendKeys({ type: '重複登錄' });
    setTimeout(() => confirm.click());
    const event = (await oneEvent(el, 'licheng-record-withdraw')) as CustomEvent<RecordWithdrawal>;
    expect(event.detail.reason).to.equal('重複登錄');
    expect(event.detail.record.id).to.equal('r1');
    // Focus returns to the row's button.
    expect(deepActiveElement()).to.equal(withdraw);
  });

  it('offers 撤回決定 on a decision the user made, asks why, and says the record goes back to pending', async () => {
    const rows = [{ ...competitionRows[0]!, status: 'passed' as const, reopenable: true, withdrawable: false, correctable: 'no' as const }, competitionRows[1]!];
    const el = await fixture<RecordList>(html`<licheng-record-list locale="zh-TW" actions .kinds=${[competitionKind]} .records=${rows}></licheng-record-list>`);
    const [first, second] = $$(el, 'tbody tr');
    expect(second!.textContent).not.to.contain('撤回決定');
    const reopen = [...first!.querySelectorAll<HTMLButtonElement>('.row-actions button')].find((b) => b.textContent === '撤回決定')!;
    expect(reopen.getAttribute('aria-label')).to.equal('撤回決定 王小明 全國高級中等學校專題製作競賽');
    reopen.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<Dialog>(el, 'licheng-dialog');
    await dialog.updateComplete;
    expect(dialog.open).to.equal(true);
    expect($(el, '#reason-effect').textContent).to.contain('回到待認證');
    expect(dialog.getAttribute('heading')).to.equal('撤回競賽參與紀錄的認證決定');
    await expect(el).to.be.accessible();
    const confirm = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!;
    confirm.click();
    await el.updateComplete;
    expect($(el, '#reason-error').textContent).to.equal('請填寫撤回原因');
    $(el, '#reason').focus();
    await sendKeys({ type: '誤按通過' });
    setTimeout(() => confirm.click());
    const event = (await oneEvent(el, 'licheng-record-reopen')) as CustomEvent<RecordWithdrawal>;
    expect(event.detail).to.deep.include({ reason: '誤按通過' });
    expect(event.detail.record.id).to.equal('r1');
    expect(deepActiveElement()).to.equal(reopen);
  });

  it('lists several kinds as a table each under a heading', async () => {
    const service = { id: 's1', kind: 'service-hours', academicYear: 114, semester: 1, status: 'pending' as const, data: { name: '淨灘', organisation: '環保局', start: '2025-09-01', end: '2025-09-01', hours: 3 } };
    const el = await fixture<RecordList>(html`<licheng-record-list locale="zh-TW" .kinds=${[competitionKind, serviceKind]} .records=${[...competitionRows, service]}></licheng-record-list>`);
    expect($$(el, 'h3').map((h) => h.textContent)).to.deep.equal(['競賽參與紀錄', '服務學習紀錄']);
    expect($$(el, 'table')[1]!.querySelector('tbody td:nth-child(6)')!.textContent).to.equal('3 小時');
    await expect(el).to.be.accessible();
  });

  it('becomes cards with column names at 390 px', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await fixture<RecordList>(html`<licheng-record-list locale="zh-TW" actions .kinds=${[competitionKind]} .records=${competitionRows}></licheng-record-list>`);
    const cell = $$(el, 'tbody td')[4]!;
    // Stacked: each cell spans the card instead of sitting in a column.
    expect(getComputedStyle(cell).display).to.equal('flow-root');
    expect(cell.getBoundingClientRect().width).to.be.above(300);
    expect(cell.dataset.label).to.equal('競賽等級代碼');
    expect(getComputedStyle(cell, '::before').content).to.contain('競賽等級代碼');
    expect(el.scrollWidth).to.be.at.most(390);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });
});
