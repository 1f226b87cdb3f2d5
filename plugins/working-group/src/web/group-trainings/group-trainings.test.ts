import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './group-trainings.ts';
import type { GroupTrainings } from './group-trainings.component.ts';
import { trainings115 } from '../testing/group-fixtures.ts';
import type { TrainingList } from '../group-api.ts';

const $ = <T extends Element>(el: GroupTrainings, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
function type(el: GroupTrainings, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
const noteText = (el: GroupTrainings) => ($(el, '#trainings-note') as HTMLElement & { message: string }).message;

describe('<licheng-group-trainings>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function mount(list: TrainingList, extra: Record<string, (input: any) => unknown> = {}) {
    let current = list;
    api = installFakeApi({ 'working-group.trainings.list': () => current, ...extra });
    const el = await fixture<GroupTrainings>(html`<licheng-group-trainings .token=${fakeToken()} locale="zh-TW"></licheng-group-trainings>`);
    await waitUntil(() => el.shadowRoot!.querySelector('table'));
    return { el, setList: (next: TrainingList) => (current = next) };
  }

  it('shows the school’s rule, the kind missing, the year’s trainings, and is accessible', async () => {
    const { el } = await mount(trainings115);
    expect($(el, 'h2').textContent).to.equal('研習與宣導');
    expect(el.shadowRoot!.textContent).to.contain('本校規定：學生訓練每學期至少一次；教師研習每學期至少一次；親師說明每學年至少一次。');
    expect($(el, '#trainings-warning').textContent).to.contain('115 學年度尚未辦理親師說明。');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.querySelector('th')!.textContent);
    expect(rows).to.deep.equal(['學生選課輔導訓練', '學習歷程教師研習']);
    expect(el.shadowRoot!.textContent).to.contain('300 人');
    expect(el.shadowRoot!.textContent).to.contain('尚未辦理');
    await expect(el).to.be.accessible();
  });

  it('keeps the attendance count closed until a held date is given, and saves a planned session', async () => {
    const { el } = await mount(trainings115, { 'working-group.trainings.save': (input: any) => ({ ...trainings115.trainings[1]!, ...input, id: 't3' }) });
    expect($<HTMLInputElement>(el, '#training-count').disabled).to.equal(true);
    expect($(el, '#training-count-hint').textContent).to.equal('填寫辦理日期後才能登錄參加人數。');
    expect($(el, '#training-why').textContent).to.equal('請先填寫名稱。');
    const kind = $<HTMLSelectElement>(el, '#training-kind');
    kind.value = 'parent';
    kind.dispatchEvent(new Event('change'));
    type(el, '#training-title', '親師座談會宣導');
    type(el, '#training-owner', '輔導室');
    $(el, '#training-planned').dispatchEvent(new CustomEvent('licheng-date-change', { detail: { value: '2026-12-05' } }));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#training-submit').click();
    await waitUntil(() => noteText(el) === '已儲存「親師座談會宣導」。');
    expect(api.callsTo('working-group.trainings.save')[0]!.input).to.deep.equal({ academicYear: 115, semester: 1, kind: 'parent', title: '親師座談會宣導', ownerOffice: '輔導室', plannedDate: '2026-12-05', heldDate: null });
    expect(deepActiveElement()?.id).to.equal('trainings-note');
  });

  it('checks an attendance list first and shows its problems row by row; a clean list imports', async () => {
    let clean = false;
    const { el } = await mount(trainings115, {
      'working-group.trainings.importAttendance': (input: FormData) =>
        !clean
          ? { committed: false, rows: 3, attendees: 2, training: null, issues: [{ row: 3, column: '姓名', code: 'import-value-required', params: { column: '姓名' }, message: '「姓名」為必填' }] }
          : { committed: input.get('dryRun') === 'false', rows: 2, attendees: 2, issues: [], training: null },
    });
    expect($<HTMLButtonElement>(el, '#import-check').disabled).to.equal(true);
    expect($(el, '#import-why').textContent).to.equal('請先選擇已辦理的研習或宣導。');
    const choose = $<HTMLSelectElement>(el, '#import-training');
    expect([...choose.options].map((o) => o.value)).to.deep.equal(['', 't1']);
    choose.value = 't1';
    choose.dispatchEvent(new Event('change'));
    const file = $<HTMLInputElement>(el, '#attendance-file');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['班級,姓名\n101,王小明\n101,\n'], 'list.csv'));
    file.files = transfer.files;
    file.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '#import-commit').disabled).to.equal(true);
    $<HTMLButtonElement>(el, '#import-check').click();
    await waitUntil(() => noteText(el) === '檔案有 1 個問題，未匯入任何資料');
    expect($(el, 'table[aria-label="檔案有 1 個問題，未匯入任何資料"] tbody').textContent).to.contain('「姓名」為必填');
    expect($<HTMLButtonElement>(el, '#import-commit').disabled).to.equal(true);
    clean = true;
    await waitUntil(() => !$<HTMLButtonElement>(el, '#import-check').disabled);
    $<HTMLButtonElement>(el, '#import-check').click();
    await waitUntil(() => noteText(el) === '檔案沒有問題，共 2 人，可以匯入。');
    await waitUntil(() => !$<HTMLButtonElement>(el, '#import-commit').disabled);
    $<HTMLButtonElement>(el, '#import-commit').click();
    await waitUntil(() => noteText(el) === '已匯入「學生選課輔導訓練」的簽到表，共 2 人。');
    expect(api.callsTo('working-group.trainings.importAttendance').map((c) => (c.input as FormData).get('dryRun'))).to.deep.equal(['true', 'true', 'false']);
    expect(deepActiveElement()?.id).to.equal('trainings-note');
    await expect(el).to.be.accessible();
  });

  it('shows a refusal as an error in the message', async () => {
    const { el } = await mount(trainings115, { 'working-group.trainings.save': () => { throw new FakeApiError('wg-held-in-future', '辦理日期 115/12/01 尚未到來，請待辦理後再填寫'); } });
    type(el, '#training-title', '研習');
    type(el, '#training-owner', '教務處');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#training-submit').click();
    await waitUntil(() => $(el, '#trainings-note').getAttribute('variant') === 'error');
    expect(noteText(el)).to.contain('尚未到來');
  });
});
