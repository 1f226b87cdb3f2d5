import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './my-portfolio.ts';
import type { MyPortfolio } from './my-portfolio.component.ts';
import type { Portfolio, PortfolioRecord } from './portfolio-api.ts';

function record(over: Partial<PortfolioRecord> & { id: string }): PortfolioRecord {
  return {
    kind: 'outcome',
    kindLabel: { 'zh-TW': '課程學習成果', en: 'Course learning outcome' },
    office: 'student',
    academicYear: 114,
    semester: 1,
    summary: '紅樓夢人物分析',
    subjectName: '國語文',
    fields: [],
    status: 'passed',
    statusReason: null,
    certified: true,
    enteredBySelf: true,
    cap: 'outcome',
    selected: true,
    pending: null,
    document: { id: 'f1', name: '紅樓夢.pdf', type: 'pdf', size: 900 },
    media: null,
    videoUrl: null,
    ...over,
  } as PortfolioRecord;
}

const portfolio = {
  student: { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 },
  semesters: [
    { academicYear: 114, semester: 2, records: [record({ id: 'r4', semester: 2, summary: '詩選賞析', status: 'failed', statusReason: '檔案無法開啟', selected: false, pending: 'failed' })] },
    {
      academicYear: 114,
      semester: 1,
      records: [
        record({ id: 'r1', kind: 'cadre', kindLabel: { 'zh-TW': '校內幹部經歷', en: 'School cadre record' }, office: 'student-affairs', summary: '班長', subjectName: null, cap: 'exempt', selected: false, enteredBySelf: false, document: null, fields: [{ label: '幹部名稱', text: '班長' }] }),
        record({ id: 'r2' }),
        record({ id: 'r3', kind: 'performance-other', kindLabel: { 'zh-TW': '其他多元表現', en: 'Other performance' }, summary: '淨灘志工', subjectName: null, cap: 'performance', selected: false, pending: 'not-selected', document: null, videoUrl: 'https://video.example/1' }),
      ],
    },
  ],
  years: [{ academicYear: 114, outcome: { cap: 6, selected: 1, selectable: 1, window: 'open' }, performance: { cap: 10, selected: 0, counting: 1, exempt: 1, uploadCap: 10, window: 'open' } }],
  totals: { records: 4, pending: 2, failed: 1, selected: 1 },
} as Portfolio;

const ZIP = 'application/zip';

describe('<licheng-my-portfolio>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(locale = 'zh-TW') {
    const el = await fixture<MyPortfolio>(html`<licheng-my-portfolio .token=${fakeToken()} locale=${locale}></licheng-my-portfolio>`);
    await waitUntil(() => el.portfolio !== null || el.failure !== '', 'never loaded');
    await el.updateComplete;
    return el;
  }

  const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

  it('lists every record by semester with status, cap, selection and what is left to do, and is accessible', async () => {
    api = installFakeApi({ 'student.portfolio.get': () => portfolio });
    const el = await render();
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('h2, h3')].map((h) => h.textContent!.trim())).to.deep.equal(['我的學習歷程', '勾選與上限', '114 學年度第 2 學期', '114 學年度第 1 學期']);
    expect(text(root.querySelector('[role="status"]')!)).to.equal('共 4 筆紀錄；待辦 2 筆（其中未通過 1 筆）；已勾選 1 筆。');
    expect([...root.querySelectorAll('[part="caps"] li')].map(text)).to.deep.equal([
      '114 學年度 課程學習成果：已勾選 1／6 件（通過可勾選 1 件，勾選期間開放中）',
      '114 學年度 多元表現：已勾選 0／10 項（計入 1 項；校方登錄、不計入 1 項；每學年上傳上限 10 項，勾選期間開放中）',
    ]);
    const records = [...root.querySelectorAll('[part="record"]')];
    expect(records.map((r) => r.querySelector('h4')!.textContent)).to.deep.equal(['課程學習成果・國語文', '校內幹部經歷', '課程學習成果・國語文', '其他多元表現']);
    expect(text(records[0]!)).to.contain('⚠ 未通過：檔案無法開啟，請修正後重新送出');
    expect(text(records[1]!)).to.contain('幹部名稱班長');
    expect(text(records[1]!)).to.contain('校方登錄，不計入上限');
    expect(text(records[2]!)).to.contain('計入課程學習成果（每學年 6 件）・已勾選');
    expect(text(records[2]!)).to.contain('紅樓夢.pdf');
    expect(text(records[3]!)).to.contain('尚未勾選');
    expect(text(records[3]!)).to.contain('影音連結：https://video.example/1');
    await expect(el).to.be.accessible();
  });

  it('filters to what is still to do', async () => {
    api = installFakeApi({ 'student.portfolio.get': () => portfolio });
    const el = await render();
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('.toolbar input[type="checkbox"]')!;
    expect(box.labels![0]!.textContent).to.contain('只顯示待辦的紀錄');
    box.click();
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('[part="record"] p')].map((p) => p.textContent)).to.deep.equal(['詩選賞析', '淨灘志工']);
  });

  it('downloads the whole portfolio as a ZIP with the token, focus on the outcome', async () => {
    api = installFakeApi({
      'student.portfolio.get': () => portfolio,
      'GET /api/student/portfolio.zip': () =>
        new Response(new Blob(['PK'], { type: ZIP }), { headers: { 'content-type': ZIP, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('學習歷程-S001-2025-10-01.zip')}` } }),
    });
    const el = await render();
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent!.includes('ZIP'))!;
    expect(el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.contain('index.html');
    button.click();
    await waitUntil(() => el.success !== '', 'the download never finished');
    expect(api.callsTo('/api/student/portfolio.zip')[0]!.headers.get('authorization')).to.match(/^Bearer /);
    expect(el.success).to.equal('已下載「學習歷程-S001-2025-10-01.zip」。');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'portfolio-downloaded', 'focus never moved');
    await expect(el).to.be.accessible();
  });

  it('downloads the portfolio as a PDF alone, by keyboard, focus on the outcome', async () => {
    const PDF = 'application/pdf';
    api = installFakeApi({
      'student.portfolio.get': () => portfolio,
      'GET /api/student/portfolio.pdf': () =>
        new Response(new Blob(['%PDF-1.7'], { type: PDF }), { headers: { 'content-type': PDF, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('學習歷程-S001-2025-10-01.pdf')}` } }),
    });
    const el = await render();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('#download-pdf')!;
    expect(button.textContent).to.equal('下載學習歷程 PDF');
    expect(el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.contain('portfolio.pdf');
    button.focus();
    button.click();
    await waitUntil(() => el.success !== '', 'the download never finished');
    expect(api.callsTo('/api/student/portfolio.pdf')).to.have.length(1);
    expect(api.callsTo('/api/student/portfolio.zip')).to.have.length(0);
    expect(el.success).to.equal('已下載「學習歷程-S001-2025-10-01.pdf」。');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'portfolio-downloaded', 'focus never moved');
    await expect(el).to.be.accessible();
  });

  it('speaks English, and says so when there is nothing', async () => {
    api = installFakeApi({ 'student.portfolio.get': () => ({ ...portfolio, semesters: [], years: [], totals: { records: 0, pending: 0, failed: 0, selected: 0 } }) });
    const el = await render('en');
    expect(text(el.shadowRoot!.querySelector('section')!)).to.contain('My portfolio');
    expect(text(el.shadowRoot!.querySelector('section')!)).to.contain('No records yet.');
    await expect(el).to.be.accessible();
  });
});
