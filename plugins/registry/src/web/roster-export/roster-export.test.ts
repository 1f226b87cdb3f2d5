import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './roster-export.ts';
import type { RosterExport } from './roster-export.component.ts';
import { deepText } from '../testing/fixtures.ts';

const exported = { fileId: 'f-roster', fileName: '26_課程學習成果_999901_114_0.xlsx', rowCount: 12, downloadUrl: '/api/files/f-roster?download=1', review: null };
const review = { fileId: 'f-review', fileName: '26_課程學習成果_999901_114_0_待處理(缺).xlsx', rowCount: 2, downloadUrl: '/api/files/f-review?download=1' };

describe('<licheng-roster-export>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(exportHandler: (input: unknown) => unknown = () => exported, locale = 'zh-TW', windowHandler: (input: unknown) => unknown = () => ({ refusal: null })) {
    api = installFakeApi({
      'platform.me': () => ({ term: { academicYear: 114, semester: 2 } }),
      'registry.rosters.export': exportHandler,
      'registry.rosters.window': windowHandler,
      'GET /api/files/f-roster?download=1': () => new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      'GET /api/files/f-review?download=1': () => new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    });
    const el = await fixture<RosterExport>(html`<licheng-roster-export .token=${fakeToken()} locale=${locale}></licheng-roster-export>`);
    await waitUntil(() => el.academicYear !== null, 'term never loaded');
    await el.updateComplete;
    return el;
  }

  it('starts on the current term, roster kind 26, and is accessible', async () => {
    const el = await render();
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#year')!.value).to.equal('114');
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#semester')!.value).to.equal('2');
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#kind')!.selectedOptions[0]!.textContent).to.equal('26 課程學習成果');
    await expect(el).to.be.accessible();
  });

  it('builds the roster, downloads it with the token and says how many rows', async () => {
    const el = await render();
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await oneEvent(el, 'licheng-roster-exported');
    expect(api.callsTo('registry.rosters.export')[0]!.input).to.deep.equal({ academicYear: 114, semester: 2, roster: 'outcomes', batch: 'regular' });
    const download = api.callsTo('/api/files/f-roster?download=1');
    expect(download).to.have.length(1);
    expect(download[0]!.headers.get('authorization')).to.match(/^Bearer /);
    await el.updateComplete;
    expect(deepText(el)).to.contain('已產生「26_課程學習成果_999901_114_0.xlsx」，共 12 筆。');
    await expect(el).to.be.accessible();
  });

  it('says nothing matched, and what to check, when the roster has no rows — a warning, not a success — and downloads only when asked', async () => {
    const el = await render(() => ({ ...exported, rowCount: 0 }));
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await oneEvent(el, 'licheng-roster-exported');
    await el.updateComplete;
    const notices = [...el.shadowRoot!.querySelectorAll('licheng-notice')] as Array<HTMLElement & { variant: string; message: string }>;
    const shown = notices.filter((n) => n.message);
    expect(shown.map((n) => n.variant)).to.deep.equal(['warning']);
    expect(shown[0]!.message).to.equal('沒有符合的資料：114 學年度「26 課程學習成果」沒有可提交的項目，因此沒有下載檔案。請確認學年度與名冊別是否正確，以及教師是否已認證、學生是否已勾選要提交的項目。');
    expect(api.callsTo('/api/files/f-roster?download=1')).to.have.length(0);
    await expect(el).to.be.accessible();
    const again = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === '仍要下載只有表頭的檔案')!;
    again.click();
    await waitUntil(() => api.callsTo('/api/files/f-roster?download=1').length === 1, 'not downloaded when asked');
  });

  it('says so in English too', async () => {
    const el = await render(() => ({ ...exported, rowCount: 0 }), 'en');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await oneEvent(el, 'licheng-roster-exported');
    await el.updateComplete;
    expect(deepText(el)).to.contain('Nothing matched: “26 Course learning outcomes” of academic year 114 has no items to submit');
    expect(deepText(el)).to.contain('Download the file with headers only');
  });

  it('offers roster 28 and, when rows were kept back, the (缺) workbook as a separate download, never as the roster', async () => {
    const el = await render(() => ({ ...exported, fileName: '28_進修部課程學習成果_999901_114_0.xlsx', rowCount: 3, review }));
    const kind = el.shadowRoot!.querySelector<HTMLSelectElement>('#kind')!;
    expect([...kind.options].map((o) => o.textContent)).to.deep.equal(['26 課程學習成果', '28 進修部課程學習成果', '41 預檢成績（日間部）', '42 預檢成績（進修部）']);
    kind.value = '28';
    kind.dispatchEvent(new Event('change'));
    expect(el.shadowRoot!.querySelector('#semester')!.getAttribute('aria-describedby')).to.equal('semester-hint');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await oneEvent(el, 'licheng-roster-exported');
    expect(api.callsTo('registry.rosters.export')[0]!.input).to.deep.equal({ academicYear: 114, semester: 2, roster: 'night-outcomes', batch: 'regular' });
    await el.updateComplete;
    expect(api.callsTo('/api/files/f-roster?download=1')).to.have.length(1);
    expect(api.callsTo('/api/files/f-review?download=1')).to.have.length(0);
    const notice = el.shadowRoot!.querySelector('#export-review') as HTMLElement & { variant: string; message: string };
    expect(notice.variant).to.equal('warning');
    expect(notice.message).to.equal('另有 2 筆無法提交（例如缺課程代碼），已另存「26_課程學習成果_999901_114_0_待處理(缺).xlsx」供處理，不會提交。');
    await expect(el).to.be.accessible();
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === '下載待處理（缺）清單')!.click();
    await waitUntil(() => api.callsTo('/api/files/f-review?download=1').length === 1, 'the (缺) workbook was not downloaded when asked');
  });

  it('checks the academic year before asking the server', async () => {
    const el = await render();
    const year = el.shadowRoot!.querySelector<HTMLInputElement>('#year')!;
    year.value = '2025';
    year.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#year-error')!.textContent).to.contain('100 至 199');
    expect(year.getAttribute('aria-invalid')).to.equal('true');
    expect(api.callsTo('registry.rosters.export')).to.have.length(0);
  });

  it('shows the server’s refusal', async () => {
    const el = await render(() => {
      throw new FakeApiError('forbidden', '您沒有執行此操作的權限', 403);
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.failure !== '');
    expect(el.failure).to.equal('您沒有執行此操作的權限');
  });

  it('disables 產生名冊 with the window’s reason before anyone tries, and asks again for another term', async () => {
    const reason = '「名冊提交」的作業期間已於 114/07/15 結束';
    const el = await render(undefined, 'zh-TW', (input: any) => ({ refusal: input.semester === 2 ? reason : null }));
    await waitUntil(() => el.refusal !== '', 'the reason never came');
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-describedby')).to.equal('export-reason');
    expect(el.shadowRoot!.querySelector('#export-reason')!.textContent).to.equal(reason);
    expect(api.callsTo('registry.rosters.window')[0]!.input).to.deep.equal({ academicYear: 114, semester: 2, roster: 'outcomes', batch: 'regular' });
    await expect(el).to.be.accessible();
    const semester = el.shadowRoot!.querySelector<HTMLSelectElement>('#semester')!;
    semester.value = '1';
    semester.dispatchEvent(new Event('change'));
    await waitUntil(() => el.refusal === '', 'semester 1 is open');
    await el.updateComplete;
    expect(button.disabled).to.equal(false);
    expect(api.callsTo('registry.rosters.export')).to.have.length(0);
  });
});
