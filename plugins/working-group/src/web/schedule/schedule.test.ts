import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi, type FakeHandler } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './schedule.ts';
import type { LichengSchedule, ScheduleLoadedDetail } from './schedule.component.ts';
import { deepText, schedule114, scheduleFor } from '../testing/fixtures.ts';

const LIST = 'working-group.schedule.list';
const XLSX_114 = 'GET /api/working-group/schedule.xlsx?academicYear=114';

describe('<licheng-schedule>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(template = html`<licheng-schedule .token=${fakeToken()} locale="zh-TW"></licheng-schedule>`, handlers: Record<string, FakeHandler> = {}) {
    api = installFakeApi({ [LIST]: (input) => scheduleFor(input), ...handlers });
    const el = await fixture<LichengSchedule>(template);
    await waitUntil(() => el.schedule !== null || el.failure !== '', 'the schedule never loaded');
    await el.updateComplete;
    return el;
  }

  const $ = <T extends Element>(el: LichengSchedule, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const $$ = <T extends Element>(el: LichengSchedule, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
  const cells = (row: Element) => [...row.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

  it('shows the year as a table with a caption, scope headers, 民國 dates and each state in words; accessible', async () => {
    const el = await render();
    const [call] = api.callsTo(LIST);
    expect(call!.input).to.equal(undefined);
    expect(call!.headers.get('authorization')).to.match(/^Bearer /);
    expect(call!.headers.get('x-licheng-locale')).to.equal('zh-TW');

    expect($(el, 'h2').textContent).to.equal('學習歷程檔案作業期程');
    expect($(el, 'table caption').textContent).to.equal('114 學年度作業期程');
    expect($$(el, 'thead th').map((th) => [th.getAttribute('scope'), th.textContent])).to.deep.equal([
      ['col', '作業項目'],
      ['col', '學期'],
      ['col', '年級'],
      ['col', '開始日期'],
      ['col', '結束日期'],
      ['col', '自我檢核日期'],
      ['col', '狀態'],
    ]);
    const rows = $$(el, 'tbody tr[part="row"]');
    expect(rows.map(cells)).to.deep.equal([
      ['多元表現上傳', '全學年', '全年級', '114/08/01', '115/07/31', '—', '● 開放中 剩 304 天'],
      ['多元表現上傳', '全學年', '3 年級', '114/08/01', '114/09/30', '—', '■ 已截止'],
      ['課程學習成果上傳', '第 1 學期', '全年級', '114/09/01', '114/10/15', '—', '● 開放中 剩 15 天'],
      ['課程學習成果認證', '第 1 學期', '全年級', '114/10/16', '114/10/31', '—', '◷ 尚未開放 15 天後開放'],
      ['課程學習成果上傳', '第 2 學期', '全年級', '115/02/16', '115/03/31', '—', '◷ 尚未開放 138 天後開放'],
      ['課程學習成果勾選', '尚未排定期程', '… 另行公告'],
      ['多元表現勾選', '尚未排定期程', '… 另行公告'],
      ['收訖明細確認', '尚未排定期程', '… 另行公告'],
    ]);
    expect(rows.every((r) => r.firstElementChild!.tagName === 'TH' && r.firstElementChild!.getAttribute('scope') === 'row')).to.equal(true);
    // Open windows are emphasised; the state's shape is decoration, its words are what is read.
    expect(rows[0]!.classList.contains('open')).to.equal(true);
    expect(rows[0]!.querySelector('th strong')!.textContent).to.equal('多元表現上傳');
    expect(rows[1]!.querySelector('strong')).to.equal(null);
    expect(rows[0]!.querySelector('[part="state"] [aria-hidden="true"]')!.textContent).to.equal('●');
    expect(rows[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2025-08-01');
    expect($(el, '[role="status"]').textContent).to.equal('114 學年度：開放中 2 項，尚未開放 2 項，已截止 1 項，另行公告 3 項。');
    expect(deepText(el)).to.contain('今天是 114/10/01');
    await expect(el).to.be.accessible();
  });

  it('shows the self-check date, the classes and kinds a window is for, and its batch', async () => {
    const staggered = {
      ...schedule114,
      windows: [{ ...schedule114.windows[2]!, classes: ['101', '102'], recordKinds: ['outcome'], selfCheck: '2025-10-20', qualifier: '第 2 梯次' }],
    };
    const el = await render(undefined, { [LIST]: () => staggered });
    const row = $$(el, 'tbody tr[part="row"]')[0]!;
    expect(cells(row)).to.deep.equal(['課程學習成果上傳第 2 梯次', '第 1 學期', '全年級101、102 班；限 課程學習成果', '114/09/01', '114/10/15', '自我檢核日期114/10/20', '● 開放中 剩 15 天']);
    expect(row.querySelectorAll('time')[2]!.getAttribute('datetime')).to.equal('2025-10-20');
    // The cell's own label is for the narrow cards only: hidden in the table and from screen readers (the column header names it).
    const label = row.querySelector('.card-label')!;
    expect(label.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(label).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('tells the host which year it loaded and what is open', async () => {
    api = installFakeApi({ [LIST]: (input) => scheduleFor(input) });
    const el = document.createElement('licheng-schedule');
    el.token = fakeToken();
    const loaded = oneEvent(el, 'licheng-schedule-loaded');
    document.body.appendChild(el);
    const event = (await loaded) as CustomEvent<ScheduleLoadedDetail>;
    expect(event.detail).to.deep.equal({ academicYear: 114, open: ['performance-upload', 'outcome-upload'] });
    expect(event.bubbles && event.composed).to.equal(true);
    el.remove();
  });

  it('switches the year through the server with the year switcher, and announces the new year', async () => {
    const el = await render();
    const select = $<HTMLSelectElement>(el, 'select#year');
    expect($(el, 'label[for="year"]').textContent).to.equal('學年度');
    expect([...select.options].map((o) => [o.value, o.textContent, o.selected])).to.deep.equal([
      ['114', '114 學年度', true],
      ['115', '115 學年度', false],
    ]);
    select.value = '115';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const event = (await oneEvent(el, 'licheng-schedule-loaded')) as CustomEvent<ScheduleLoadedDetail>;
    expect(event.detail).to.deep.equal({ academicYear: 115, open: [] });
    expect(api.callsTo(LIST).map((c) => c.input)).to.deep.equal([undefined, { academicYear: 115 }]);
    await el.updateComplete;
    expect(el.academicYear).to.equal(115);
    expect($(el, 'caption').textContent).to.equal('115 學年度作業期程');
    expect(cells($$(el, 'tbody tr')[0]!)).to.deep.equal(['課程學習成果上傳', '第 1 學期', '全年級', '115/09/01', '115/10/15', '—', '◷ 尚未開放 335 天後開放']);
    expect($(el, '[role="status"]').textContent).to.equal('115 學年度：開放中 0 項，尚未開放 1 項，已截止 0 項，另行公告 5 項。');
    expect($<HTMLSelectElement>(el, 'select#year').value).to.equal('115');
  });

  it('keeps focus on the year switcher and shows only the last year asked for when answers come back out of order', async () => {
    const el = await render(undefined, {
      [LIST]: async (input) => {
        const year = (input as { academicYear?: number } | undefined)?.academicYear;
        if (year === 115) await new Promise((r) => setTimeout(r, 150));
        return scheduleFor(input);
      },
    });
    const select = $<HTMLSelectElement>(el, 'select#year');
    select.focus();
    select.value = '115';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(select);
    el.academicYear = 114;
    await waitUntil(() => api.callsTo(LIST).length === 3, 'the second switch did not load');
    await new Promise((r) => setTimeout(r, 250));
    await el.updateComplete;
    expect(el.schedule!.academicYear).to.equal(114);
    expect($(el, 'caption').textContent).to.equal('114 學年度作業期程');
    expect(el.loading).to.equal(false);
  });

  it('asks for the year of its academic-year attribute, and has no switcher when the school has one year', async () => {
    const el = await render(html`<licheng-schedule .token=${fakeToken()} academic-year="115"></licheng-schedule>`, {
      [LIST]: (input) => ({ ...scheduleFor(input), years: [115] }),
    });
    expect(api.callsTo(LIST)[0]!.input).to.deep.equal({ academicYear: 115 });
    expect(el.schedule!.academicYear).to.equal(115);
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    el.academicYear = 114;
    await waitUntil(() => api.callsTo(LIST).length === 2, 'changing the property did not reload');
    expect(api.callsTo(LIST)[1]!.input).to.deep.equal({ academicYear: 114 });
  });

  it('shows western dates with date-format="iso", and English with ISO dates by default', async () => {
    const iso = await render(html`<licheng-schedule .token=${fakeToken()} locale="zh-TW" date-format="iso"></licheng-schedule>`);
    expect(cells($$(iso, 'tbody tr')[0]!).slice(3, 5)).to.deep.equal(['2025-08-01', '2026-07-31']);
    expect(deepText(iso)).to.contain('今天是 2025-10-01');
    api.restore();

    const en = await render(html`<licheng-schedule .token=${fakeToken()} locale="en"></licheng-schedule>`);
    expect(api.callsTo(LIST)[0]!.headers.get('x-licheng-locale')).to.equal('en');
    expect($(en, 'caption').textContent).to.equal('Schedule of academic year 114');
    expect(cells($$(en, 'tbody tr')[2]!)).to.deep.equal(['Outcome upload', 'Semester 1', 'All grades', '2025-09-01', '2025-10-15', '—', '● Open 15 days left']);
    expect(cells($$(en, 'tbody tr')[5]!)).to.deep.equal(['Outcome selection', 'Not scheduled yet', '… To be announced']);
    await expect(en).to.be.accessible();
  });

  it('lists only open and upcoming windows in compact mode, for a sidebar; accessible', async () => {
    const el = await render(html`<licheng-schedule .token=${fakeToken()} locale="zh-TW" compact heading-level="3"></licheng-schedule>`);
    expect($(el, 'h3').textContent).to.equal('作業期程');
    expect($(el, 'caption').textContent).to.equal('114 學年度開放中與即將開放的作業');
    expect($$(el, 'thead th').map((th) => th.textContent)).to.deep.equal(['作業項目', '期間', '狀態']);
    expect($$(el, 'tbody tr').map(cells)).to.deep.equal([
      ['多元表現上傳全學年・全年級', '114/08/01 至 115/07/31', '● 開放中 剩 304 天'],
      ['課程學習成果上傳第 1 學期・全年級', '114/09/01 至 114/10/15', '● 開放中 剩 15 天'],
      ['課程學習成果認證第 1 學期・全年級', '114/10/16 至 114/10/31', '◷ 尚未開放 15 天後開放'],
      ['課程學習成果上傳第 2 學期・全年級', '115/02/16 至 115/03/31', '◷ 尚未開放 138 天後開放'],
    ]);
    expect(el.shadowRoot!.querySelector('select, [part="download"]')).to.equal(null);
    expect($(el, '[role="status"]').textContent).to.equal('114 學年度：開放中 2 項，尚未開放 2 項。');
    await expect(el).to.be.accessible();
  });

  it('says so in compact mode when nothing is open or upcoming', async () => {
    const el = await render(html`<licheng-schedule .token=${fakeToken()} compact></licheng-schedule>`, {
      [LIST]: () => ({ ...schedule114, windows: schedule114.windows.filter((w) => w.state === 'closed') }),
    });
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    expect(deepText(el)).to.contain('目前沒有開放中或即將開放的作業。');
    await expect(el).to.be.accessible();
  });

  it('downloads the year’s Excel file with the token', async () => {
    const el = await render(undefined, {
      [XLSX_114]: () => new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    });
    const button = $<HTMLButtonElement>(el, 'button[part="download"]');
    expect(button.textContent).to.equal('下載 114 學年度作業期程（Excel 檔）');
    button.click();
    await waitUntil(() => api.callsTo('/api/working-group/schedule.xlsx?academicYear=114').length === 1, 'no download');
    expect(api.callsTo('/api/working-group/schedule.xlsx?academicYear=114')[0]!.headers.get('authorization')).to.match(/^Bearer /);
    await waitUntil(() => !el.downloading);
    expect(el.failure).to.equal('');
  });

  it('shows a refused download as an alert', async () => {
    const el = await render(undefined, {
      [XLSX_114]: () => {
        throw new FakeApiError('forbidden', '您沒有執行此操作的權限', 403);
      },
    });
    $<HTMLButtonElement>(el, 'button[part="download"]').click();
    await waitUntil(() => el.failure !== '', 'no error shown');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.equal('您沒有執行此操作的權限');
  });

  it('can be used with the keyboard alone: its controls are native, enabled and take focus in order', async () => {
    const el = await render();
    const focusable = $$<HTMLElement>(el, 'select, button, a[href], input, [tabindex]');
    // The table's scrolling region takes focus too, so a keyboard can scroll a wide table.
    expect(focusable.map((f) => f.tagName)).to.deep.equal(['SELECT', 'BUTTON', 'DIV']);
    for (const control of focusable) {
      expect(control.tabIndex, control.tagName).to.equal(0);
      if ('disabled' in control) expect((control as HTMLButtonElement).disabled).to.equal(false);
      control.focus();
      expect(deepActiveElement()).to.equal(control);
    }
  });

  it('shows the server’s refusal as an alert', async () => {
    const el = await render(html`<licheng-schedule .token=${fakeToken()} academic-year="2025"></licheng-schedule>`, {
      [LIST]: () => {
        throw new FakeApiError('import-number-invalid', 'academicYear: 「學年度」應為 100 到 999 的整數（目前為「2025」）', 400);
      },
    });
    expect($(el, '[role="alert"]').textContent).to.equal('academicYear: 「學年度」應為 100 到 999 的整數（目前為「2025」）');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('tells the host its token expired, and retries once with a fresh token from its provider', async () => {
    let calls = 0;
    api = installFakeApi({
      [LIST]: (input, call) => {
        calls++;
        if (call.headers.get('authorization') === 'Bearer old') throw new FakeApiError('token-expired', '登入已逾時，請重新登入', 401);
        return scheduleFor(input);
      },
    });
    const el = document.createElement('licheng-schedule');
    el.token = 'old';
    el.tokenProvider = async () => 'fresh';
    const expired = oneEvent(el, 'licheng-token-expired');
    document.body.appendChild(el);
    expect(((await expired) as CustomEvent<{ willRetry: boolean }>).detail).to.deep.equal({ willRetry: true });
    await waitUntil(() => el.schedule !== null, 'not retried');
    expect(calls).to.equal(2);
    expect(el.token).to.equal('fresh');
    el.remove();

    const stale = document.createElement('licheng-schedule');
    stale.token = 'old';
    const told = oneEvent(document.body, 'licheng-token-expired');
    document.body.appendChild(stale);
    expect(((await told) as CustomEvent<{ willRetry: boolean }>).detail).to.deep.equal({ willRetry: false });
    await waitUntil(() => stale.failure !== '', 'no message');
    expect(stale.failure).to.equal('登入已逾時，請重新登入');
    stale.remove();
  });

  it('reads the published schedule without a token when public, names the school in its heading, and downloads the public file', async () => {
    const PUBLIC = 'working-group.schedule.public';
    const published = (input: unknown) => ({ ...scheduleFor(input), school: { code: '123456', name: '示範高級中學' }, download: '/api/working-group/public/schedule.xlsx?academicYear=114' });
    const el = await render(html`<licheng-schedule public school="123456" locale="zh-TW"></licheng-schedule>`, {
      [PUBLIC]: published,
      'GET /api/working-group/public/schedule.xlsx?academicYear=114': () => new Response(new Blob(['xlsx']), { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    });
    expect(api.callsTo(LIST)).to.have.length(0);
    const [call] = api.callsTo(PUBLIC);
    expect(call!.input).to.deep.equal({ school: '123456' });
    expect(call!.headers.get('authorization')).to.equal(null);
    expect($(el, 'h2').textContent).to.equal('示範高級中學 學習歷程檔案作業期程');
    expect($(el, 'table caption').textContent).to.equal('114 學年度作業期程');
    $<HTMLButtonElement>(el, '[part="download"]').click();
    await waitUntil(() => api.callsTo('/api/working-group/public/schedule.xlsx?academicYear=114').length === 1, 'the public file was not asked for');
    await waitUntil(() => !el.downloading);
    expect(el.failure).to.equal('');
    await expect(el).to.be.accessible();
  });
});
