import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './roster-export.ts';
import type { RosterExport } from './roster-export.component.ts';
import type { RosterSubmission } from './roster-submission.component.ts';
import { deepText } from '../testing/fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exported = { kind: 26, problems: [], fileId: 'f-roster', fileName: '26_課程學習成果_999901_114_0.xlsx', rowCount: 12, downloadUrl: '/api/files/f-roster?download=1', review: { fileId: 'f-review', fileName: '26_課程學習成果_999901_114_0_待處理(缺).xlsx', rowCount: 2, downloadUrl: '/api/files/f-review?download=1' } };
const snapshot = { id: 'snap-1', exportId: 'f-roster', roster: 'outcomes', batch: 'regular', academicYear: 114, semester: 2, kind: 26, layoutVersion: 'z-2021', fileId: 'f-roster', fileName: exported.fileName, sha256: 'ab'.repeat(32), rowCount: 12, studentCount: 5, submittedBy: 'r-staff', submittedByName: '註冊組長', submittedAt: '2025-10-01T06:30:00.000Z', downloadUrl: '/api/files/f-roster?download=1' };
const list = {
  rosters: [
    { roster: 'outcomes', name: '學生課程學習成果名冊', label: '課程學習成果', year: true, layoutVersion: 'z-2021', batches: [{ batch: 'regular', kind: 26, disabled: null, refusal: null }, { batch: 'grade12-first', kind: 36, disabled: null, refusal: null }] },
    { roster: 'night-outcomes', name: '進修部學生課程學習成果名冊', label: '進修部課程學習成果', year: true, layoutVersion: 'z-2021', batches: [{ batch: 'regular', kind: 28, disabled: null, refusal: '「名冊提交」的作業期間已於 114/07/15 結束' }] },
    { roster: 'grades', name: '學生成績名冊', label: '成績', year: false, layoutVersion: 'v-2025', batches: [{ batch: 'regular', kind: null, disabled: '「學生成績名冊」的名冊別尚未設定：請在學校設定 rosters.numbers.grades.regular 填入', refusal: null }] },
  ],
};
const validation = {
  roster: 'outcomes', batch: 'regular', kind: 26, rowCount: 10, reviewCount: 1, planChecked: false,
  findings: [
    { code: 'invalid-national-id', sheet: '學期課程學習成果', reason: '身分證號格式或檢查碼錯誤', office: 'registry-staff', student: { id: 's3', studentNo: 'S003', name: '張小英', className: '101' }, target: { office: 'registry-staff', studentId: 's3', recordId: 'r9', kind: 'outcome' } },
    { code: 'over-selection-cap', sheet: '學期課程學習成果', reason: '勾選件數超過上限', office: 'student', student: { id: 's1', studentNo: 'S001', name: '陳小明', className: '101' }, target: { office: 'student', studentId: 's1', recordId: 'r1', kind: 'outcome' } },
  ],
};
const changes = {
  snapshot,
  added: [],
  removed: [{ studentId: 's2', nationalId: 'B223456782' }],
  changed: [{ studentId: 's1', nationalId: 'A123456789', rows: [{ sheet: '學期課程學習成果', change: 'changed', recordId: 'r1', cells: { 成果簡述: '紅樓夢人物分析' }, columns: [{ column: '成果簡述', before: '紅樓夢', after: '紅樓夢人物分析' }] }] }],
  pendingCorrections: [] as unknown[],
};
/** A record 王美玲 corrected after 陳小明's receipt issue, waiting for the next submission of roster 26. */
const correction = {
  id: 'c1', issueId: 'i1', studentId: 's1', rosterKind: 26, rosterName: '課程學習成果', recordId: 'r1', ownerOffice: 'subject-teacher',
  correctedByName: '王美玲', correctedAt: '2025-10-03T02:00:00.000Z', batch: { id: 'b1', academicYear: 114, semester: 0 },
  student: { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 },
};

