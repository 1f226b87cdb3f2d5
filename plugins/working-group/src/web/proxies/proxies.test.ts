import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './proxies.ts';
import type { LichengProxies } from './proxies.component.ts';
import type { ProxiesOverview } from '../api.ts';

const teachers = [
  { userId: 't-wang', name: '王老師' },
  { userId: 't-chen', name: '陳老師' },
  { userId: 't-li', name: '李老師' },
];

/** A small working group server: keeps the lists, absences and departures the calls change. */
function fakeServer() {
  const state: ProxiesOverview = {
    today: '2025-10-01',
    scopes: [{ id: 'certification', roles: [] }, { id: 'registry', roles: ['registry-staff'] }],
    teachers,
    lists: [{ principal: teachers[0]!, scope: 'certification', proxies: [{ id: 'p1', userId: 't-chen', name: '陳老師', position: 1 }, { id: 'p2', userId: 't-li', name: '李老師', position: 2 }], actingToday: { userId: 't-chen', name: '陳老師' } }],
    absences: [{ id: 'a1', userId: 't-wang', name: '王老師', fromDate: '2025-09-29', toDate: '2025-10-03', reason: '公假', current: true }],
    departures: [],
  };
  const handlers = {
    'working-group.proxies.list': () => structuredClone(state),
    'working-group.proxies.save': (input: any) => {
      const others = state.lists.filter((l) => !(l.scope === input.scope && l.principal.userId === input.principal.userId));
      const name = (id: string) => teachers.find((x) => x.userId === id)!.name;
      const proxies = input.proxies.map((p: any, i: number) => ({ id: `n${i}`, userId: p.userId, name: name(p.userId), position: i + 1 }));
      state.lists = proxies.length ? [...others, { principal: { userId: input.principal.userId, name: name(input.principal.userId) }, scope: input.scope, proxies, actingToday: null }] : others;
      return { principal: input.principal, scope: input.scope, proxies: input.proxies, roles: [] };
    },
    'working-group.absences.record': (input: any) => {
      state.absences.push({ id: 'a2', userId: input.member.userId, name: teachers.find((x) => x.userId === input.member.userId)!.name, fromDate: input.fromDate, toDate: input.toDate, reason: input.reason, current: false });
      return { id: 'a2' };
    },
    'working-group.absences.end': (input: any) => ((state.absences = state.absences.filter((a) => a.id !== input.id)), { id: input.id }),
    'working-group.departures.record': (input: any) => {
      state.departures.push({ id: 'd1', userId: input.member.userId, name: teachers.find((x) => x.userId === input.member.userId)!.name, departedOn: input.departedOn, certificationUntil: input.certificationUntil, note: input.note });
      return { id: 'd1' };
    },
    'working-group.departures.withdraw': (input: any) => ((state.departures = state.departures.filter((d) => d.id !== input.id)), { id: input.id }),
  };
  return { state, handlers };
}

