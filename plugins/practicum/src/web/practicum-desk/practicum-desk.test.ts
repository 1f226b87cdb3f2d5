import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type DateField, type Dialog, type Notice } from '@licheng/ui';
import './practicum-desk.ts';
import type { PracticumDesk } from './practicum-desk.component.ts';
import { bootstrap, mount, unmount } from '../index.ts';
import { badReport, certificate, certificateList, chooseFile, deepText, internship, internshipList } from '../testing/fixtures.ts';

const certificates = [
  certificate({ id: 'c1', documentFileId: 'f-scan' }),
  certificate({ id: 'c2', student: { studentNo: 'S002', name: '林小華', className: '101', seatNo: 2 }, name: '室內配線', level: '乙級', number: 'B-002', date: '2025-09-15' }),
];

describe('<licheng-practicum-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(handlers: Record<string, (input: unknown) => unknown> = {}, locale = 'zh-TW') {
    api = installFakeApi({
      'practicum.certificates.list': () => certificateList(certificates),
      'practicum.internships.list': () => internshipList([internship({ id: 'i1' })]),
      ...handlers,
    });
    const el = await fixture<PracticumDesk>(html`<licheng-practicum-desk .token=${fakeToken()} locale=${locale}></licheng-practicum-desk>`);
    await waitUntil(() => el.certificates !== null || el.failure !== '', 'list never loaded');
    await el.updateComplete;
    return el;
  }

  const $ = <T extends Element>(el: PracticumDesk, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const button = (el: PracticumDesk, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;
  const fill = (el: PracticumDesk, values: Record<string, string>) => {
    for (const [id, value] of Object.entries(values)) {
      const input = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
      input.value = value;
    }
  };

  /** Types into a 民國 date field and leaves it, as a person does. */
  const typeDate = async (el: PracticumDesk, id: string, text: string) => {
    const field = $<DateField>(el, `#${id}`);
    const input = field.shadowRoot!.querySelector('input')!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await field.updateComplete;
    return field;
  };

  it('shows the current year’s certificates with ROC dates, and is accessible', async () => {
    const el = await render();
    expect(api.callsTo('practicum.certificates.list')[0]!.input).to.deep.equal({});
    const rows = [...el.shadowRoot!.querySelectorAll('table[part="table"] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(rows[0]!.slice(0, 4).map((cell) => cell.replace(/\s+/g, ' '))).to.deep.equal(['101 班 1 號 陳小明（S001）', '工業電子 丙級 勞動部勞動力發展署技能檢定中心', 'A-001 證照影像', '114/08/20']);
    expect(rows[1]![3]).to.equal('114/09/15');
    expect($(el, 'caption').textContent).to.equal('114 學年度，共 2 筆');
    expect($(el, '[role="tab"][aria-selected="true"]').textContent!.trim()).to.equal('技能證照');
    await expect(el).to.be.accessible();
  });

  it('opens a certificate’s scan in the viewer', async () => {
    const el = await render({ 'GET /api/files/f-scan': () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }) });
    $<HTMLButtonElement>(el, 'button[aria-label="開啟證照影像：陳小明「工業電子」"]').click();
    const viewer = $(el, 'licheng-file-viewer');
    await waitUntil(() => viewer.shadowRoot?.querySelector('img'), 'viewer did not open');
    (viewer.shadowRoot!.querySelector('licheng-dialog') as Dialog).close();
  });

  it('checks a list first, reporting each bad row, then imports it and reloads', async () => {
    const el = await render({
      'practicum.certificates.import': (input) => ((input as FormData).get('dryRun') === 'true' ? badReport : { dryRun: false, rows: 3, imported: 3, ids: ['c1', 'c2', 'c3'], academicYears: [113, 114], issues: [] }),
    });
    button(el, '檢查名單').click();
    await el.updateComplete;
    expect($(el, '#import-file-error').textContent).to.equal('請選擇名單檔案');
    expect($(el, '#import-file').getAttribute('aria-describedby')).to.equal('import-file-error');
    expect(deepActiveElement()).to.equal($(el, '#import-file'));

    chooseFile($(el, '#import-file'), new File(['學號,證照名稱'], '合格名單.csv'));
    button(el, '檢查名單').click();
    await waitUntil(() => el.report !== null, 'no report');
    await el.updateComplete;
    const form = api.callsTo('practicum.certificates.import')[0]!.input as FormData;
    expect(form.get('dryRun')).to.equal('true');
    expect((form.get('file') as File).name).to.equal('合格名單.csv');
    const issues = [...el.shadowRoot!.querySelectorAll('table[part="issues"] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(issues).to.deep.equal([
      ['3', '發證日期', '日期「114/02/30」無法辨識或不存在'],
      ['4', '學號', '找不到學號「S999」，請先匯入學生名冊'],
    ]);
    // Problems found read as a warning, never as a success.
    expect($<Notice>(el, 'licheng-notice[variant="warning"]').message).to.equal('檢查完成：共 3 列，發現 2 個問題，請修正檔案後再檢查。');
    expect($<Notice>(el, 'licheng-notice[variant="success"]').message).to.equal('');
    await expect(el).to.be.accessible();

    setTimeout(() => button(el, '匯入名單').click());
    const imported = await oneEvent(el, 'licheng-certificates-imported');
    expect(imported.detail).to.deep.equal({ imported: 3 });
    await waitUntil(() => api.callsTo('practicum.certificates.list').length === 2, 'list not reloaded');
    // Filed under two years, so the list opens on every year, marks what was added and focuses the first of it.
    expect(api.callsTo('practicum.certificates.list')[1]!.input).to.deep.equal({ allYears: true });
    await waitUntil(() => deepActiveElement()?.matches('tr.added'), 'focus not on the new records');
    expect($<Notice>(el, 'licheng-notice[variant="success"]').message).to.equal('已匯入 3 張證照，已在下方清單標示為「新增」（113、114 學年度）。');
    expect($<HTMLSelectElement>(el, '#cert-filter-year').value).to.equal('all');
    expect(el.shadowRoot!.querySelectorAll('tr.added .new-mark')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('table[part="issues"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says nothing was written when the import finds problems', async () => {
    const el = await render({ 'practicum.certificates.import': () => ({ ...badReport, dryRun: false }) });
    chooseFile($(el, '#import-file'), new File(['x'], 'a.csv'));
    button(el, '匯入名單').click();
    await waitUntil(() => el.failure !== '', 'no failure');
    expect(el.failure).to.equal('名單有 2 個問題，未寫入任何資料。');
    expect(api.callsTo('practicum.certificates.list')).to.have.length(1);
  });

  it('registers one certificate, marking missing fields first', async () => {
    let listed = certificates;
    const el = await render({
      'practicum.certificates.list': () => certificateList(listed, 113),
      'practicum.certificates.register': () => {
        listed = [...certificates, certificate({ id: 'c9', name: '園藝', level: '丙級', academicYear: 113, date: '2025-06-20' })];
        return listed[2];
      },
    });
    button(el, '登錄證照').click();
    await el.updateComplete;
    expect($(el, '#cert-studentNo').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#cert-studentNo-error').textContent).to.equal('請填寫學號');
    expect($(el, '#cert-level').getAttribute('aria-describedby')).to.equal('cert-level-hint cert-level-error');
    expect([...el.shadowRoot!.querySelectorAll('#cert-level-list option')].map((o) => o.getAttribute('value'))).to.deep.equal(['甲級', '乙級', '丙級', '單一級']);
    expect(deepActiveElement()).to.equal($(el, '#cert-studentNo'));
    expect(api.callsTo('practicum.certificates.register')).to.have.length(0);
    await expect(el).to.be.accessible();

    fill(el, { 'cert-filter-class': '201' });
    button(el, '查詢').click();
    await waitUntil(() => api.callsTo('practicum.certificates.list').length === 2, 'not filtered');
    fill(el, { 'cert-studentNo': ' S001 ', 'cert-name': '園藝', 'cert-level': '丙級', 'cert-number': 'G-1', 'cert-date': '2025-06-20' });
    setTimeout(() => button(el, '登錄證照').click());
    await oneEvent(el, 'licheng-certificate-registered');
    const form = api.callsTo('practicum.certificates.register')[0]!.input as FormData;
    expect(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'))).to.deep.equal({ studentNo: 'S001', name: '園藝', level: '丙級', number: 'G-1', date: '2025-06-20', category: '3', origin: 'domestic' });
    // Issued in the previous academic year: the list opens on that year, with the new certificate marked and focused.
    await waitUntil(() => deepActiveElement()?.matches('tr.added'), 'focus not on the new certificate');
    expect(api.callsTo('practicum.certificates.list').at(-1)!.input).to.deep.equal({ academicYear: 113 });
    expect((deepActiveElement() as HTMLElement).textContent).to.contain('園藝 丙級');
    expect((deepActiveElement() as HTMLElement).textContent).to.contain('新增');
    expect($(el, 'caption').textContent).to.equal('113 學年度，共 3 筆（1 筆新增）');
    expect(deepText(el)).to.contain('已登錄 101 班 1 號 陳小明（S001） 的「園藝 丙級」，已在下方 113 學年度清單標示為「新增」。');
    await expect(el).to.be.accessible();
    expect($<HTMLInputElement>(el, '#cert-name').value).to.equal('');
  });

  it('takes the certificate date in 民國 (1140820), refuses a date that does not exist at the field', async () => {
    const el = await render({ 'practicum.certificates.register': () => certificate({ id: 'c3', name: '園藝', level: '丙級' }) });
    expect(el.shadowRoot!.querySelector('input[type="date"]')).to.equal(null);
    fill(el, { 'cert-studentNo': 'S001', 'cert-name': '園藝', 'cert-level': '丙級', 'cert-number': 'G-1' });
    const date = await typeDate(el, 'cert-date', '114/02/30');
    button(el, '登錄證照').click();
    await waitUntil(() => deepActiveElement() === date.shadowRoot!.querySelector('input'), 'focus did not land on the date');
    expect(date.shadowRoot!.querySelector('#error')!.textContent).to.equal('「114/02/30」不是實際存在的日期，請檢查月份與日數');
    expect(api.callsTo('practicum.certificates.register')).to.have.length(0);
    await expect(el).to.be.accessible();

    await typeDate(el, 'cert-date', '1140820');
    expect(date.shadowRoot!.querySelector('input')!.value).to.equal('114/08/20');
    setTimeout(() => button(el, '登錄證照').click());
    await oneEvent(el, 'licheng-certificate-registered');
    const form = api.callsTo('practicum.certificates.register')[0]!.input as FormData;
    expect(form.get('date')).to.equal('2025-08-20');
    await date.updateComplete;
    expect(date.value).to.equal('');
  });

  it('shows the server’s refusal', async () => {
    const el = await render({
      'practicum.certificates.register': () => {
        throw new FakeApiError('certificate-duplicate', '學號「S001」已登錄證照號碼「G-1」的證照', 409);
      },
    });
    fill(el, { 'cert-studentNo': 'S001', 'cert-name': '園藝', 'cert-level': '丙級', 'cert-number': 'G-1', 'cert-date': '2025-08-20' });
    button(el, '登錄證照').click();
    await waitUntil(() => el.failure !== '', 'no failure');
    await el.updateComplete;
    expect(deepText(el)).to.contain('學號「S001」已登錄證照號碼「G-1」的證照');
  });

  it('filters the list by academic year and class', async () => {
    const el = await render();
    fill(el, { 'cert-filter-year': '113', 'cert-filter-class': '201' });
    button(el, '查詢').click();
    await waitUntil(() => api.callsTo('practicum.certificates.list').length === 2, 'not reloaded');
    expect(api.callsTo('practicum.certificates.list')[1]!.input).to.deep.equal({ academicYear: 113, className: '201' });
  });

  it('switches to internships with the arrow key, checks and registers one', async () => {
    let interns = [internship({ id: 'i1' })];
    const el = await render({
      'practicum.internships.list': () => internshipList(interns),
      'practicum.internships.register': () => {
        interns = [...interns, internship({ id: 'i2', organisation: '虎尾糖廠' })];
        return interns[1];
      },
    });
    $<HTMLButtonElement>(el, '#tab-certificates').focus();
    $(el, '[role="tablist"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitUntil(() => el.internships !== null, 'internships not loaded');
    await el.updateComplete;
    expect(el.tab).to.equal('internships');
    expect(deepActiveElement()).to.equal($(el, '#tab-internships'));
    expect(deepText(el)).to.contain('114/09/01 – 114/09/30');
    await expect(el).to.be.accessible();

    fill(el, { 'intern-studentNo': 'S001', 'intern-organisation': '虎尾糖廠', 'intern-title': '製糖實習', 'intern-start': '2025-09-10', 'intern-end': '2025-09-01', 'intern-hours': '2001' });
    button(el, '登錄實習').click();
    await el.updateComplete;
    expect($(el, '#intern-end').shadowRoot!.querySelector('#error')!.textContent).to.equal('結束日期不可早於開始日期');
    expect($(el, '#intern-hours-error').textContent).to.equal('時數須為 1 到 2000 的整數');
    expect(api.callsTo('practicum.internships.register')).to.have.length(0);

    fill(el, { 'intern-end': '2025-09-20', 'intern-hours': '80', 'intern-kind': '3' });
    setTimeout(() => button(el, '登錄實習').click());
    await oneEvent(el, 'licheng-internship-registered');
    expect(api.callsTo('practicum.internships.register')[0]!.input).to.deep.equal({ studentNo: 'S001', kind: 3, organisation: '虎尾糖廠', title: '製糖實習', start: '2025-09-10', end: '2025-09-20', hours: 80 });
    await waitUntil(() => deepActiveElement()?.matches('tr.added'), 'focus not on the new internship');
    expect((deepActiveElement() as HTMLElement).textContent).to.contain('虎尾糖廠');
    expect(deepText(el)).to.contain('已在下方 114 學年度清單標示為「新增」');
    await expect(el).to.be.accessible();
  });

  it('offers all years, and an empty list says what to do next', async () => {
    const el = await render({ 'practicum.certificates.list': (input) => ((input as { allYears?: boolean }).allYears ? certificateList(certificates, null) : certificateList([])) }, 'en');
    expect(deepText($(el, '.empty'))).to.contain('Nothing matches. Certificates are filed under the academic year of their date of issue.');
    await expect(el).to.be.accessible();
    button(el, 'Show all years').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table[part="table"]'), 'all years not shown');
    expect(api.callsTo('practicum.certificates.list')[1]!.input).to.deep.equal({ allYears: true });
    expect($(el, 'caption').textContent).to.equal('All years: 2 entries');
    expect([...el.shadowRoot!.querySelectorAll('#cert-filter-year option')].map((o) => o.textContent)).to.deep.equal(['All years', '114', '113', '112', '111', '110', '109']);
    fill(el, { 'cert-filter-year': '112' });
    button(el, 'Show').click();
    await waitUntil(() => api.callsTo('practicum.certificates.list').length === 3, 'not reloaded');
    expect(api.callsTo('practicum.certificates.list')[2]!.input).to.deep.equal({ academicYear: 112 });
  });

  it('speaks English with ISO dates', async () => {
    const el = await render({}, 'en');
    expect(deepText(el)).to.contain('Import the skill-test pass list');
    expect(deepText(el)).to.contain('2025-08-20');
    const date = await typeDate(el, 'cert-date', '114/08/20');
    expect(date.shadowRoot!.querySelector('input')!.value).to.equal('2025-08-20');
    expect(date.shadowRoot!.querySelector('#reading')!.textContent).to.equal('ROC date 114/08/20');
    await expect(el).to.be.accessible();
  });

  it('lays each listed record out as a card named by its columns when narrow, and as a table when wide', async () => {
    const el = await render({}, 'en');
    const row = $(el, 'table[part="table"] tbody tr');
    const cells = [...row.querySelectorAll('td')];
    expect(cells.map((td) => td.dataset.label)).to.deep.equal(['Student', 'Certificate', 'Number', 'Date of issue', 'Status', 'Registered by']);
    expect(getComputedStyle(row).display).to.equal('table-row');
    el.style.display = 'block';
    el.style.width = '390px';
    await el.updateComplete;
    expect(getComputedStyle(row).display).to.equal('block');
    expect(getComputedStyle(cells[1]!, '::before').content).to.contain('Certificate');
    // The column headers stay for screen readers, out of sight and out of the page's width.
    const header = $(el, 'table[part="table"] thead');
    expect(header.getBoundingClientRect().width).to.be.at.most(1);
    expect(el.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });

  it('mounts and unmounts as a single-spa application', async () => {
    api = installFakeApi({
      'platform.me': () => ({ user: { roles: ['practicum-staff'] }, term: { academicYear: 114, semester: 1 } }),
      'practicum.certificates.list': () => certificateList([]),
      'practicum.records.list': () => ({ rows: [], total: 0, page: 1, pageSize: 200 }),
    });
    const domElement = document.createElement('div');
    document.body.appendChild(domElement);
    const props = { name: '@licheng/plugin-practicum', singleSpa: {} as never, mountParcel: (() => {}) as never, token: fakeToken(), apiBase: '', locale: 'zh-TW' as const, domElement };
    await bootstrap(props);
    await mount(props);
    const app = domElement.querySelector('licheng-practicum-app')!;
    expect(app).to.exist;
    await waitUntil(() => app.shadowRoot?.querySelector('licheng-practicum-desk'), 'the desk never showed for practicum staff');
    expect(app.shadowRoot!.querySelector('licheng-practicum-pending')).to.exist;
    expect(app.shadowRoot!.querySelector('licheng-practicum-mine')).to.equal(null);
    await unmount(props);
    expect(domElement.children).to.have.length(0);
    domElement.remove();
  });
});
