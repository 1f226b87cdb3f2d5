import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type DateField } from '@licheng/ui';
import './schedule-editor.ts';
import type { LichengScheduleEditor } from './schedule-editor.component.ts';
import type { EditorSchedule, ScheduleLoad, StoredWindowView } from '../api.ts';

const WINDOWS = 'working-group.schedule.windows';
const SAVE = 'working-group.schedule.save';
const REMOVE = 'working-group.schedule.remove';
const RESTORE = 'working-group.schedule.restore';
const LOAD = 'working-group.schedule.load';

const stored = (over: Partial<StoredWindowView> & Pick<StoredWindowView, 'id' | 'activity' | 'start' | 'end'>): StoredWindowView => ({
  academicYear: 115,
  semester: 1,
  version: 1,
  updatedAt: '2026-08-10T00:00:00.000Z',
  updatedBy: 'wg-1',
  updatedByName: '教務主任',
  removedAt: null,
  ...over,
});
const national = stored({ id: 'w-national', activity: 'outcome-upload', start: '2026-09-01', end: '2026-11-15', qualifier: '全國截止', grades: [3] });
const schoolUpload = stored({ id: 'w-school', activity: 'outcome-upload', start: '2026-09-01', end: '2026-11-01', endFrom: { anchor: 'w-national', edge: 'end', offsetDays: -14 }, selfCheck: '2026-11-05' });
const oldRemoved = stored({ id: 'w-old', activity: 'autobiography', semester: 0, start: '2026-08-01', end: '2027-07-31', removedAt: '2026-08-09T02:00:00.000Z', version: 2 });

const loadFor = (end: string, peak: boolean): ScheduleLoad => ({
  end,
  days: [
    { date: '2026-09-30', students: peak ? 900 : 120, items: peak ? 2400 : 300, windows: peak ? 3 : 1, proposed: true },
    { date: '2026-11-01', students: 120, items: 240, windows: 1, proposed: false },
  ],
  hours: Array.from({ length: 24 }, (_, h) => (h === 21 ? 10 : 0)),
  peak: peak ? { date: '2026-09-30', students: 900, items: 2400, isProposed: true } : null,
});

