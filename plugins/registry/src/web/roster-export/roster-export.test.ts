import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeApiError, fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './roster-export.ts';
import type { RosterExport } from './roster-export.component.ts';
import { deepText } from '../testing/fixtures.ts';

const exported = { fileId: 'f-roster', fileName: '999901_114_1_26.xlsx', rowCount: 12, downloadUrl: '/api/files/f-roster?download=1' };

describe('<licheng-roster-export>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(exportHandler: (input: unknown) => unknown = () => exported) {
    api = installFakeApi({
      'platform.me': () => ({ term: { academicYear: 114, semester: 2 } }),
      'registry.rosters.export': exportHandler,
      'GET /api/files/f-roster?download=1': () => new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    });
    const el = await fixture<RosterExport>(html`<licheng-roster-export .token=${fakeToken()} locale="zh-TW"></licheng-roster-export>`);
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
    expect(api.callsTo('registry.rosters.export')[0]!.input).to.deep.equal({ academicYear: 114, semester: 2, kind: 26 });
    const download = api.callsTo('/api/files/f-roster?download=1');
    expect(download).to.have.length(1);
    expect(download[0]!.headers.get('authorization')).to.match(/^Bearer /);
    await el.updateComplete;
    expect(deepText(el)).to.contain('已產生「999901_114_1_26.xlsx」，共 12 筆。');
    await expect(el).to.be.accessible();
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
});
