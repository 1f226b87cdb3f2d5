import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import type { Locale } from '@licheng/ui';
import './certification-queue.ts';
import type { CertificationQueue } from './certification-queue.component.ts';
import { queueControlNames } from '../testing/accessible-names.ts';
import { chinese, chinese102, deepText, item, me, queue } from '../testing/fixtures.ts';
import type { QueueItem } from '../api.ts';

const wang = { name: '王小明', studentNo: '1140001', className: '101', seatNo: 1 };
const li = { name: '李小華', studentNo: '1140002', className: '101', seatNo: 2 };
const huang = { name: '黃小美', studentNo: '1140101', className: '102', seatNo: 1 };
const decided = { decidedByMe: true, decidedByName: '王美玲', decidedAt: '2025-10-02T02:00:00.000Z', version: 2 } as const;

/** One subject (國語文) taught by one teacher to 101 and 102: every heading, filter and control says which class and term. */
const items: QueueItem[] = [
  item({ id: 'a1', student: wang, course: chinese, summary: '閱讀心得', mediaFileId: 'f-m1' }),
  item({ id: 'a2', student: wang, course: chinese, summary: '作文修訂稿' }),
  item({ id: 'a3', student: li, course: chinese, status: 'passed', ...decided }),
  item({ id: 'b1', student: huang, course: chinese102 }),
  item({ id: 'b2', student: { ...huang, name: '吳小安', studentNo: '1140102', seatNo: 2 }, course: chinese102, status: 'failed', statusReason: '檔案無法開啟', ...decided }),
];

