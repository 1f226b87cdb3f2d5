import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement, type Dialog } from '@licheng/ui';
import type { RecordDesk } from '@licheng/ui/records';
import type { Role } from '@licheng/core';
import './affairs-desk.ts';
import type { StudentAffairsDesk } from './affairs-desk.component.ts';
import type { CertifyList } from './certify-list.component.ts';
import { bootstrap, mount, unmount } from '../index.ts';
import { fitnessRow, kindsFor, me, serviceRow } from '../testing/fixtures.ts';

describe('<licheng-student-affairs-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(roles: Role[], pending = [fitnessRow, serviceRow], locale = 'zh-TW', handlers: Record<string, (input: unknown) => unknown> = {}) {
    let waiting = [...pending];
    api = installFakeApi({
      'platform.me': () => me(roles),
      'student-affairs.records.kinds': () => kindsFor(roles),
      'student-affairs.records.list': (input) => {
        const { status, kind } = input as { status?: string; kind?: string };
        const rows = status === 'pending' ? waiting : waiting.filter((r) => r.kind === kind);
        return { rows, total: rows.length, page: 1, pageSize: 200 };
      },
      'student-affairs.records.decide': (input) => {
        const { id } = input as { id: string };
        waiting = waiting.filter((r) => r.id !== id);
        return { id, status: 'passed', version: 2 };
      },
      ...handlers,
    });
    const el = await fixture<StudentAffairsDesk>(html`<licheng-student-affairs-desk .token=${fakeToken()} locale=${locale}></licheng-student-affairs-desk>`);
    await waitUntil(() => el.kinds !== null && (el.tab !== '' || roles.includes('registry-staff')), 'kinds never loaded');
    await el.updateComplete;
    return el;
  }

  const tabs = (el: StudentAffairsDesk) => [...el.shadowRoot!.querySelectorAll('[part="sections"] [role="tab"]')].map((b) => b.textContent!.trim());
  const desk = (el: StudentAffairsDesk) => el.shadowRoot!.querySelector<RecordDesk>('licheng-record-desk')!;
  const deskTabs = async (el: StudentAffairsDesk) => {
    await desk(el).updateComplete;
    return [...desk(el).shadowRoot!.querySelectorAll('[role="tab"]')].map((b) => b.textContent!.trim());
  };

  it('shows the whole office every section and 待認證 with its count, each section its own kinds; accessible', async () => {
    const el = await render(['student-affairs-staff']);
    expect(tabs(el)).to.deep.equal(['訓育組', '生輔組', '社團活動組', '體育組', '待認證 (2)']);
    expect(await deskTabs(el)).to.deep.equal(['校內幹部經歷', '校內服務時數', '校外服務時數', '課外課程（含教育旅行）']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#section-discipline')!.click();
    await el.updateComplete;
    expect(await deskTabs(el)).to.deep.equal(['出勤曠課紀錄', '獎勵懲罰紀錄']);
    expect(desk(el).heading).to.equal('生輔組');
    await expect(el).to.be.accessible();
  });

  it('names on its export button the kind the desk shows, following the desk as its kind changes', async () => {
    const el = await render(['student-affairs-staff']);
    const exportButton = () => el.shadowRoot!.querySelector<HTMLButtonElement>('.export button')!.textContent!.trim();
    expect(exportButton()).to.contain('校內幹部經歷');
    desk(el).kind = 'service-hours-in';
    await waitUntil(() => exportButton().includes('校內服務時數'), 'the export button did not follow the desk');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#section-discipline')!.click();
    await waitUntil(() => exportButton().includes('出勤曠課紀錄'), 'the export button did not follow the section');
  });

  it('limits a section to its own tab (and 待認證 for the kinds it certifies), moving by arrow keys', async () => {
    const pe = await render(['pe-staff'], [fitnessRow]);
    expect(tabs(pe)).to.deep.equal(['體育組', '待認證 (1)']);
    expect(await deskTabs(pe)).to.deep.equal([]); // one kind: no kind tabs
    expect(desk(pe).kinds.map((k) => k.id)).to.deep.equal(['fitness']);
    const first = pe.shadowRoot!.querySelector<HTMLButtonElement>('#section-pe')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await waitUntil(() => pe.tab === 'certify');
    await pe.updateComplete;
    expect(deepActiveElement()?.id).to.equal('section-certify');
    api.restore();
    const discipline = await render(['discipline-staff'], []);
    expect(tabs(discipline)).to.deep.equal(['生輔組', '待認證']);
    api.restore();
    const clubs = await render(['clubs-staff'], []);
    expect(tabs(clubs)).to.deep.equal(['社團活動組', '待認證']); // 校內服務時數 (every office); its clubs are certified by 訓育組
    expect(kindsFor(['clubs-staff']).filter((k) => k.mayCertify).map((k) => k.id)).to.deep.equal(['service-hours-in']);
  });

  it('enters through the section’s procedures with the desk’s submission', async () => {
    const el = await render(['activities-staff'], [], 'zh-TW', { 'student-affairs.records.enter': () => ({ id: 'new', status: 'passed', version: 1 }) });
    const saved = await desk(el).source!.enter('cadre', { data: { unit: '學生會', startDate: '2025-09-01', endDate: null, position: '會長', level: '1' }, summary: '', files: { document: null, media: null }, videoLink: '', studentNo: 'S001', academicYear: 114, semester: 1 });
    expect(saved.id).to.equal('new');
    expect(api.callsTo('student-affairs.records.enter')[0]!.input).to.deep.equal({ kind: 'cadre', studentNo: 'S001', academicYear: 114, semester: 1, summary: '', data: { unit: '學生會', startDate: '2025-09-01', endDate: null, position: '會長', level: '1' } });
    expect(desk(el).defaultYear).to.equal(114);
  });

  it('passes a pending record and fails another with a reason; focus lands on what happened', async () => {
    const el = await render(['student-affairs-staff']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#section-certify')!.click();
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector<CertifyList>('licheng-student-affairs-certify')!;
    await waitUntil(() => list.records !== null);
    await list.updateComplete;
    const rows = () => [...list.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows().map((r) => r.querySelector('th')!.textContent!.trim())).to.deep.equal(['101 班 1 號 陳小明（S001）', '101 班 2 號 林小華（S002）']);
    expect(rows()[1]!.textContent).to.include('114/09/20');
    expect(rows()[1]!.textContent).to.include('學生自行登錄');
    await expect(list).to.be.accessible();

    list.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="通過 陳小明 114/09/15"]')!.click();
    await waitUntil(() => rows().length === 1, 'passed record still listed');
    expect(api.callsTo('student-affairs.records.decide')[0]!.input).to.deep.equal({ id: 'r-fit', version: 1, decision: 'pass' });
    await waitUntil(() => deepActiveElement()?.id === 'certify-note', 'focus not on the outcome');
    expect(list.note).to.deep.equal({ variant: 'success', text: '已通過 陳小明 114/09/15（體適能資料）。' });
    await waitUntil(() => el.pendingCount === 1);
    await el.updateComplete;
    expect(tabs(el).at(-1)).to.equal('待認證 (1)');

    list.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="不通過 林小華 淨灘"]')!.click();
    const dialog = list.shadowRoot!.querySelector<Dialog>('licheng-dialog')!;
    await waitUntil(() => dialog.open);
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click();
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('#fail-error')!.textContent).to.equal('請填寫不通過的原因');
    expect(dialog.open).to.equal(true);
    await expect(list).to.be.accessible();
    const reason = list.shadowRoot!.querySelector<HTMLTextAreaElement>('#fail-reason')!;
    reason.value = '請附服務證明';
    reason.dispatchEvent(new Event('input'));
    await list.updateComplete;
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click();
    await waitUntil(() => rows().length === 0, 'failed record still listed');
    expect(api.callsTo('student-affairs.records.decide')[1]!.input).to.deep.equal({ id: 'r-svc', version: 1, decision: 'fail', reason: '請附服務證明' });
    await waitUntil(() => deepActiveElement()?.id === 'certify-note');
    expect(list.shadowRoot!.textContent).to.include('目前沒有待認證的紀錄。');
  });

  it('says why a refused decision failed, and speaks English', async () => {
    const el = await render(['pe-staff'], [fitnessRow], 'en', {
      'student-affairs.records.decide': () => {
        throw new Error('already decided');
      },
    });
    expect(tabs(el)).to.deep.equal(['Physical education', 'To certify (1)']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#section-certify')!.click();
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector<CertifyList>('licheng-student-affairs-certify')!;
    await waitUntil(() => list.records !== null);
    await list.updateComplete;
    list.shadowRoot!.querySelector<HTMLButtonElement>('tbody button.primary')!.click();
    await waitUntil(() => list.note.variant === 'error');
    expect(list.note.text).to.match(/^Certification failed: /);
    expect(list.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(1);
  });

  it('tells a user without a section so, and mounts as a single-spa application', async () => {
    const el = await render(['registry-staff'], []);
    expect(tabs(el)).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.include('您的帳號沒有學務處各組的權限。');
    const host = document.createElement('div');
    document.body.append(host);
    const props = { name: '@licheng/plugin-student-affairs', singleSpa: {} as never, mountParcel: (() => {}) as never, domElement: host, token: fakeToken(), apiBase: '', locale: 'zh-TW' as const };
    await bootstrap(props);
    await mount(props);
    expect(host.querySelector('licheng-student-affairs-desk')).to.not.equal(null);
    await unmount(props);
    host.remove();
  });
});
