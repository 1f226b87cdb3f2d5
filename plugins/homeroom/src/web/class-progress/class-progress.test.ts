import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './class-progress.ts';
import type { ClassProgress } from './class-progress.component.ts';
import { class101, class102, classList, deepText } from '../testing/fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('<licheng-class-progress>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  function install(classes = classList('101'), handlers: Record<string, (input: any) => unknown> = {}) {
    api = installFakeApi({
      'homeroom.progress.classes': () => classes,
      'homeroom.progress.class': (input: any) => (input.className === '102' ? class102 : class101),
      ...handlers,
    });
  }

  async function render(template = html`<licheng-class-progress .token=${fakeToken()} locale="zh-TW"></licheng-class-progress>`) {
    const el = await fixture<ClassProgress>(template);
    await waitUntil(() => !el.loading, 'the element never loaded');
    await el.updateComplete;
    return el;
  }

  // Each row's cells after the choose box.
  const rows = (el: ClassProgress) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(1).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

  it('shows the summary, the days left in each window and an accessible table of students', async () => {
    install();
    const el = await render();
    const root = el.shadowRoot!;
    expect(root.querySelector('select#class')).to.equal(null);
    const summary = root.querySelector('[part="summary"]')!;
    expect(summary.textContent).to.contain('全班 3 人：已上傳 2 人，共 4 件；待認證 1 件，通過 2 件，未通過 1 件；本學年度已勾選 2 件。');
    expect(summary.textContent).to.contain('1 人本學期尚未上傳任何課程學習成果。');
    expect(summary.textContent).to.contain('需要提醒的學生共 2 人。');
    expect(summary.textContent!.replace(/\s+/g, ' ')).to.contain('提交前檢核：3 人未完成。 本學期尚未上傳 1 人；有未通過的成果待修正 1 人；多元表現尚未勾選 1 人；尚有待認證的紀錄 1 人');
    const windows = [...root.querySelectorAll('.windows li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(windows).to.deep.equal([
      '● 課程學習成果上傳：開放中，還剩 15 天（至 114/10/15）',
      '● 課程學習成果認證：今天（114/10/01）截止',
      '◷ 課程學習成果勾選：尚未開放，31 天後開始（114/11/01 至 115/01/31）',
    ]);
    const table = root.querySelector('table[part="table"]')!;
    expect(table.querySelector('caption')!.textContent).to.equal('101 班學生課程學習成果進度（114 學年度第 1 學期）');
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect([...table.querySelectorAll('tbody th')].map((th) => [th.getAttribute('scope'), th.textContent])).to.deep.equal([
      ['row', '陳怡君'],
      ['row', '林家豪'],
      ['row', '黃雅婷'],
    ]);
    expect(rows(el)).to.deep.equal([
      ['1', '114001', '陳怡君', '3', '1', '2', '0', '2 / 6', '3 / 10（計入 3，校方登錄 1）', '待認證 0・未通過 0', '◔ 尚有待認證的紀錄'],
      ['2', '114002', '林家豪', '1', '0', '0', '1', '0 / 6', '0 / 10（計入 2，校方登錄 0）', '待認證 0・未通過 0', '⚠ 有未通過的成果待修正⚠ 多元表現尚未勾選'],
      ['3', '114003', '黃雅婷', '0', '0', '0', '0', '0 / 6', '0 / 10（計入 0，校方登錄 0）', '待認證 0・未通過 0', '⚠ 本學期尚未上傳'],
    ]);
    // Flagged in words, not only by the row's colour.
    expect(root.querySelector('tr.no-upload')!.textContent).to.contain('本學期尚未上傳');
    expect(api.callsTo('homeroom.progress.class')[0]!.input).to.deep.equal({ className: '101' });
    expect(api.callsTo('homeroom.progress.class')[0]!.headers.get('x-licheng-locale')).to.equal('zh-TW');
    await expect(el).to.be.accessible();
  });

  it('announces the loaded class with its totals', async () => {
    install();
    const el = document.createElement('licheng-class-progress');
    el.token = fakeToken();
    el.locale = 'zh-TW';
    setTimeout(() => document.body.appendChild(el));
    const event = (await oneEvent(el, 'licheng-class-progress-loaded')) as CustomEvent;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ className: '101', totals: class101.totals });
    el.remove();
  });

  it('filters to the students who need a reminder', async () => {
    install();
    const el = await render();
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('.filter input[type="checkbox"]')!;
    expect(box.labels![0]!.textContent).to.contain('只顯示需要提醒的學生');
    box.click();
    await el.updateComplete;
    expect(rows(el).map((r) => r[2])).to.deep.equal(['林家豪', '黃雅婷']);
    expect(deepText(el)).to.contain('顯示 2 位學生（全班 3 人）');
    box.click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(3);
  });

  it('lets a teacher with several classes pick one by keyboard-reachable select', async () => {
    install(classList('101', '102'));
    const el = await render();
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select#class')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['101 班（1 年級）', '102 班（1 年級）']);
    expect(select.labels![0]!.textContent).to.equal('班級');
    select.value = '102';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const event = (await oneEvent(el, 'licheng-class-progress-loaded')) as CustomEvent;
    expect(event.detail.className).to.equal('102');
    await el.updateComplete;
    expect(rows(el).map((r) => r[2])).to.deep.equal(['張冠宇']);
    expect(api.callsTo('homeroom.progress.class').map((c) => c.input)).to.deep.equal([{ className: '101' }, { className: '102' }]);
    await expect(el).to.be.accessible();
  });

  it('shows one class fixed by class-name without listing classes, and follows a change of it', async () => {
    install(classList('101', '102'));
    const el = await render(html`<licheng-class-progress .token=${fakeToken()} locale="zh-TW" class-name="102" heading-level="3"></licheng-class-progress>`);
    expect(api.callsTo('homeroom.progress.classes')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('select#class')).to.equal(null);
    expect(el.shadowRoot!.querySelector('h3#progress-heading')!.textContent).to.equal('班級學習歷程進度');
    expect(el.shadowRoot!.querySelector('h4#windows-heading')).to.not.equal(null);
    expect(rows(el).map((r) => r[2])).to.deep.equal(['張冠宇']);
    el.setAttribute('class-name', '101');
    await waitUntil(() => el.progress?.class.className === '101', 'the new class never loaded');
    expect(rows(el)).to.have.length(3);
  });

  it('reminds the chosen students, with the send button disabled with its reason until one is chosen, and focus on the outcome', async () => {
    const reminded = { ...class101, students: class101.students.map((s) => (s.seatNo === 2 ? { ...s, lastReminder: { at: '2025-10-01T02:00:00.000Z', byName: '王美玲' } } : s)) };
    let sent = false;
    install(classList('101'), {
      'homeroom.progress.class': () => (sent ? reminded : class101),
      'homeroom.reminders.send': (input: any) => {
        sent = true;
        return { sent: input.studentIds.length, at: '2025-10-01T02:00:00.000Z', students: input.studentIds.map((id: string) => ({ id, name: id === 's-2' ? '林家豪' : '黃雅婷', reasons: [] })) };
      },
    });
    const el = await render();
    const root = el.shadowRoot!;
    const send = root.querySelector<HTMLButtonElement>('#remind-send')!;
    expect(send.disabled).to.equal(true);
    expect(root.getElementById(send.getAttribute('aria-describedby')!)!.textContent).to.equal('請先在表格中選取要提醒的學生。');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('td.choose input')];
    expect(boxes.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['選取 陳怡君', '選取 林家豪', '選取 黃雅婷']);
    const flagged = [...root.querySelectorAll<HTMLButtonElement>('.remind button')].find((b) => b.textContent!.includes('選取需要提醒的學生'))!;
    flagged.click();
    await el.updateComplete;
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, true, true]);
    expect(send.textContent).to.equal('提醒選取的 2 位學生');
    const note = root.querySelector<HTMLTextAreaElement>('#remind-note')!;
    note.value = '週五前請完成';
    note.dispatchEvent(new Event('input'));
    await expect(el).to.be.accessible();
    send.click();
    await waitUntil(() => el.success !== '', 'the reminder was never sent');
    expect(api.callsTo('homeroom.reminders.send')[0]!.input).to.deep.equal({ className: '101', studentIds: ['s-2', 's-3'], note: '週五前請完成' });
    expect(el.success).to.equal('已提醒 2 位學生：林家豪、黃雅婷。');
    await waitUntil(() => root.activeElement?.id === 'progress-downloaded' || el.shadowRoot!.activeElement !== null, 'focus never moved');
    expect(root.activeElement!.id).to.equal('progress-downloaded');
    expect(rows(el)[1]!.at(-1)).to.contain('114/10/01 由 王美玲 提醒');
    expect(note.value).to.equal('');
  });

  it('says so when the teacher has no class', async () => {
    install(classList());
    const el = await render();
    expect(deepText(el)).to.contain('您在本學年度沒有擔任導師的班級');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    expect(api.callsTo('homeroom.progress.class')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it("shows the server's refusal as an error", async () => {
    install(classList('101'), {
      'homeroom.progress.class': () => {
        throw new FakeApiError('class-not-homeroom', '您不是 114 學年度「101」班的導師，無法查看該班資料', 404);
      },
    });
    const el = await render();
    expect(deepText(el)).to.contain('您不是 114 學年度「101」班的導師');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('downloads the Excel file of the class with the token', async () => {
    install(classList('101'), {
      'GET /api/homeroom/progress.xlsx?className=101&academicYear=114&semester=1': () =>
        new Response(new Blob(['PK'], { type: XLSX }), { headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('101班學習成果進度-114-1.xlsx')}` } }),
    });
    const el = await render();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.toolbar button')!;
    expect(button.textContent).to.equal('下載 101 班進度（Excel）');
    button.click();
    await waitUntil(() => el.success !== '', 'the download never finished');
    const [call] = api.callsTo('/api/homeroom/progress.xlsx?className=101&academicYear=114&semester=1');
    expect(call!.headers.get('authorization')).to.match(/^Bearer /);
    expect(el.success).to.equal('已下載「101班學習成果進度-114-1.xlsx」。');
  });

  it('speaks English when asked', async () => {
    install();
    const el = await render(html`<licheng-class-progress .token=${fakeToken()} locale="en"></licheng-class-progress>`);
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain('3 students: 2 have uploaded');
    expect(deepText(el)).to.contain('Outcome upload: open, 15 days left (until 2025-10-15)');
    await expect(el).to.be.accessible();
  });
});
