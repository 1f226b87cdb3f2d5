import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type FileField } from '@licheng/ui';
import './curriculum-desk.ts';
import type { CurriculumDesk } from './curriculum-desk.component.ts';
import type { DifferenceView, PlanPreviewView, PlanVersionView, PrecheckStatusView } from '../api.ts';

const CODE = '114123456E22L0101010101';
const version: PlanVersionView = { id: 'v1', planYear: 114, version: 1, sourceName: 'plan-114.json', sha256: 'a'.repeat(64), lineCount: 12, importedByName: '林組長', importedAt: '2025-08-20T02:00:00.000Z' };
const status = (over: Partial<PrecheckStatusView> = {}): PrecheckStatusView => ({
  runRefusal: null,
  academicYear: 114, semester: 1, semesterStart: '2025-08-01', deadline: '2025-08-28', firstRunAt: '2025-08-21T02:00:00.000Z', firstRun: 'on-time',
  planChangedSince: [], cohorts: [{ planYear: 114, version: 1 }],
  runs: [{ id: 'r1', academicYear: 114, semester: 1, ranAt: '2025-08-21T02:00:00.000Z', ranByName: '林組長', planVersions: [{ planYear: 114, version: 1 }], differenceCount: 3 }],
  ...over,
});
const diff = (over: Partial<DifferenceView>): DifferenceView => ({ id: 'd', kind: 'credits', fixer: 'curriculum', className: '101', code: CODE, subjectName: '國語文', studentNo: null, studentName: null, expected: '3', found: '4', ...over });
const differences = [
  diff({ id: 'd1' }),
  diff({ id: 'd2', kind: 'subject-name', expected: '物理', found: '基礎物理', subjectName: '基礎物理' }),
  diff({ id: 'd3', kind: 'required-missing', fixer: 'registry', studentNo: 'S001', studentName: '陳小明', expected: CODE, found: '' }),
];
const cleanPreview: PlanPreviewView = { planYear: 114, sourceName: 'plan.csv', rows: 2, lineCount: 2, issues: [], previousVersion: 1, diff: { added: [], removed: [], changed: [] } };

