import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './homeroom-reminder.ts';
import type { HomeroomReminder } from './homeroom-reminder.component.ts';

const reminder = { id: 'r1', reasons: ['no-upload', 'performance-unselected'], note: '週五前請完成', byName: '王美玲', at: '2025-10-01T02:00:00.000Z' };

describe('<licheng-homeroom-reminder>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(mine: unknown[], locale = 'zh-TW') {
    let list = mine;
    api = installFakeApi({
      'homeroom.reminders.mine': () => list,
      'homeroom.reminders.dismiss': (input: any) => {
        list = list.filter((r: any) => r.id !== input.id);
        return { id: input.id };
      },
    });
    const el = await fixture<HomeroomReminder>(html`<licheng-homeroom-reminder .token=${fakeToken()} locale=${locale}></licheng-homeroom-reminder>`);
    await waitUntil(() => api.callsTo('homeroom.reminders.mine').length > 0, 'never asked');
    if (mine.length) await waitUntil(() => el.shadowRoot!.querySelector('[part="panel"]') !== null, 'never shown');
    await el.updateComplete;
    return el;
  }

  it('names a receipt not yet confirmed among what to do, in both languages', async () => {
    const receipt = { ...reminder, reasons: ['receipt-unconfirmed'] };
    const el = await render([receipt]);
    expect(el.shadowRoot!.querySelector('[part="panel"]')!.textContent).to.contain('尚未完成收訖確認');
    await expect(el).to.be.accessible();
    api.restore();
    const en = await render([receipt], 'en');
    expect(en.shadowRoot!.querySelector('[part="panel"]')!.textContent).to.contain('Receipt not yet confirmed');
  });

  it("shows the teacher's reminder with what to do and the note, and dismisses it by keyboard-reachable button with focus on the outcome", async () => {
    const el = await render([reminder]);
    const root = el.shadowRoot!;
    const panel = root.querySelector('[part="panel"]')!;
    expect(panel.querySelector('h2')!.textContent).to.equal('導師提醒');
    expect(panel.textContent!.replace(/\s+/g, ' ')).to.contain('王美玲 於 114/10/01 提醒您： 本學期尚未上傳多元表現尚未勾選 附註：週五前請完成');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('[part="panel"] button')!.click();
    await waitUntil(() => root.querySelector('[part="panel"]') === null, 'never dismissed');
    expect(api.callsTo('homeroom.reminders.dismiss')[0]!.input).to.deep.equal({ id: 'r1' });
    await waitUntil(() => root.activeElement?.id === 'reminder-status', 'focus never moved');
    expect(root.getElementById('reminder-status')!.textContent).to.equal('已收起導師提醒。');
    await expect(el).to.be.accessible();
  });

  it('renders nothing without a reminder, and speaks English', async () => {
    const none = await render([]);
    expect(none.shadowRoot!.querySelector('[part="panel"]')).to.equal(null);
    api.restore();
    const en = await render([reminder], 'en');
    expect(en.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain('王美玲 reminded you on 2025-10-01: Nothing uploaded this termNo performance selected yet Note: 週五前請完成');
  });
});
