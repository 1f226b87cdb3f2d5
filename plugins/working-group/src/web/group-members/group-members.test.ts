import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './group-members.ts';
import type { GroupMembers } from './group-members.component.ts';
import { member, members115 } from '../testing/group-fixtures.ts';
import type { MemberList } from '../group-api.ts';

const $ = <T extends Element>(el: GroupMembers, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
function type(el: GroupMembers, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('<licheng-group-members>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function mount(list: MemberList, extra: Record<string, (input: any) => unknown> = {}) {
    let current = list;
    api = installFakeApi({ 'working-group.members.list': () => current, ...extra });
    const el = await fixture<GroupMembers>(html`<licheng-group-members .token=${fakeToken()} locale="zh-TW"></licheng-group-members>`);
    await waitUntil(() => el.shadowRoot!.querySelector('table'));
    return { el, setList: (next: MemberList) => (current = next) };
  }

  it('lists the year’s members by role with an h2, and is accessible', async () => {
    const { el } = await mount(members115);
    expect($(el, 'h2').textContent).to.equal('工作小組成員');
    expect($(el, 'caption').textContent).to.equal('115 學年度工作小組：在任 3 人');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => [...r.children].slice(0, 2).map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal([['召集人', '陳校長'], ['執行秘書', '李主任'], ['委員', '張委員']]);
    await expect(el).to.be.accessible();
  });

  it('says why a member cannot be added yet, before anything is sent: no name, no group, a convenor already serving', async () => {
    const { el } = await mount(members115);
    const submit = $<HTMLButtonElement>(el, 'form button[type="submit"]');
    expect(submit.disabled).to.equal(true);
    expect($(el, '#member-why').textContent).to.equal('請先填寫姓名。');
    type(el, '#member-name', '王校長');
    await el.updateComplete;
    expect($(el, '#member-why').textContent).to.equal('請先填寫處室或代表別。');
    type(el, '#member-representing', '校長室');
    const role = $<HTMLSelectElement>(el, '#member-role');
    role.value = 'convenor';
    role.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(submit.disabled).to.equal(true);
    expect($(el, '#member-why').textContent).to.equal('本學年度已有召集人（陳校長），請先結束其任期。');
    expect(api.callsTo('working-group.members.add')).to.have.length(0);
  });

  it('adds a member, marks it in the list and puts focus on the message', async () => {
    const added = member({ id: 'm4', name: '學生代表甲', representing: '學生代表' });
    const { el, setList } = await mount(members115, {
      'working-group.members.add': (input) => {
        setList({ ...members115, members: [...members115.members, added] });
        return { ...added, ...(input as object) };
      },
    });
    type(el, '#member-name', '學生代表甲');
    type(el, '#member-representing', '學生代表');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => $(el, '#members-note').getAttribute('variant') === 'success' && el.shadowRoot!.querySelectorAll('tbody tr').length === 4);
    expect(api.callsTo('working-group.members.add')[0]!.input).to.deep.equal({ academicYear: 115, name: '學生代表甲', title: '', representing: '學生代表', role: 'member', userId: null });
    expect(deepActiveElement()?.id).to.equal('members-note');
    expect(el.shadowRoot!.querySelector('tr.fresh th')!.textContent).to.equal('學生代表甲');
  });

  it('ends a membership, keeps it listed, and takes it back with 復原', async () => {
    const ended = { ...members115.members[2]!, endedOn: '2026-11-27' };
    const { el, setList } = await mount(members115, {
      'working-group.members.end': (input: any) => {
        const after = input.action === 'end' ? ended : members115.members[2]!;
        setList({ ...members115, members: [...members115.members.slice(0, 2), after] });
        return after;
      },
    });
    $<HTMLButtonElement>(el, 'button[aria-label="結束任期：張委員"]').click();
    await waitUntil(() => el.shadowRoot!.textContent!.includes('115/11/27 卸任'));
    expect($(el, '#members-note').getAttribute('variant')).to.equal('success');
    const undo = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === '復原')!;
    undo.click();
    await waitUntil(() => api.callsTo('working-group.members.end').length === 2 && !el.shadowRoot!.textContent!.includes('卸任'));
    expect(api.callsTo('working-group.members.end').map((c: any) => c.input.action)).to.deep.equal(['end', 'restore']);
    await expect(el).to.be.accessible();
  });
});
