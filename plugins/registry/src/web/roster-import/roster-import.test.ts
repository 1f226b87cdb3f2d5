import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import type { FileField } from '@licheng/ui';
import './roster-import.ts';
import type { RosterImport } from './roster-import.component.ts';
import { csvFile, deepText, importResult, templates } from '../testing/fixtures.ts';

describe('<licheng-roster-import>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(run: (input: unknown) => unknown = () => importResult()) {
    api = installFakeApi({
      'registry.imports.templates': () => templates,
      'registry.imports.run': run,
      'GET /api/registry/templates/students.xlsx': () => new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    });
    const el = await fixture<RosterImport>(html`<licheng-roster-import .token=${fakeToken()} locale="zh-TW"></licheng-roster-import>`);
    await waitUntil(() => el.templates !== null, 'templates never loaded');
    await el.updateComplete;
    return el;
  }

  async function choose(el: RosterImport, file: File) {
    el.shadowRoot!.querySelector<FileField>('licheng-file-field')!.setFile(file);
    await waitUntil(() => el.detected !== null || el.detectError !== '', 'headers never read');
    await el.updateComplete;
  }

  const button = (el: RosterImport, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;

  it('offers the kinds, the template download and the column notes, and is accessible', async () => {
    const el = await render();
    const kinds = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#kind option')].map((o) => o.textContent);
    expect(kinds).to.deep.equal(['學生名冊', '教師名冊']);
    expect(deepText(el)).to.contain('學生名冊的欄位說明');
    await expect(el).to.be.accessible();
    button(el, '下載學生名冊範本（Excel）').click();
    await waitUntil(() => api.callsTo('/api/registry/templates/students.xlsx').length === 1, 'template not fetched');
    expect(api.callsTo('/api/registry/templates/students.xlsx')[0]!.headers.get('authorization')).to.match(/^Bearer /);
  });

  it('shows the file’s headers against the template and sends only the mappings the office changed', async () => {
    let sent: FormData | null = null;
    const el = await render((input) => {
      sent = input as FormData;
      return importResult();
    });
    await choose(el, csvFile('學生學號,名字,身分證字號,生日,年級,班級,座號\n1130001,王小明,A123456789,97/05/12,1,101,1\n'));
    expect(el.detected!.row).to.equal(1);
    const nameSelect = el.shadowRoot!.querySelector<HTMLSelectElement>('#map-name')!;
    expect(nameSelect.value).to.equal('');
    expect(nameSelect.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#map-studentNo')!.value).to.equal('學生學號');
    await expect(el).to.be.accessible();
    nameSelect.value = '名字';
    nameSelect.dispatchEvent(new Event('change'));
    await el.updateComplete;
    button(el, '檢查（不寫入）').click();
    await waitUntil(() => el.result !== null, 'no result');
    expect(sent!.get('kind')).to.equal('students');
    expect(sent!.get('dryRun')).to.equal('true');
    expect((sent!.get('file') as File).name).to.equal('students.csv');
    expect(JSON.parse(sent!.get('mapping') as string)).to.deep.equal({ name: '名字' });
  });

  it('reports every issue by row and column and says nothing was written', async () => {
    const el = await render(() =>
      importResult({
        ok: false,
        counts: { inserted: 0, updated: 0, unchanged: 0 },
        issues: [
          { row: 3, column: '身分證號', code: 'import-value-invalid', params: { column: '身分證號', value: 'A12' }, message: '「身分證號」的內容「A12」不正確' },
          { row: 5, column: '年級', code: 'import-value-required', params: { column: '年級' }, message: '「年級」為必填' },
        ],
      }),
    );
    await choose(el, csvFile('學號,姓名\n1,王\n'));
    button(el, '檢查（不寫入）').click();
    await waitUntil(() => el.result !== null, 'no result');
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('.results tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(rows).to.deep.equal([
      ['3', '身分證號', '「身分證號」的內容「A12」不正確'],
      ['5', '年級', '「年級」為必填'],
    ]);
    expect(deepText(el)).to.contain('發現 2 個問題，未寫入任何資料。');
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.contain('問題清單（共 2 個）');
    await expect(el).to.be.accessible();
  });

  it('imports and shows the counts, telling the page', async () => {
    const el = await render(() => importResult({ dryRun: false, counts: { inserted: 1, updated: 2, unchanged: 3 }, totalRows: 6 }));
    await choose(el, csvFile('學號,姓名,身分證號,出生日期,年級,班級,座號\n'));
    setTimeout(() => button(el, '匯入').click());
    const event = (await oneEvent(el, 'licheng-imported')) as CustomEvent<{ counts: { inserted: number } }>;
    expect(event.detail.counts.inserted).to.equal(1);
    await el.updateComplete;
    expect(deepText(el)).to.contain('匯入完成：新增 1 筆、更新 2 筆、3 筆不變。');
    expect(api.callsTo('registry.imports.run')[0]!.input instanceof FormData).to.equal(true);
    expect((api.callsTo('registry.imports.run')[0]!.input as FormData).get('dryRun')).to.equal('false');
  });

  it('asks for a file before running', async () => {
    const el = await render();
    button(el, '檢查（不寫入）').click();
    await el.updateComplete;
    expect(el.failure).to.equal('請先選擇名冊檔案');
    expect(api.callsTo('registry.imports.run')).to.have.length(0);
  });

  it('speaks English, showing the issues as the server words them for the page’s language', async () => {
    // The server words issues in the language the request names (x-licheng-locale).
    const worded = (locale: string | null) => (locale === 'en' ? '"年級" is required.' : '「年級」為必填');
    api = installFakeApi({
      'registry.imports.templates': () => templates,
      'registry.imports.run': (_input, call) =>
        importResult({ ok: false, issues: [{ row: 4, column: '年級', code: 'import-value-required', params: { column: '年級' }, message: worded(call.headers.get('x-licheng-locale')) }] }),
    });
    const el = await fixture<RosterImport>(html`<licheng-roster-import .token=${fakeToken()} locale="en"></licheng-roster-import>`);
    await waitUntil(() => el.templates !== null);
    await choose(el, csvFile('學號\n1\n'));
    button(el, 'Check (no changes)').click();
    await waitUntil(() => el.result !== null);
    await el.updateComplete;
    const cells = [...el.shadowRoot!.querySelectorAll('.results tbody td')].map((td) => td.textContent!.trim());
    expect(cells).to.deep.equal(['4', 'Grade', '"年級" is required.']);
  });
});
