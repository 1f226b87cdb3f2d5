import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './consent-overview.ts';
import type { ConsentOverview } from './consent-overview.component.ts';

describe('<licheng-consent-overview>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('lists a class’s consent states with scope and ROC dates, focusing the result; accessible', async () => {
    api = installFakeApi({
      'student.consents.list': () => [
        { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1, state: 'given', consent: { parts: ['outcomes', 'performances'], academicYears: [114], givenAt: '2025-10-02T04:00:00.000Z', withdrawnAt: null } },
        { studentNo: 'S002', name: '林小華', className: '101', seatNo: 2, state: 'withdrawn', consent: { parts: ['outcomes'], academicYears: [114], givenAt: '2025-10-01T04:00:00.000Z', withdrawnAt: '2025-10-03T04:00:00.000Z' } },
        { studentNo: 'S003', name: '張小英', className: '101', seatNo: 3, state: 'none', consent: null },
      ],
    });
    const el = await fixture<ConsentOverview>(html`<licheng-consent-overview .token=${fakeToken()} locale="zh-TW"></licheng-consent-overview>`);
    await expect(el).to.be.accessible();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#consent-class')!;
    input.value = '101';
    input.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.rows !== null, 'not loaded');
    expect(api.callsTo('student.consents.list')[0]!.input).to.deep.equal({ className: '101' });
    await waitUntil(() => deepActiveElement()?.id === 'consent-overview-result', 'focus not on the result');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('陳小明（S001）').and.contain('同意').and.contain('課程學習成果、多元表現（114）').and.contain('114/10/02 同意');
    expect(rows[1]).to.contain('已撤回').and.contain('114/10/03 撤回');
    expect(rows[2]).to.contain('尚未同意');
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.contain('共 3 位學生，其中 1 位目前同意提供');
    await expect(el).to.be.accessible();
  });
});