describe('<licheng-roster-export> 名冊提交', () => {
  let api: FakeApi;
  let history: unknown[];
  let changesAnswer: typeof changes = changes;
  afterEach(() => api?.restore());
  beforeEach(() => setViewport({ width: 1280, height: 800 }));

  async function render(locale = 'zh-TW', answer: typeof changes = changes) {
    history = [];
    changesAnswer = answer;
    api = installFakeApi({
      'platform.me': () => ({ term: { academicYear: 114, semester: 2 } }),
      'registry.rosters.list': () => list,
      'registry.rosters.snapshots': () => ({ snapshots: history }),
      'registry.rosters.validate': () => validation,
      'registry.rosters.export': () => exported,
      'registry.rosters.submit': () => ((history = [snapshot]), snapshot),
      'registry.rosters.changes': () => changesAnswer,
      'GET /api/files/f-roster?download=1': () => new Blob(['PK'], { type: XLSX }),
      'GET /api/files/f-review?download=1': () => new Blob(['PK'], { type: XLSX }),
    });
    const el = await fixture<RosterExport>(html`<licheng-roster-export .token=${fakeToken()} locale=${locale}></licheng-roster-export>`);
    await waitUntil(() => el.rosters !== null, 'the rosters never loaded');
    await el.updateComplete;
    return el;
  }
  const card = (el: RosterExport, i: number) => el.shadowRoot!.querySelectorAll<RosterSubmission>('licheng-roster-submission')[i]!;
  const button = (c: RosterSubmission, action: string) => c.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  const focused = (el: RosterExport) => el.shadowRoot!.activeElement;

  it('lists every roster with a builder for the current term; an unset 名冊別 and a closed window say why before anyone tries; accessible', async () => {
    const el = await render();
    expect(api.callsTo('registry.rosters.list')[0]!.input).to.deep.equal({ academicYear: 114, semester: 2 });
    expect([...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(['26 課程學習成果', '28 進修部課程學習成果', '名冊別未設定 成績']);
    const night = card(el, 1);
    expect(button(night, 'export').disabled).to.equal(true);
    expect(night.querySelector(`#${button(night, 'export').getAttribute('aria-describedby')}`)!.textContent).to.contain('作業期間已於 114/07/15 結束');
    expect(button(night, 'validate').disabled).to.equal(false);
    const grades = card(el, 2);
    for (const action of ['validate', 'export', 'submit', 'changes']) expect(button(grades, action).disabled).to.equal(true);
    expect(grades.textContent).to.contain('rosters.numbers.grades.regular');
    // 標記為已提交 waits for an export, and says so.
    const day = card(el, 0);
    expect(button(day, 'submit').disabled).to.equal(true);
    expect(day.querySelector('#outcomes-regular-submit-reason')!.textContent).to.contain('請先產生名冊');
    await expect(el).to.be.accessible();
  });

  it('the 梯次 select shows grade 12’s first batch on its own, and the term’s rosters again', async () => {
    const el = await render();
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#batch')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['學期名冊（3 份名冊）', '高三第一梯次（1 份名冊）']);
    select.value = 'grade12-first';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(['36 課程學習成果（高三第一梯次）']);
    const first = card(el, 0);
    button(first, 'export').click();
    await waitUntil(() => api.callsTo('registry.rosters.export').length === 1);
    expect(api.callsTo('registry.rosters.export')[0]!.input).to.deep.equal({ academicYear: 114, semester: 2, roster: 'outcomes', batch: 'grade12-first' });
    select.value = 'regular';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('licheng-roster-submission')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('檢查 lists the findings grouped by the office that fixes them, and focus lands on the result', async () => {
    const el = await render();
    const day = card(el, 0);
    button(day, 'validate').click();
    await waitUntil(() => day.validation !== null && day.busy === '');
    await waitUntil(() => focused(el) === day.querySelector('#outcomes-regular-validation'), 'focus did not land on the result');
    expect(day.querySelector('#outcomes-regular-validation')!.getAttribute('aria-label')).to.equal('檢查結果');
    expect([...day.querySelectorAll('section.office h4')].map((h) => h.textContent)).to.deep.equal(['註冊組處理（1）', '學生處理（1）']);
    expect(day.querySelector('li[data-record="r9"]')!.textContent).to.contain('101 張小英（S003）');
    expect(deepText(day)).to.contain('課程代碼未與課程計畫比對');
    await expect(el).to.be.accessible();
  });

  it('產生名冊 downloads the roster, offers the (缺) workbook separately; 標記為已提交 asks first, then records the snapshot and shows it with its SHA-256', async () => {
    const el = await render();
    const day = card(el, 0);
    button(day, 'export').click();
    await waitUntil(() => day.exported !== null && day.busy === '');
    await waitUntil(() => api.callsTo('/api/files/f-roster?download=1').length === 1, 'the roster was not downloaded');
    expect(api.callsTo('/api/files/f-review?download=1')).to.have.length(0);
    expect(api.callsTo('registry.rosters.export')[0]!.input).to.deep.equal({ academicYear: 114, semester: 2, roster: 'outcomes', batch: 'regular' });
    expect(deepText(day)).to.contain('另有 2 筆不會提交');
    await waitUntil(() => focused(el) === day.querySelector('#outcomes-regular-exported'));

    // Cancelling the dialog records nothing.
    expect(button(day, 'submit').disabled).to.equal(false);
    button(day, 'submit').click();
    const dialog = day.querySelector<HTMLElement & { open: boolean }>('licheng-dialog')!;
    await waitUntil(() => dialog.open);
    expect(deepText(dialog)).to.contain('26_課程學習成果_999901_114_0.xlsx');
    await expect(el).to.be.accessible();
    (dialog.shadowRoot!.querySelector('button:not([part="confirm"])') as HTMLButtonElement).click();
    await waitUntil(() => !dialog.open);
    expect(api.callsTo('registry.rosters.submit')).to.have.length(0);

    button(day, 'submit').click();
    await waitUntil(() => dialog.open);
    (dialog.shadowRoot!.querySelector('[part="confirm"]') as HTMLButtonElement).click();
    await waitUntil(() => day.submitted !== null && day.busy === '');
    expect(api.callsTo('registry.rosters.submit')[0]!.input).to.deep.equal({ exportId: 'f-roster' });
    await waitUntil(() => focused(el) === day.querySelector('#outcomes-regular-submitted'), 'focus did not land on the snapshot');
    await day.updateComplete;
    expect((day.querySelector('#outcomes-regular-submitted') as HTMLElement & { message: string }).message).to.equal('已記錄提交快照：「26_課程學習成果_999901_114_0.xlsx」，5 位學生、12 筆，114/10/01 14:30。');
    expect(day.querySelector('details.history summary')!.textContent).to.contain('（1）');
    expect(day.querySelector('.sha')!.textContent).to.contain('ab'.repeat(32));
    // The export is submitted: marking it again needs a new export.
    expect(button(day, 'submit').disabled).to.equal(true);
  });

  it('與上次提交的差異: students removed and each changed column old → new', async () => {
    const el = await render();
    const day = card(el, 0);
    button(day, 'changes').click();
    await waitUntil(() => day.changes !== null && day.busy === '');
    await day.updateComplete;
    const text = deepText(day);
    expect(text).to.contain('與 114/10/01 14:30 提交相比：新增 0 位、移除 1 位、1 位學生的資料有變動。');
    expect(text).to.contain('成果簡述：「紅樓夢」→「紅樓夢人物分析」');
    await waitUntil(() => focused(el) === day.querySelector('#outcomes-regular-changes'));
    await expect(el).to.be.accessible();
  });

  it('與上次提交的差異 lists each correction after a receipt issue that waits for resubmission, by student', async () => {
    const el = await render('zh-TW', { ...changes, removed: [], changed: [], pendingCorrections: [correction] });
    const day = card(el, 0);
    button(day, 'changes').click();
    await waitUntil(() => day.changes !== null && day.busy === '');
    await day.updateComplete;
    const list = day.querySelector('#outcomes-regular-changes ul[aria-labelledby="outcomes-regular-corrections"]')!;
    expect(day.querySelector('#outcomes-regular-corrections')!.textContent).to.equal('另有 1 筆收訖問題的更正等待重新提交。');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal(['101 班 1 號 陳小明（S001）：課程學習成果，王美玲 於 114/10/03 10:00 更正']);
    await waitUntil(() => focused(el) === day.querySelector('#outcomes-regular-changes'));
    await expect(el).to.be.accessible();
  });

  it('names a correction whose student left the list as such', async () => {
    const el = await render('en', { ...changes, removed: [], changed: [], pendingCorrections: [{ ...correction, student: null }] });
    const day = card(el, 0);
    button(day, 'changes').click();
    await waitUntil(() => day.changes !== null && day.busy === '');
    await day.updateComplete;
    expect(day.querySelector('#outcomes-regular-changes li')!.textContent!.trim()).to.equal('(no longer on the student list): 課程學習成果, corrected by 王美玲 on 2025-10-03 10:00');
  });

  it('speaks English, and fits a 390 px phone', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await render('en');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Roster submission');
    expect(button(card(el, 0), 'submit').textContent!.trim()).to.equal('Mark as submitted');
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    for (const b of el.shadowRoot!.querySelectorAll('button')) expect(b.getBoundingClientRect().right).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });
});