describe('<licheng-curriculum-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(handlers: Record<string, (input: unknown) => unknown> = {}, locale = 'zh-TW') {
    api = installFakeApi({
      'curriculum.plan.versions': () => [version],
      'curriculum.classGroups.list': () => [{ className: '101', grade: 1, classGroup: 'A' }],
      'curriculum.precheck.status': () => status(),
      'curriculum.precheck.differences': () => differences,
      ...handlers,
    });
    const el = await fixture<CurriculumDesk>(html`<licheng-curriculum-desk .token=${fakeToken()} locale=${locale} academic-year="114" semester="1"></licheng-curriculum-desk>`);
    await waitUntil(() => el.status !== null && el.versions !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(el: CurriculumDesk, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const text = (el: CurriculumDesk, selector: string) => $(el, selector).textContent!.replace(/\s+/g, ' ').trim();
  const chooseFile = (el: CurriculumDesk) => $<FileField>(el, 'licheng-file-field').setFile(new File(['課程代碼,科目名稱,授課學期學分節數\n'], 'plan.csv', { type: 'text/csv' }));

  it('shows the versions, the 4-week rule and every 「不同」 grouped by kind, accessibly', async () => {
    const el = await render();
    expect(text(el, '[part="plan"] tbody tr')).to.contain('plan-114.json');
    expect(text(el, '#first-run')).to.equal('首次比對於 114/08/21 完成，在開學 4 週內。');
    const captions = [...el.shadowRoot!.querySelectorAll('[part="check"] caption')].map((c) => c.textContent!.trim());
    expect(captions).to.deep.equal(['該學期學分不同（1 筆）', '科目名稱與報部名稱不同（1 筆）', '必修課程未修（1 筆）']);
    const row = [...$(el, 'table[data-kind="required-missing"] tbody tr').children].map((c) => c.textContent!.trim());
    expect(row).to.deep.equal(['不同', '101', CODE, '國語文', 'S001 陳小明', CODE, '—', '註冊組']);
    await expect(el).to.be.accessible();
  });

  it('keeps the import disabled with its reason until a check passes, then imports and lands on the outcome', async () => {
    let preview: PlanPreviewView = { ...cleanPreview, lineCount: 1, issues: [{ row: 3, column: '課程代碼', code: 'course-plan-cell-invalid', params: {}, message: '「課程代碼」應為 23 碼：「108」' }] };
    const el = await render({
      'curriculum.plan.preview': () => preview,
      'curriculum.plan.commit': () => ({ version: { ...version, id: 'v2', version: 2 }, diff: { added: [], removed: [], changed: [{ code: CODE, fields: [{ field: 'credits', before: '444400', after: '333300' }] }] } }),
      'curriculum.plan.restore': () => ({ version: { ...version, id: 'v3', version: 3 }, diff: { added: [], removed: [], changed: [{ code: CODE, fields: [{ field: 'credits', before: '333300', after: '444400' }] }] } }),
    });
    const commit = $<HTMLButtonElement>(el, '#plan-commit');
    expect(commit.disabled).to.equal(true);
    expect(text(el, '#commit-reason')).to.contain('請先選擇檔案');
    expect(commit.getAttribute('aria-describedby')).to.equal('commit-reason');

    $<HTMLButtonElement>(el, '#plan-check').click();
    await waitUntil(() => deepActiveElement()?.id === 'plan-error', 'focus on the missing file');
    chooseFile(el);
    $<HTMLButtonElement>(el, '#plan-check').click();
    await waitUntil(() => el.preview !== null);
    await el.updateComplete;
    expect([...$(el, '#plan-outcome tbody tr').children].map((c) => c.textContent!.trim())).to.deep.equal(['3', '課程代碼', '「課程代碼」應為 23 碼：「108」']);
    expect(text(el, '#commit-reason')).to.contain('檢查發現問題');
    expect(commit.disabled).to.equal(true);
    await waitUntil(() => deepActiveElement()?.textContent?.includes('1 個問題'), 'focus on the report');

    preview = cleanPreview;
    $<HTMLButtonElement>(el, '#plan-check').click();
    await waitUntil(() => !$<HTMLButtonElement>(el, '#plan-commit').disabled, 'import enabled after a clean check');
    expect(text(el, '#plan-outcome')).to.contain('檢查完成：2 列，2 門課程沒有問題');
    $<HTMLButtonElement>(el, '#plan-commit').click();
    await waitUntil(() => deepActiveElement()?.textContent?.includes('第 2 版'), 'focus on the import outcome');
    expect(api.callsTo('curriculum.plan.commit')).to.have.length(1);
    expect(text(el, '#plan-outcome')).to.contain('與第 1 版相比：新增 0、刪除 0、變更 1 門');

    // A mis-click taken back: the version before becomes the next one.
    $<HTMLButtonElement>(el, '#plan-undo').click();
    await waitUntil(() => deepActiveElement()?.textContent?.includes('已改回第 1 版的內容'), 'focus on the undo outcome');
    expect(api.callsTo('curriculum.plan.restore')[0]!.input).to.deep.equal({ versionId: 'v1' });
    expect(el.shadowRoot!.querySelector('#plan-undo')).to.equal(null);
  });

  it('shows what a version changed and moves focus there', async () => {
    const el = await render({
      'curriculum.plan.version': () => ({ version, previousVersion: null, lines: [], diff: { added: [{ planYear: 114, courseType: '', code: CODE, subjectName: '國語文', credits: '444400', offeringModes: '', attributes: '' }], removed: [], changed: [] } }),
    });
    $<HTMLButtonElement>(el, 'button[data-version="v1"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'detail-heading', 'focus on the changes');
    expect(text(el, '#detail-caption + thead + tbody tr')).to.contain('新增');
  });

  it('runs the pre-check, warns that the plan changed, filters by kind and lands on the outcome', async () => {
    const el = await render({
      'curriculum.precheck.status': () => status({ planChangedSince: [{ planYear: 114, version: 2, importedAt: '2025-09-15T02:00:00.000Z' }] }),
      'curriculum.precheck.run': () => ({ ...status().runs[0], id: 'r2', differenceCount: 3 }),
    });
    expect(text(el, '#plan-changed')).to.equal('課程計畫在上次比對後已變更（114 學年度第 2 版），請重新執行預檢比對。');
    $<HTMLButtonElement>(el, '#run').click();
    await waitUntil(() => deepActiveElement()?.id === 'check-outcome', 'focus on the outcome');
    expect(text(el, '#check-outcome')).to.equal('預檢完成：共 3 筆不同。');
    expect(api.callsTo('curriculum.precheck.run')[0]!.input).to.deep.equal({ academicYear: 114, semester: 1 });

    const kind = $<HTMLSelectElement>(el, '#kind-filter');
    kind.value = 'credits';
    kind.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="check"] table')).to.have.length(1);
  });

  it('disables the run with the reason when no plan the term follows is loaded', async () => {
    const el = await render({ 'curriculum.precheck.status': () => status({ cohorts: [{ planYear: 114, version: null }], runs: [], firstRun: 'overdue', firstRunAt: null }) });
    const run = $<HTMLButtonElement>(el, '#run');
    expect(run.disabled).to.equal(true);
    expect(text(el, '#run-reason')).to.equal('本學期開課適用的課程計畫都尚未匯入（114 學年度），請先匯入課程計畫。');
    expect(text(el, '#first-run')).to.contain('已超過 114/08/28 的期限');
    await expect(el).to.be.accessible();
  });

  it('disables the run with the server’s reason while the pre-check window is closed', async () => {
    const reason = '「開課預檢」的作業期間已於 114/08/28 結束';
    const el = await render({ 'curriculum.precheck.status': () => status({ runRefusal: reason }) });
    const run = $<HTMLButtonElement>(el, '#run');
    expect(run.disabled).to.equal(true);
    expect(run.getAttribute('aria-describedby')).to.equal('run-reason');
    expect(text(el, '#run-reason')).to.equal(reason);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await render({}, 'en');
    expect(text(el, '#first-run')).to.contain('within 4 weeks of the start');
    expect(text(el, '[part="check"] caption')).to.equal('Credits of the semester differ (1)');
  });
});
