import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './my-outcomes.ts';
import type { MyOutcomes } from './my-outcomes.component.ts';
import { outcome, deepText } from '../testing/fixtures.ts';
import { repeatedControlNames } from '../testing/accessible-names.ts';

const list = [
  outcome({ id: 'o1', status: 'pending' }),
  outcome({ id: 'o2', status: 'failed', statusReason: '檔案內容與本課程無關', decidedByName: '陳老師', decidedAt: '2025-10-03T03:00:00.000Z', course: { id: 'c-bio', code: '108999901H11A0104040001', subjectName: '生物', credits: 2, gradeLevel: 1 } }),
  outcome({ id: 'o3', status: 'passed', selected: true, academicYear: 113, semester: 2, decidedByName: '林老師', decidedAt: '2025-06-03T03:00:00.000Z' }),
];

describe('<licheng-my-outcomes>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render() {
    const el = await fixture<MyOutcomes>(html`<licheng-my-outcomes .token=${fakeToken()} locale="zh-TW"></licheng-my-outcomes>`);
    await waitUntil(() => el.outcomes !== null || el.error !== '', 'never loaded');
    await el.updateComplete;
    return el;
  }

  it('lists outcomes by term with status in words and the failure reason, and is accessible', async () => {
    api = installFakeApi({ 'student.outcomes.list': () => list });
    const el = await render();
    const root = el.shadowRoot!;
    const headings = [...root.querySelectorAll('h2, h3')].map((h) => h.textContent!.trim());
    expect(headings).to.deep.equal(['我的課程學習成果', '114 學年度第 1 學期', '113 學年度第 2 學期']);
    const badges = [...root.querySelectorAll('licheng-status-badge')].map((b) => b.getAttribute('status'));
    expect(badges).to.deep.equal(['pending', 'failed', 'passed']);
    expect(root.textContent).to.contain('未通過原因：檔案內容與本課程無關');
    expect(root.textContent).to.contain('已勾選');
    await expect(el).to.be.accessible();
  });

  it('takes the token and api-base from attributes, as a plain host page gives them', async () => {
    api = installFakeApi({ 'student.outcomes.list': () => list });
    const token = fakeToken();
    const el = await fixture<MyOutcomes>(html`<licheng-my-outcomes token=${token} api-base="/portfolio/" locale="zh-TW"></licheng-my-outcomes>`);
    await waitUntil(() => el.outcomes !== null || el.error !== '', 'never loaded');
    expect(el.error).to.equal('');
    const call = api.callsTo('student.outcomes.list')[0]!;
    expect(call.headers.get('authorization')).to.equal(`Bearer ${token}`);
    expect(new URL(call.url, location.href).pathname).to.equal('/portfolio/trpc/student.outcomes.list');
  });

  it('asks to fix a failed item with an event naming the outcome', async () => {
    api = installFakeApi({ 'student.outcomes.list': () => list });
    const el = await render();
    const fix = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('修正並重新送出'))!;
    expect(fix.getAttribute('aria-label')).to.equal('修正並重新送出：生物「閱讀心得：以《城南舊事》為題的書面報告」');
    setTimeout(() => fix.click());
    const event = (await oneEvent(el, 'licheng-resubmit-request')) as CustomEvent<{ outcome: { id: string } }>;
    expect(event.detail.outcome.id).to.equal('o2');
  });

  it('opens a file through the authorised file route in the viewer', async () => {
    api = installFakeApi({
      'student.outcomes.list': () => [list[0]],
      'GET /api/files/f-doc': () => new Response(new Blob(['%PDF-1.4'], { type: 'application/pdf' }), { headers: { 'content-type': 'application/pdf', 'content-disposition': "inline; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf" } }),
    });
    const el = await render();
    const open = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('開啟文件檔'))!;
    open.click();
    const viewer = el.shadowRoot!.querySelector('licheng-file-viewer')!;
    await waitUntil(() => viewer.shadowRoot?.querySelector('iframe'), 'viewer did not open');
    expect(viewer.shadowRoot!.querySelector('iframe')!.title).to.equal('報告.pdf');
    const [call] = api.callsTo('/api/files/f-doc');
    expect(call!.headers.get('authorization')).to.match(/^Bearer /);
    (viewer.shadowRoot!.querySelector('licheng-dialog') as HTMLElement & { close(): void }).close();
  });

  it('names the files and fixes of two outcomes of one subject apart, as the browser reads them', async () => {
    const second = { summary: '朗讀錄音：〈背影〉', mediaFileId: 'f-media', documentFileId: 'f-doc2' };
    api = installFakeApi({
      'student.outcomes.list': () => [
        outcome({ id: 'o1', status: 'failed', statusReason: '檔案無法開啟' }),
        outcome({ id: 'o4', status: 'failed', statusReason: '非本課程作品', ...second }),
      ],
    });
    const el = await render();
    const labels = [...el.shadowRoot!.querySelectorAll('td button')].map((b) => b.getAttribute('aria-label'));
    expect(labels).to.include('開啟文件檔：國語文「朗讀錄音：〈背影〉」');
    expect(await repeatedControlNames()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says when each outcome was sent, and marks one sent again as 重新送出', async () => {
    api = installFakeApi({
      'student.outcomes.list': () => [
        outcome({ id: 'o1', status: 'pending', resubmitted: true, submittedAt: '2025-10-06T01:30:00.000Z', updatedAt: '2025-10-06T01:30:00.000Z' }),
        outcome({ id: 'o3', status: 'passed', submittedAt: '2025-10-01T02:00:00.000Z', decidedAt: '2025-10-09T03:00:00.000Z', updatedAt: '2025-10-09T03:00:00.000Z' }),
      ],
    });
    const el = await render();
    const [again, once] = [...el.shadowRoot!.querySelectorAll('.submitted')].map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
    expect(again).to.match(/^114\D+10\D+06.* 重新送出$/);
    expect(once).to.match(/^114\D+10\D+01.* 送出$/);
    expect(once).not.to.match(/10\D+09/);
    el.locale = 'en';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.submitted')!.textContent).to.contain('Resubmitted');
  });

  it('says when there is nothing yet', async () => {
    api = installFakeApi({ 'student.outcomes.list': () => [] });
    const el = await render();
    expect(deepText(el)).to.contain('尚未上傳任何課程學習成果');
  });
});
