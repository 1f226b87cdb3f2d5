import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, deepText, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './deadline-reminders.ts';
import type { DeadlineReminder, DeadlineReminders, LichengDeadlineReminders } from './deadline-reminders.component.ts';

const LIST = 'platform.reminders.list';
const MARK = 'platform.reminders.markRead';

const reminder = (id: string, over: Partial<DeadlineReminder> = {}): DeadlineReminder => ({
  id,
  subject: '【測試高中】提醒：課程學習成果勾選將於民國 114/10/15 截止（還有 7 天）',
  body: '陳小明 您好：\n\n課程學習成果勾選作業期程將於民國 114/10/15（2025-10-15）截止，還有 7 天。\n・尚有 2 件已通過認證的項目可勾選',
  deadline: '2025-10-15',
  leadDays: 7,
  sentAt: '2025-10-08T01:00:00.000Z',
  readAt: null,
  ...over,
});

/** A server that keeps the reminders and marks them read as the real procedure does. */
function server(list: DeadlineReminder[]) {
  const state = list.map((r) => ({ ...r }));
  return {
    [LIST]: (): DeadlineReminders => ({ unread: state.filter((r) => !r.readAt).length, reminders: state.map((r) => ({ ...r })) }),
    [MARK]: (input: unknown) => {
      const { ids } = input as { ids: string[] };
      for (const r of state) if (ids.includes(r.id)) r.readAt ??= '2025-10-08T02:00:00.000Z';
      return { ids, readAt: '2025-10-08T02:00:00.000Z' };
    },
  };
}

describe('<licheng-deadline-reminders>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(handlers: Record<string, (input: unknown) => unknown>, locale = 'zh-TW') {
    api = installFakeApi(handlers);
    const el = await fixture<LichengDeadlineReminders>(html`<licheng-deadline-reminders .token=${fakeToken()} locale=${locale}></licheng-deadline-reminders>`);
    await waitUntil(() => api.callsTo(LIST).length > 0 && el.list !== null, 'never loaded');
    await el.updateComplete;
    return el;
  }
  const $ = <T extends Element>(el: LichengDeadlineReminders, selector: string) => el.shadowRoot!.querySelector<T>(selector);
  const $$ = <T extends Element>(el: LichengDeadlineReminders, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

  it('renders nothing when the user has no reminder', async () => {
    const el = await render(server([]));
    expect($(el, '[part="panel"]')).to.equal(null);
    expect(deepText(el).trim()).to.equal('');
  });

  it('lists unread reminders with their 民國 deadline and words in a labelled region, read ones folded below; accessible', async () => {
    const el = await render(server([reminder('r1'), reminder('r0', { subject: '舊提醒', readAt: '2025-10-02T00:00:00.000Z' })]));
    const panel = $(el, '[part="panel"]')!;
    expect(panel.getAttribute('role')).to.equal('region');
    expect($(el, 'h2#reminders-heading')!.textContent!.replace(/\s+/g, '')).to.equal('截止提醒（1則未讀）');
    const [first] = $$(el, 'ul > li');
    expect(first!.textContent).to.contain('課程學習成果勾選將於民國 114/10/15 截止');
    expect(first!.textContent).to.contain('截止日 114/10/15');
    expect(first!.querySelector('.body')!.textContent).to.contain('尚有 2 件已通過認證的項目可勾選');
    expect($(el, '.read-list > summary')!.textContent).to.equal('已讀的提醒（1）');
    await expect(el).to.be.accessible();
  });

  it('marks one read, announces it, moves focus to the announcement and keeps it listed as read', async () => {
    const el = await render(server([reminder('r1'), reminder('r2', { subject: '第二則' })]));
    const button = $$<HTMLButtonElement>(el, 'button').find((b) => b.getAttribute('aria-label') === '標示為已讀：第二則')!;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'licheng-reminders-read');
    expect(event.detail).to.deep.equal({ ids: ['r2'] });
    await waitUntil(() => $(el, '#reminders-status')!.textContent === '已標示為已讀：第二則', 'not announced');
    await waitUntil(() => deepActiveElement()?.id === 'reminders-status', 'focus did not land on the outcome');
    expect(api.callsTo(MARK)[0]!.input).to.deep.equal({ ids: ['r2'] });
    expect($(el, '.read-list > summary')!.textContent).to.equal('已讀的提醒（1）');
    expect($(el, 'h2')!.textContent!.replace(/\s+/g, '')).to.equal('截止提醒（1則未讀）');
  });

  it('marks every unread reminder read at once', async () => {
    const el = await render(server([reminder('r1'), reminder('r2')]));
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === '全部標示為已讀')!.click();
    await waitUntil(() => $(el, '#reminders-status')!.textContent === '已將 2 則提醒標示為已讀', 'not announced');
    expect(api.callsTo(MARK)[0]!.input).to.deep.equal({ ids: ['r1', 'r2'] });
    expect($$(el, 'button').map((b) => b.textContent!.trim())).to.deep.equal([]);
  });

  it('shows why marking failed, in an alert that takes focus', async () => {
    const el = await render({ ...server([reminder('r1')]), [MARK]: () => { throw new FakeApiError('not-found', '找不到指定的資料', 404); } });
    $$<HTMLButtonElement>(el, 'button')[0]!.click();
    await waitUntil(() => $(el, '#reminders-failure'), 'no alert');
    expect($(el, '#reminders-failure')!.getAttribute('role')).to.equal('alert');
    expect($(el, '#reminders-failure')!.textContent).to.contain('找不到指定的資料');
    await waitUntil(() => deepActiveElement()?.id === 'reminders-failure', 'focus did not land on the alert');
  });

  it('speaks English when asked', async () => {
    const el = await render(server([reminder('r1')]), 'en');
    expect($(el, 'h2')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Deadline reminders (1 unread)');
    expect(deepText(el)).to.contain('Closes 2025-10-15');
  });
});