describe('<licheng-schedule-editor>', () => {
  let api: FakeApi;
  let data: EditorSchedule;
  afterEach(async () => {
    api?.restore();
    await setViewport({ width: 1280, height: 800 });
  });

  async function render() {
    data = { academicYear: 115, years: [114, 115], windows: [national, schoolUpload], removed: [oldRemoved], kindNames: { outcome: { 'zh-TW': '課程學習成果', en: 'course learning outcome' } } };
    api = installFakeApi({
      [WINDOWS]: () => data,
      [LOAD]: (input) => loadFor((input as any).window.end ?? '2026-11-01', (input as any).window.end === '2026-09-30'),
      [SAVE]: (input: any) => {
        if (input.window.activity === 'receipt-confirmation') throw new FakeApiError('receipt-window-too-short', '確認期間至少須 3 天（目前 2 天）', 400);
        const w = stored({ id: input.id ?? 'w-new', version: (input.version ?? 0) + 1, ...input.window });
        data = { ...data, windows: [...data.windows.filter((x) => x.id !== w.id), w] };
        return w;
      },
      [REMOVE]: (input: any) => {
        const w = { ...data.windows.find((x) => x.id === input.id)!, version: input.version + 1, removedAt: '2026-08-10T03:00:00.000Z' };
        data = { ...data, windows: data.windows.filter((x) => x.id !== w.id), removed: [w, ...data.removed] };
        return w;
      },
      [RESTORE]: (input: any) => {
        const w = { ...data.removed.find((x) => x.id === input.id)!, version: input.version + 1, removedAt: null };
        data = { ...data, removed: data.removed.filter((x) => x.id !== w.id), windows: [...data.windows, w] };
        return w;
      },
    });
    const el = await fixture<LichengScheduleEditor>(html`<licheng-schedule-editor .token=${fakeToken()} locale="zh-TW"></licheng-schedule-editor>`);
    await waitUntil(() => el.data !== null, 'the windows never loaded');
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element = HTMLElement>(el: LichengScheduleEditor, s: string) => el.shadowRoot!.querySelector<T>(s)!;
  const $$ = <T extends Element = HTMLElement>(el: LichengScheduleEditor, s: string) => [...el.shadowRoot!.querySelectorAll<T>(s)];
  const text = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();

  async function typeDate(el: LichengScheduleEditor, id: string, value: string) {
    const field = $<DateField>(el, id);
    field.focus();
    await sendKeys({ type: value });
    await sendKeys({ press: 'Tab' });
    await field.updateComplete;
  }

  it('lists the year’s windows with ROC dates, the relative end and self-check date, and the removed ones; accessible', async () => {
    const el = await render();
    expect(api.callsTo(WINDOWS)[0]!.input).to.equal(undefined);
    expect(text($(el, 'table[part="table"] caption'))).to.equal('115 學年度已設定的作業期程');
    const rows = $$(el, 'table[part="table"] tbody tr');
    expect(text(rows[0]!.querySelector('th')!)).to.equal('課程學習成果上傳全國截止');
    expect(text(rows[1]!)).to.contain('115/11/01');
    expect(text(rows[1]!)).to.contain('的結束日前 14 天');
    expect(text(rows[1]!)).to.contain('115/11/05');
    // The national window anchors the school's: it cannot be removed, and says why before anyone tries.
    const removeNational = rows[0]!.querySelector<HTMLButtonElement>('button[aria-label^="移除"]')!;
    expect(removeNational.disabled).to.equal(true);
    expect(text($(el, `#${removeNational.getAttribute('aria-describedby')}`))).to.equal('有其他期程以此為基準，須先修改那些期程才能移除');
    expect(text($(el, 'table.removed caption'))).to.equal('已移除的作業期程（可復原）');
    await expect(el).to.be.accessible();
  });

  it('adds a window by keyboard alone, shows the load with a table and the 9/30 warning before saving, then lands on the outcome', async () => {
    const el = await render();
    $(el, '#add').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => deepActiveElement() === $(el, '#form-heading'), 'focus did not move to the form');
    $<HTMLSelectElement>(el, '#activity').focus();
    await typeDate(el, '#start', '115/09/01');
    await typeDate(el, '#end', '115/09/30');
    await waitUntil(() => el.figures?.peak != null, 'the load never showed');
    await el.updateComplete;
    expect(text($(el, '#load-status'))).to.contain('注意：115/09/30 有 900 位學生、2400 個項目同時截止');
    const loadRows = $$(el, 'table[part="load-table"] tbody tr').map(text);
    expect(loadRows).to.deep.equal(['115/09/30（本次設定） 900 2400 3', '115/11/01 120 240 1']);
    expect($(el, '.chart').getAttribute('aria-label')).to.contain('數字見右表');
    await expect(el).to.be.accessible();

    await typeDate(el, '#self-check', '115/10/05');
    $<HTMLInputElement>(el, '#qualifier').focus();
    await sendKeys({ type: '第 1 梯次' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.callsTo(SAVE).length === 1, 'never saved');
    expect(api.callsTo(SAVE)[0]!.input).to.deep.equal({
      window: { activity: 'outcome-upload', academicYear: 115, semester: 1, start: '2026-09-01', end: '2026-09-30', qualifier: '第 1 梯次', selfCheck: '2026-10-05' },
    });
    await waitUntil(() => deepActiveElement() === $(el, '#editor-status'), 'focus did not land on the outcome');
    expect(text($(el, '#editor-status'))).to.equal('已儲存「課程學習成果上傳」：115/09/01 至 115/09/30（第 1 版）。');
    expect($(el, '#row-w-new').classList.contains('done')).to.equal(true);
  });

  it('asks for the load once typing pauses, not at every key of the classes, and says when it cannot be worked out', async () => {
    const el = await render();
    $<HTMLButtonElement>(el, '#add').click();
    await el.updateComplete;
    $<HTMLSelectElement>(el, '#activity').focus();
    await typeDate(el, '#start', '115/09/01');
    await typeDate(el, '#end', '115/10/15');
    await waitUntil(() => el.figures !== null, 'the load never showed');
    const before = api.callsTo(LOAD).length;
    $<HTMLInputElement>(el, '#classes').focus();
    await sendKeys({ type: '101、102、103' });
    await waitUntil(() => api.callsTo(LOAD).length > before, 'the load was not asked again');
    await new Promise((r) => setTimeout(r, 600));
    expect(api.callsTo(LOAD).length - before).to.equal(1);
    expect((api.callsTo(LOAD).at(-1)!.input as any).window.classes).to.deep.equal(['101', '102', '103']);

    api.restore();
    api = installFakeApi({
      [LOAD]: () => {
        throw new FakeApiError('internal-error', '系統發生錯誤，請稍後再試', 500);
      },
    });
    $<HTMLInputElement>(el, '#classes').focus();
    await sendKeys({ type: '、104' });
    await waitUntil(() => el.loadFailure !== '', 'the failure is not said');
    await el.updateComplete;
    expect(text($(el, '#load-status'))).to.equal('無法計算負載（系統發生錯誤，請稍後再試）；仍可儲存。');
  });

  it('removes with 復原 at hand, restores from the status line, and restores from the removed list', async () => {
    const el = await render();
    const removeSchool = $$(el, 'table[part="table"] tbody tr')[1]!.querySelector<HTMLButtonElement>('button[aria-label^="移除"]')!;
    removeSchool.click();
    await waitUntil(() => api.callsTo(REMOVE).length === 1);
    expect(api.callsTo(REMOVE)[0]!.input).to.deep.equal({ id: 'w-school', version: 1 });
    await waitUntil(() => deepActiveElement() === $(el, '#editor-status'));
    expect(text($(el, '#editor-status'))).to.contain('已移除「課程學習成果上傳」');
    $<HTMLButtonElement>(el, '#editor-status .undo').click();
    await waitUntil(() => api.callsTo(RESTORE).length === 1);
    expect(api.callsTo(RESTORE)[0]!.input).to.deep.equal({ id: 'w-school', version: 2 });
    await waitUntil(() => text($(el, '#editor-status')).startsWith('已復原'));
    $$(el, 'table.removed button')[0]!.click();
    await waitUntil(() => api.callsTo(RESTORE).length === 2);
    expect(api.callsTo(RESTORE)[1]!.input).to.deep.equal({ id: 'w-old', version: 2 });
    await waitUntil(() => el.data!.removed.length === 0);
    await el.updateComplete;
    expect($(el, 'table.removed')).to.equal(null);
  });

  it('changes a window at the version it read, and follows another window for a relative end', async () => {
    const el = await render();
    $<HTMLButtonElement>(el, '#edit-w-school').click();
    await el.updateComplete;
    expect(text($(el, '#form-heading'))).to.equal('修改作業期程（第 1 版）');
    expect($<HTMLSelectElement>(el, '#anchor').value).to.equal('w-national');
    expect($<HTMLInputElement>(el, '#offset').value).to.equal('-14');
    const offset = $<HTMLInputElement>(el, '#offset');
    offset.value = '-21';
    offset.dispatchEvent(new Event('change'));
    // 提醒: remind 14 and 3 days before the end instead of the default 7 and 1.
    const reminders = $<HTMLInputElement>(el, '#reminders');
    expect(reminders.value).to.equal('');
    reminders.value = '14、3';
    reminders.dispatchEvent(new Event('input'));
    $<HTMLFormElement>(el, '#window-form').requestSubmit();
    await waitUntil(() => api.callsTo(SAVE).length === 1);
    expect(api.callsTo(SAVE)[0]!.input).to.deep.equal({
      id: 'w-school',
      version: 1,
      window: { activity: 'outcome-upload', academicYear: 115, semester: 1, start: '2026-09-01', endFrom: { anchor: 'w-national', edge: 'end', offsetDays: -21 }, selfCheck: '2026-11-05', reminderLeadDays: [14, 3] },
    });
    const loads = api.callsTo(LOAD);
    expect((loads[loads.length - 1]!.input as any).id).to.equal('w-school');
  });

  it('sets a relative start by keyboard (7 days after another window opens), and lists it under the start', async () => {
    const el = await render();
    $<HTMLButtonElement>(el, '#add').click();
    await el.updateComplete;
    const byDate = $<HTMLInputElement>(el, 'input[name="start-mode"][value="date"]');
    byDate.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="start-mode"][value="relative"]').checked).to.equal(true);
    expect($(el, '#start')).to.equal(null);
    const anchorField = $<HTMLSelectElement>(el, '#start-anchor');
    expect(el.shadowRoot!.querySelector('label[for="start-anchor"]')!.textContent).to.contain('開始日');
    anchorField.value = 'w-national';
    anchorField.dispatchEvent(new Event('change'));
    const edge = $<HTMLSelectElement>(el, '#start-edge');
    edge.value = 'start';
    edge.dispatchEvent(new Event('change'));
    const offset = $<HTMLInputElement>(el, '#start-offset');
    offset.value = '7';
    offset.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await typeDate(el, '#end', '115/12/20');
    await expect(el).to.be.accessible();
    $<HTMLFormElement>(el, '#window-form').requestSubmit();
    await waitUntil(() => api.callsTo(SAVE).length === 1);
    expect(api.callsTo(SAVE)[0]!.input).to.deep.equal({
      window: { activity: 'outcome-upload', academicYear: 115, semester: 1, startFrom: { anchor: 'w-national', edge: 'start', offsetDays: 7 }, end: '2026-12-20' },
    });
    await waitUntil(() => deepActiveElement() === $(el, '#editor-status'));
    // The stored window (the fake keeps what was sent) is listed with how its start follows the anchor.
    data = { ...data, windows: data.windows.map((w) => (w.id === 'w-new' ? { ...w, start: '2026-09-08' } : w)) };
    await el.load();
    await el.updateComplete;
    const row = $$(el, 'table[part="table"] tbody tr').find((r) => r.textContent!.includes('115/09/08'))!;
    expect(text(row)).to.contain('的開始日後 7 天');
  });

  it('edits a window with a relative start at the anchor it follows', async () => {
    const follower = stored({ id: 'w-follow', activity: 'outcome-certification', start: '2026-09-08', end: '2026-11-20', startFrom: { anchor: 'w-national', edge: 'start', offsetDays: 7 } });
    const el = await render();
    data = { ...data, windows: [...data.windows, follower] };
    await el.load();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#edit-w-follow').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="start-mode"][value="relative"]').checked).to.equal(true);
    expect($<HTMLSelectElement>(el, '#start-anchor').value).to.equal('w-national');
    expect($<HTMLSelectElement>(el, '#start-edge').value).to.equal('start');
    expect($<HTMLInputElement>(el, '#start-offset').value).to.equal('7');
    // Back to a date: the date field returns and the relative fields go.
    $<HTMLInputElement>(el, 'input[name="start-mode"][value="date"]').click();
    await el.updateComplete;
    expect($(el, '#start-anchor')).to.equal(null);
    expect($<DateField>(el, '#start').value).to.equal('2026-09-08');
  });

  it('shows a refusal as an alert and keeps the form; cancel returns to what opened it', async () => {
    const el = await render();
    $<HTMLButtonElement>(el, '#add').click();
    await el.updateComplete;
    const activity = $<HTMLSelectElement>(el, '#activity');
    activity.value = 'receipt-confirmation';
    activity.dispatchEvent(new Event('change'));
    await typeDate(el, '#start', '115/12/01');
    await typeDate(el, '#end', '115/12/02');
    $<HTMLFormElement>(el, '#window-form').requestSubmit();
    await waitUntil(() => deepActiveElement() === $(el, '#editor-failure'));
    expect(text($(el, '#editor-failure'))).to.equal('確認期間至少須 3 天（目前 2 天）');
    expect($(el, '#window-form')).to.not.equal(null);
    $$<HTMLButtonElement>(el, '#window-form .actions button')[1]!.click();
    await waitUntil(() => deepActiveElement() === $(el, '#add'));
    expect(text($(el, '#editor-status'))).to.equal('已取消，期程未變更。');
  });

  it('edits another academic year chosen in the year picker', async () => {
    const el = await render();
    const picker = $<HTMLSelectElement>(el, '#editor-year');
    expect([...picker.options].map((o) => o.value)).to.deep.equal(['114', '115', '116']);
    picker.value = '116';
    picker.dispatchEvent(new Event('change'));
    await waitUntil(() => api.callsTo(WINDOWS).length === 2);
    expect(api.callsTo(WINDOWS)[1]!.input).to.deep.equal({ academicYear: 116 });
  });

  it('works at 390 px: rows become cards and nothing scrolls sideways', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await render();
    $<HTMLButtonElement>(el, '#add').click();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    expect(getComputedStyle($(el, 'table[part="table"] tbody tr')).display).to.equal('block');
    await expect(el).to.be.accessible();
  });
});
