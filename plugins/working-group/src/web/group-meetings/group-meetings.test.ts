import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './group-meetings.ts';
import type { GroupMeetings } from './group-meetings.component.ts';
import { meeting, meetings115, members115 } from '../testing/group-fixtures.ts';
import type { MeetingList } from '../group-api.ts';

const $ = <T extends Element>(el: GroupMeetings, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
function type(el: GroupMeetings, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('<licheng-group-meetings>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function mount(list: MeetingList, extra: Record<string, (input: any) => unknown> = {}) {
    let current = list;
    api = installFakeApi({ 'working-group.meetings.list': () => current, 'working-group.members.list': () => members115, ...extra });
    const el = await fixture<GroupMeetings>(html`<licheng-group-meetings .token=${fakeToken()} locale="zh-TW"></licheng-group-meetings>`);
    await waitUntil(() => el.shadowRoot!.querySelector('form'));
    return { el, setList: (next: MeetingList) => (current = next) };
  }

  it('warns of the semester without a meeting, says why the form cannot be saved yet, and is accessible', async () => {
    const { el } = await mount(meetings115);
    expect($(el, 'h2').textContent).to.equal('工作小組會議');
    expect($(el, '#meetings-warning').textContent).to.contain('115 學年度第 1 學期尚未召開工作小組會議（每學期至少召開一次）。');
    expect($<HTMLButtonElement>(el, '#meeting-submit').disabled).to.equal(true);
    expect($(el, '#meeting-why').textContent).to.equal('請先填寫會議日期。');
    expect($(el, 'form').textContent).to.contain('請先填寫會議日期，再登錄出缺席。');
    await expect(el).to.be.accessible();
  });

  it('records a meeting with decisions and attendance; the warning goes away and focus lands on the message', async () => {
    const saved = meeting({ id: 'g1', date: '2026-11-20', academicYear: 115, semester: 1, counts: { present: 2, excused: 1, absent: 0 } });
    const { el, setList } = await mount(meetings115, {
      'working-group.meetings.save': () => {
        setList({ ...meetings115, meetings: [saved], missing: [] });
        return saved;
      },
    });
    $(el, '#meeting-date').dispatchEvent(new CustomEvent('licheng-date-change', { detail: { value: '2026-11-20' } }));
    await waitUntil(() => el.shadowRoot!.querySelector('input[name="attendance-m1"]'));
    type(el, '#meeting-place', '第一會議室');
    type(el, '#meeting-agenda', '一、作業期程');
    $<HTMLButtonElement>(el, '#decision-add').click();
    await waitUntil(() => deepActiveElement()?.id === 'decision-0', 'focus moves into the new decision');
    expect($(el, '#meeting-why').textContent).to.equal('第 1 項決議沒有內容，請填寫或移除。');
    type(el, '#decision-0', '通過作業期程');
    type(el, '#decision-owner-0', '教務處');
    for (const [id, state] of [['m1', 'present'], ['m2', 'present'], ['m3', 'excused']]) {
      const radio = $<HTMLInputElement>(el, `input[name="attendance-${id}"][value="${state}"]`);
      radio.checked = true;
      radio.dispatchEvent(new Event('change'));
    }
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#meeting-submit').click();
    await waitUntil(() => $(el, '#meetings-note').getAttribute('variant') === 'success');
    expect(api.callsTo('working-group.meetings.save')[0]!.input).to.deep.equal({
      date: '2026-11-20',
      place: '第一會議室',
      agenda: '一、作業期程',
      minutes: '',
      decisions: [{ text: '通過作業期程', owner: '教務處', due: null }],
      attendance: [
        { memberId: 'm1', state: 'present' },
        { memberId: 'm2', state: 'present' },
        { memberId: 'm3', state: 'excused' },
      ],
    });
    expect($(el, '#meetings-note').getAttribute('message')).to.equal(null);
    expect(($(el, '#meetings-note') as any).message).to.equal('已儲存 115/11/20 的會議。');
    expect(deepActiveElement()?.id).to.equal('meetings-note');
    expect($(el, '#meetings-warning').textContent).to.equal('近兩學年每學期都已召開會議。');
    expect($(el, 'tr.fresh').textContent).to.contain('出席 2、請假 1、缺席 0');
    await expect(el).to.be.accessible();
  });

  it('deletes a meeting only after a confirmation', async () => {
    const held = meeting({ id: 'g1', date: '2026-11-20', academicYear: 115, semester: 1 });
    const { el, setList } = await mount({ ...meetings115, meetings: [held], missing: [] }, {
      'working-group.meetings.remove': () => {
        setList(meetings115);
        return { id: 'g1' };
      },
    });
    $<HTMLButtonElement>(el, 'button[aria-label="刪除：115/11/20"]').click();
    const dialog = $<HTMLElement & { shadowRoot: ShadowRoot }>(el, 'licheng-dialog');
    await waitUntil(() => dialog.shadowRoot.querySelector('dialog')?.open);
    expect(dialog.getAttribute('heading')).to.equal('刪除 115/11/20 的會議？');
    (dialog.shadowRoot.querySelector('[part="confirm"]') as HTMLButtonElement).click();
    await waitUntil(() => ($(el, '#meetings-note') as any).message === '已刪除 115/11/20 的會議。');
    expect(api.callsTo('working-group.meetings.remove')).to.have.length(1);
    expect($(el, '#meetings-warning').textContent).to.contain('尚未召開');
  });
});