describe('<licheng-certification-queue> one subject in two classes', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(list: QueueItem[], locale: Locale = 'zh-TW') {
    api = installFakeApi({ 'teaching.certifications.queue': () => queue(list), 'platform.me': () => me });
    const el = await fixture<CertificationQueue>(html`<licheng-certification-queue .token=${fakeToken()} locale=${locale} status="all"></licheng-certification-queue>`);
    await waitUntil(() => el.queue !== null, 'queue never loaded');
    await el.updateComplete;
    return el;
  }
  const labels = (el: CertificationQueue, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((e) => e.getAttribute('aria-label') ?? e.textContent!.trim());

  for (const locale of ['zh-TW', 'en'] as const) {
    it(`names every button, checkbox and course option uniquely (${locale})`, async () => {
      const el = await render(items, locale);
      const names = await queueControlNames();
      expect(names.filter((n) => n.startsWith('button:')).length).to.be.greaterThan(8);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).to.deep.equal([]);
      // The same from the DOM, so a collapsed <select>'s options count whatever the tree shows of them.
      const controls = [...labels(el, 'button'), ...labels(el, 'input[type="checkbox"]'), ...labels(el, '#course option')];
      expect(controls.filter((n, i) => controls.indexOf(n) !== i)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('says the class and term in the headings, the course filter, select-all and each row', async () => {
    const el = await render(items);
    expect([...el.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal(['國語文 101 班（114 學年度第 1 學期）', '國語文 102 班（114 學年度第 1 學期）']);
    expect(labels(el, '#course option')).to.deep.equal(['全部課程', '國語文 101 班（114 學年度第 1 學期）：待認證 2 件', '國語文 102 班（114 學年度第 1 學期）：待認證 1 件']);
    expect(labels(el, 'input[data-group]')).to.deep.equal(['選取國語文 101 班（114 學年度第 1 學期）的全部待認證成果', '選取國語文 102 班（114 學年度第 1 學期）的全部待認證成果']);
    const buttons = labels(el, 'button');
    expect(buttons).to.include('通過：102 班 1 號 黃小美，國語文 102 班（114 學年度第 1 學期）');
    expect(buttons).to.include('撤回決定：102 班 2 號 吳小安，國語文 102 班（114 學年度第 1 學期）');
    // Two outcomes of one student in one course are told apart by their summaries.
    expect(buttons).to.include('通過：101 班 1 號 王小明，國語文 101 班（114 學年度第 1 學期），「閱讀心得」');
    expect(buttons).to.include('開啟影音檔：101 班 1 號 王小明，國語文 101 班（114 學年度第 1 學期），「閱讀心得」');
    expect(buttons).to.include('開啟文件檔：101 班 1 號 王小明，國語文 101 班（114 學年度第 1 學期），「作文修訂稿」');
    const course = el.shadowRoot!.querySelector<HTMLSelectElement>('#course')!;
    course.value = chinese102.id;
    course.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal(['國語文 102 班（114 學年度第 1 學期）']);
  });

  it('marks a resubmission 重新送出 at its submission time, with the earlier fail reason', async () => {
    const resubmitted = item({ id: 'r1', student: wang, submittedAt: '2025-10-03T02:00:00.000Z', resubmitted: true, previousReason: '非本課程之作品', version: 3 });
    const first = item({ id: 'r2', student: li, submittedAt: '2025-10-01T02:00:00.000Z' });
    const el = await render([resubmitted, first]);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(deepText(rows[0]!)).to.contain('重新送出');
    expect(deepText(rows[0]!)).to.contain('前次未通過原因：非本課程之作品');
    expect(rows[0]!.querySelector('.submitted')!.textContent).to.match(/^114\/10\/03 10:00 重新送出$/);
    expect(deepText(rows[1]!)).not.to.contain('重新送出');
    expect(rows[1]!.querySelector('.submitted')!.textContent).to.match(/^114\/10\/01 10:00$/);
    await expect(el).to.be.accessible();
    const en = await render([resubmitted], 'en');
    expect(deepText(en)).to.contain('Resubmitted');
    expect(deepText(en)).to.contain('Earlier fail reason: 非本課程之作品');
  });

  it('disables 通過, 未通過 and the checkboxes of pending outcomes outside the certification window, with the reason, and leaves them out of select-all', async () => {
    const closed = { state: 'closed', start: '2025-08-01', end: '2026-03-01' } as const;
    const el = await render([
      item({ id: 'c1', student: wang, certificationWindow: closed }),
      item({ id: 'o1', student: li }),
    ]);
    const rowOf = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-status-of="${id}"]`)!.closest('tr')!;
    const buttons = (id: string) => [...rowOf(id).querySelectorAll<HTMLButtonElement>('.row-actions button')];
    const described = (b: Element) => (b.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim());
    for (const b of buttons('c1')) {
      expect(b.disabled).to.equal(true);
      expect(described(b)).to.deep.equal(['認證期間已於 115/03/01 截止，無法認證。', '作業期程由學校的學習歷程工作小組訂定；如有疑問，請洽教務處。']);
    }
    expect(rowOf('c1').querySelector<HTMLInputElement>('input[type="checkbox"]')!.disabled).to.equal(true);
    for (const b of buttons('o1')) expect(b.disabled).to.equal(false);
    expect(rowOf('o1').querySelector<HTMLInputElement>('input[type="checkbox"]')!.disabled).to.equal(false);
    const all = el.shadowRoot!.querySelector<HTMLInputElement>('input[data-ids]')!;
    expect(all.dataset.ids).to.equal('o1');
    await expect(el).to.be.accessible();
  });

  it('disables 撤回決定 with the reason before the teacher acts: a closed window (and who sets it), a produced roster', async () => {
    const closed = { state: 'closed', start: '2025-08-01', end: '2026-03-01' } as const;
    const el = await render([
      item({ id: 'w1', student: wang, status: 'passed', ...decided, certificationWindow: closed, reopenBlocked: 'window' }),
      item({ id: 'w2', student: li, status: 'passed', ...decided, reopenBlocked: 'in-roster' }),
      item({ id: 'w3', student: huang, course: chinese102, status: 'failed', statusReason: '檔案無法開啟', ...decided }),
    ]);
    const reopen = (id: string) => el.shadowRoot!.querySelector<HTMLTableRowElement>(`[data-status-of="${id}"]`)!.closest('tr')!.querySelector<HTMLButtonElement>('button.reopen')!;
    const described = (b: HTMLButtonElement) => (b.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim());
    expect(reopen('w1').disabled).to.equal(true);
    expect(described(reopen('w1'))).to.deep.equal(['認證期間已於 115/03/01 截止，無法撤回決定。', '作業期程由學校的學習歷程工作小組訂定；如有疑問，請洽教務處。']);
    expect(reopen('w2').disabled).to.equal(true);
    expect(described(reopen('w2'))).to.deep.equal(['此成果已列入已產出的名冊，無法撤回決定。']);
    expect(reopen('w3').disabled).to.equal(false);
    expect(reopen('w3').hasAttribute('aria-describedby')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
