import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createLichengClient } from '@licheng/client';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './receipt-reconcile.ts';
import type { ReceiptReconcile, Reconciliation } from './receipt-reconcile.component.ts';

const result: Reconciliation = {
  batchId: 'b1',
  academicYear: 114,
  semester: 0,
  snapshotsAvailable: true,
  rosters: [
    {
      id: 'r26', name: '課程學習成果', kind: 26, roster: 'outcomes', batch: 'regular',
      snapshot: { id: 's1', fileName: '26_課程學習成果_123456_114_0.xlsx', sha256: 'cd'.repeat(32), submittedAt: '2025-10-01T06:30:00.000Z', submittedByName: '註冊組長' },
      counts: { arrived: 3, missing: 1, unexpected: 0, differs: 1 },
      students: [
        { studentId: 's-chen', studentNo: 'S001', name: '陳小明', className: '101', status: 'differs', differences: [{ sheet: '學期課程學習成果', column: '成果簡述', submitted: '紅樓夢人物分析', received: '紅樓夢人物分折' }], rowsMissing: [], rowsUnexpected: [] },
        { studentId: 's-lin', studentNo: 'S002', name: '林小華', className: '101', status: 'missing', differences: [], rowsMissing: [], rowsUnexpected: [] },
      ],
    },
    { id: 'r28', name: '進修部課程學習成果', kind: 28, roster: 'night-outcomes', batch: 'regular', snapshot: null, counts: { arrived: 0, missing: 0, unexpected: 1, differs: 0 }, students: [{ studentId: 's-chang', studentNo: 'S003', name: '張小英', className: '301', status: 'unexpected', differences: [], rowsMissing: [], rowsUnexpected: [] }] },
  ],
} as Reconciliation;

describe('<licheng-receipt-reconcile>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  async function render(locale = 'zh-TW', width = '') {
    api = installFakeApi({ 'receipt.batches.reconcile': () => result });
    const client = createLichengClient({ token: fakeToken() });
    const box = await fixture<HTMLDivElement>(html`<div style=${width ? `width: ${width}` : ''}><licheng-receipt-reconcile .api=${client} batch-id="b1" locale=${locale}></licheng-receipt-reconcile></div>`);
    return box.firstElementChild as ReceiptReconcile;
  }

  it('compares on request: counts per roster, each student not arrived as submitted with the differing field; focus lands on the result; accessible', async () => {
    const el = await render();
    el.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => el.result !== null && !el.running);
    expect(api.callsTo('receipt.batches.reconcile')[0]!.input).to.deep.equal({ batchId: 'b1' });
    await waitUntil(() => el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('#reconcile-result'), 'focus did not land on the result');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal([['26 課程學習成果', '3', '1', '0', '1'], ['28 進修部課程學習成果', '0', '0', '1', '0']]);
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('學期課程學習成果 成果簡述：提交「紅樓夢人物分析」，收到「紅樓夢人物分折」');
    expect(text).to.contain('101 林小華（S002）：提交了但未收到');
    expect(text).to.contain('「進修部課程學習成果」沒有對應的提交快照');
    expect(text).to.contain('114/10/01 14:30');
    await expect(el).to.be.accessible();
  });

  it('speaks English and fits 390 px (its list items wrap; the count table scrolls in its own region)', async () => {
    const el = await render('en', '390px');
    el.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => el.result !== null && !el.running);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Submitted, not received');
    expect(el.scrollWidth).to.be.at.most(390);
    for (const item of el.shadowRoot!.querySelectorAll('li, button')) expect(item.getBoundingClientRect().right - el.getBoundingClientRect().left).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });
});