describe('<licheng-proxies>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(locale = 'zh-TW') {
    const server = fakeServer();
    api = installFakeApi(server.handlers);
    const el = await fixture<LichengProxies>(html`<licheng-proxies .token=${fakeToken()} locale=${locale}></licheng-proxies>`);
    await waitUntil(() => el.overview !== null, 'never loaded');
    await el.updateComplete;
    return { el, server };
  }
  const $ = <T extends Element>(el: LichengProxies, s: string) => el.shadowRoot!.querySelector<T>(s)!;
  const items = (el: LichengProxies) => [...el.shadowRoot!.querySelectorAll('li[data-item]')].map((li) => li.querySelector('.who')!.textContent!.replace(/\s+/g, ' ').trim());
  const settle = (el: LichengProxies) => waitUntil(() => !el.busy, 'still busy').then(() => el.updateComplete);

  it('shows who acts today, the ordered list, absences; accessible', async () => {
    const { el } = await render();
    expect($(el, 'h2').textContent).to.equal('代理人');
    expect($(el, 'ul.today').textContent!.trim()).to.equal('陳老師 代理 王老師（課程學習成果認證）');
    expect(items(el)).to.deep.equal(['第 1 順位 陳老師 （今日代理中）', '第 2 順位 李老師']);
    expect($(el, '#absences-table tbody tr').textContent).to.contain('114/09/29');
    // The first cannot move up, the last cannot move down: disabled before anyone tries.
    expect($<HTMLButtonElement>(el, '[data-move="certification-t-wang-t-chen-up"]').disabled).to.equal(true);
    expect($<HTMLButtonElement>(el, '[data-move="certification-t-wang-t-li-down"]').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('moves a proxy down; focus stays with the moved person', async () => {
    const { el } = await render();
    const down = $<HTMLButtonElement>(el, '[data-move="certification-t-wang-t-chen-down"]');
    down.focus();
    down.click();
    await settle(el);
    await waitUntil(() => items(el)[0]?.includes('李老師'));
    expect(api.callsTo('working-group.proxies.save')[0]!.input).to.deep.equal({ principal: { userId: 't-wang', name: '王老師' }, scope: 'certification', proxies: [{ userId: 't-li', name: '李老師' }, { userId: 't-chen', name: '陳老師' }] });
    expect($(el, '#proxies-outcome').textContent).to.contain('李老師、陳老師');
    await waitUntil(() => deepActiveElement()?.getAttribute('data-move') === 'certification-t-wang-t-chen-up', 'focus did not follow the moved proxy');
  });

  it('removes a proxy with undo, and undo puts the list back with focus on the restored person', async () => {
    const { el } = await render();
    $<HTMLButtonElement>(el, 'button[aria-label="移除：李老師"]').click();
    await settle(el);
    expect(items(el)).to.deep.equal(['第 1 順位 陳老師']);
    expect($(el, '#proxies-outcome').textContent).to.contain('已將 李老師 移出 王老師 的課程學習成果認證代理人名單');
    await waitUntil(() => deepActiveElement()?.id === 'undo', 'focus is not on undo');
    (deepActiveElement() as HTMLButtonElement).click();
    await settle(el);
    await waitUntil(() => items(el).length === 2);
    expect(items(el)[1]).to.equal('第 2 順位 李老師');
    await waitUntil(() => deepActiveElement()?.textContent?.includes('李老師') && deepActiveElement()?.tagName === 'LI', 'focus is not on the restored person');
  });

  it('adds a proxy only once chosen, with the reason shown before; focus lands on the new entry', async () => {
    const { el } = await render();
    const submit = $<HTMLButtonElement>(el, 'form.add button[type="submit"]');
    expect(submit.disabled).to.equal(true);
    expect($<HTMLElement>(el, '#add-reason').hidden).to.equal(false);
    const [principal, scope, proxy] = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('form.add select')];
    principal!.value = 't-chen';
    principal!.dispatchEvent(new Event('change'));
    scope!.value = 'registry';
    scope!.dispatchEvent(new Event('change'));
    proxy!.value = 't-chen';
    proxy!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(submit.disabled, 'not one’s own proxy').to.equal(true);
    proxy!.value = 't-li';
    proxy!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(submit.disabled).to.equal(false);
    submit.click();
    await settle(el);
    await waitUntil(() => deepActiveElement()?.getAttribute('data-item') === 'registry-t-chen-t-li', 'focus not on the added proxy');
    expect($(el, '#list-registry-t-chen').textContent).to.equal('陳老師：註冊組業務');
  });

  it('records an absence once every field is filled; the outcome says it in 民國 dates and focus lands on the table', async () => {
    const { el } = await render();
    const form = el.shadowRoot!.querySelectorAll<HTMLFormElement>('form.staff-form')[0]!;
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(submit.disabled).to.equal(true);
    expect(form.querySelector<HTMLElement>('.needs')!.hidden).to.equal(false);
    form.querySelector('select')!.value = 't-li';
    const [from, to] = [...form.querySelectorAll('licheng-date-field')];
    from!.value = '2025-10-06';
    to!.value = '2025-10-07';
    const reason = form.querySelector<HTMLInputElement>('input[name="reason"]')!;
    reason.value = '病假';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.all([from!.updateComplete, to!.updateComplete]);
    expect(submit.disabled).to.equal(false);
    submit.click();
    await settle(el);
    expect(api.callsTo('working-group.absences.record')[0]!.input).to.deep.equal({ member: { userId: 't-li' }, fromDate: '2025-10-06', toDate: '2025-10-07', reason: '病假' });
    expect($(el, '#proxies-outcome').textContent).to.contain('已登錄 李老師 請假 114/10/06 至 114/10/07。');
    await waitUntil(() => deepActiveElement()?.id === 'absences-table', 'focus is not on the absences');
    expect(submit.disabled, 'the emptied form waits for the next one').to.equal(true);
  });

  it('ends an absence, and records and withdraws (confirmed) a departure; in English too', async () => {
    const { el } = await render('en');
    $<HTMLButtonElement>(el, 'button[aria-label="End absence: 王老師"]').click();
    await settle(el);
    expect($(el, '#proxies-outcome').textContent).to.contain('The absence of 王老師 has ended.');
    const form = el.shadowRoot!.querySelectorAll<HTMLFormElement>('form.staff-form')[1]!;
    const select = form.querySelector('select')!;
    select.value = 't-li';
    const [on, until] = [...form.querySelectorAll('licheng-date-field')];
    on!.value = '2025-10-01';
    until!.value = '2025-10-31';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.all([on!.updateComplete, until!.updateComplete]);
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(submit.disabled).to.equal(false);
    submit.click();
    await settle(el);
    expect(api.callsTo('working-group.departures.record')[0]!.input).to.deep.equal({ member: { userId: 't-li' }, departedOn: '2025-10-01', certificationUntil: '2025-10-31', note: '' });
    expect($(el, '#departures-table tbody tr').textContent).to.contain('2025-10-31');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button[aria-label="Withdraw: departure of 李老師"]').click();
    const dialog = $<any>(el, 'licheng-dialog#withdraw-dialog');
    await waitUntil(() => dialog.open, 'no confirmation');
    dialog.shadowRoot.querySelector('[part="confirm"]').click();
    await waitUntil(() => api.callsTo('working-group.departures.withdraw').length === 1);
    await settle(el);
    await waitUntil(() => !el.shadowRoot!.querySelector('#departures-table'));
  });
});
