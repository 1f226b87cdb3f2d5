import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import './record-import.ts';
import type { RecordImport, RecordImportReportView, RecordImportSource, RecordsImported } from './record-import.component.ts';
import type { FileField } from '../file-field/file-field.component.ts';
import { deepActiveElement } from '../base/licheng-element.ts';
import { competitionKind, serviceKind } from '../testing/record-kinds.ts';

const $ = <E extends Element = HTMLElement>(el: RecordImport, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
const csv = (name = '競賽名單.csv') => new File(['學號,學年度,學期,競賽名稱\n110001,114,1,科展\n'], name, { type: 'text/csv' });

const good: RecordImportReportView = {
  rows: 2,
  imported: 0,
  ids: [],
  issues: [],
  preview: [
    { row: 2, studentNo: '110001', studentName: '王小明', className: '電子三甲', academicYear: 114, semester: 1, summary: '', data: { name: '科展', level: '1', announced: '2025-11-20', team: '1' } },
    { row: 3, studentNo: '110002', studentName: '林美華', className: '電子三甲', academicYear: 114, semester: 1, summary: '', data: { name: '英語演講', level: '2', announced: '2025-10-03', team: '1' } },
  ],
};
const bad: RecordImportReportView = {
  rows: 3,
  imported: 0,
  ids: [],
  issues: [
    { row: 4, column: '競賽等級代碼', message: '第 4 列「競賽等級代碼」的「5」不是代碼（1 校級、2 縣市級、3 全國、4 國際）' },
    { row: null, column: null, message: '缺少欄位「結果公布日期」' },
  ],
};

/** A host's functions: answers set per test, calls recorded. */
function source(answers: { preview: RecordImportReportView | Error; commit?: RecordImportReportView }) {
  const calls: string[] = [];
  const s: RecordImportSource = {
    async preview(kind, file, progress) {
      calls.push(`preview ${kind} ${file.name}`);
      progress(50);
      if (answers.preview instanceof Error) throw answers.preview;
      return answers.preview;
    },
    async commit(kind, file) {
      calls.push(`commit ${kind} ${file.name}`);
      return answers.commit!;
    },
    templateHref: (kind) => `/api/office/records/template.xlsx?kind=${kind}`,
  };
  return { s, calls };
}

async function choose(el: RecordImport, file: File) {
  const field = $<FileField>(el, 'licheng-file-field');
  field.setFile(file);
  await el.updateComplete;
}

describe('<licheng-record-import>', () => {
  beforeEach(() => setViewport({ width: 1280, height: 900 }));

  it('walks the steps: kind, template link with its columns, file; asks for the file first', async () => {
    const { s, calls } = source({ preview: good });
    const el = await fixture<RecordImport>(html`<licheng-record-import locale="zh-TW" .kinds=${[competitionKind, serviceKind]} .source=${s}></licheng-record-import>`);
    expect($<HTMLSelectElement>(el, '#import-kind').value).to.equal('competition');
    expect($<HTMLAnchorElement>(el, 'a.button').getAttribute('href')).to.equal('/api/office/records/template.xlsx?kind=competition');
    expect($(el, 'ol.steps .hint').textContent).to.contain('學號、學年度、學期、內容簡述、競賽名稱、項目、競賽等級代碼');
    const select = $<HTMLSelectElement>(el, '#import-kind');
    select.value = 'service-hours';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($<HTMLAnchorElement>(el, 'a.button').getAttribute('href')).to.contain('kind=service-hours');
    await el.run(false);
    expect(calls).to.deep.equal([]);
    const field = $<FileField>(el, 'licheng-file-field');
    expect(field.error).to.equal('請先選擇名單檔案');
    expect(deepActiveElement()).to.equal(field.shadowRoot!.querySelector('input'));
    await expect(el).to.be.accessible();
  });

  it('reports problems row by row and keeps the import shut; focus lands on the result', async () => {
    const { s } = source({ preview: bad });
    const el = await fixture<RecordImport>(html`<licheng-record-import locale="zh-TW" .kinds=${[competitionKind]} .source=${s}></licheng-record-import>`);
    await choose(el, csv());
    await el.run(false);
    const outcome = $(el, '#import-outcome');
    expect(deepActiveElement()).to.equal(outcome);
    expect(outcome.getAttribute('variant')).to.equal('warning');
    expect((outcome as unknown as { message: string }).message).to.equal('名單共 3 列，有 2 個問題；請修正檔案後重新選擇，整份名單才會匯入。');
    const rows = Array.from(el.shadowRoot!.querySelectorAll('table.issues tbody tr')).map((tr) => Array.from(tr.children).map((td) => td.textContent));
    expect(rows[0]).to.deep.equal(['4', '競賽等級代碼', bad.issues[0]!.message]);
    expect(rows[1]![0]).to.equal('整份檔案');
    const commit = $<HTMLButtonElement>(el, 'button.primary');
    expect(commit.disabled).to.equal(true);
    expect(commit.getAttribute('aria-describedby')).to.equal('commit-hint');
    await expect(el).to.be.accessible();
  });

  it('previews a good list, imports it all, announces it and tells the host', async () => {
    const { s, calls } = source({ preview: good, commit: { ...good, imported: 2, ids: ['a', 'b'], preview: [] } });
    const el = await fixture<RecordImport>(html`<licheng-record-import locale="zh-TW" .kinds=${[competitionKind]} .source=${s}></licheng-record-import>`);
    await choose(el, csv());
    await el.run(false);
    expect($(el, 'table[part="preview"] caption').textContent).to.equal('預覽：前 2 列（共 2 列）');
    expect($(el, 'table[part="preview"] tbody td:nth-child(6)').textContent).to.equal('校級');
    const commit = $<HTMLButtonElement>(el, 'button.primary');
    expect(commit.disabled).to.equal(false);
    expect(commit.textContent!.trim()).to.equal('匯入 2 筆');
    await expect(el).to.be.accessible();
    setTimeout(() => commit.click());
    const event = (await oneEvent(el, 'licheng-records-imported')) as CustomEvent<RecordsImported>;
    expect(event.detail).to.deep.equal({ kind: 'competition', imported: 2, ids: ['a', 'b'] });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(calls).to.deep.equal(['preview competition 競賽名單.csv', 'commit competition 競賽名單.csv']);
    expect(deepActiveElement()).to.equal($(el, '#import-outcome'));
    expect(($(el, '#import-outcome') as unknown as { message: string }).message).to.equal('已匯入 2 筆競賽參與紀錄。');
    expect($<FileField>(el, 'licheng-file-field').file).to.equal(null);
  });

  it('shows a failure of the server as an error and focuses it', async () => {
    const { s } = source({ preview: new Error('檔案不是 Excel 或 CSV') });
    const el = await fixture<RecordImport>(html`<licheng-record-import locale="zh-TW" .kinds=${[competitionKind]} .source=${s}></licheng-record-import>`);
    await choose(el, csv());
    await el.run(false);
    expect(deepActiveElement()).to.equal($(el, '#import-failure'));
    expect(($(el, '#import-failure') as unknown as { message: string }).message).to.equal('無法處理名單：檔案不是 Excel 或 CSV');
    await expect(el).to.be.accessible();
  });

  it('refuses a file type other than xlsx or csv before sending', async () => {
    const { s, calls } = source({ preview: good });
    const el = await fixture<RecordImport>(html`<licheng-record-import locale="en" .kinds=${[competitionKind]} .source=${s}></licheng-record-import>`);
    await choose(el, new File(['x'], 'list.xls'));
    await el.run(false);
    expect(calls).to.deep.equal([]);
    expect($<FileField>(el, 'licheng-file-field').error).to.contain('XLSX、CSV');
  });

  it('shows the report as cards at 390 px', async () => {
    await setViewport({ width: 390, height: 844 });
    const { s } = source({ preview: bad });
    const el = await fixture<RecordImport>(html`<licheng-record-import locale="zh-TW" .kinds=${[competitionKind]} .source=${s}></licheng-record-import>`);
    await choose(el, csv());
    await el.run(false);
    const cell = $(el, 'table.issues tbody td:nth-child(2)');
    // Stacked: each cell spans the card instead of sitting in a column.
    expect(getComputedStyle(cell).display).to.equal('flow-root');
    expect(cell.getBoundingClientRect().width).to.be.above(300);
    expect(getComputedStyle(cell, '::before').content).to.contain('欄位');
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });
});
