import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import { deepActiveElement } from '@licheng/ui';
import './status-changes.ts';
import type { StatusChanges } from './status-changes.component.ts';

describe('<licheng-status-changes>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('records one change with a 民國 date, shows the student’s history and focuses the outcome; accessible', async () => {
    api = installFakeApi({
      'registry.status.record': (input) => ({ id: 'c1', ...(input as object) }),
      'registry.status.history': () => ({
        student: { studentNo: 'S002', name: '林小華', className: '101' },
        statusToday: 'suspended',
        changes: [{ id: 'c1', date: '2025-11-10', kind: 'suspend', statusCode: '411', note: '', createdAt: '' }],
        placements: [{ academicYear: 114, semester: 1, division: 'day', className: '101', seatNo: 2 }],
      }),
    });
    const el = await fixture<StatusChanges>(html`<licheng-status-changes .token=${fakeToken()} locale="zh-TW"></licheng-status-changes>`);
    const root = el.shadowRoot!;
    await expect(el).to.be.accessible();
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.error !== '');
    expect(api.callsTo('registry.status.record')).to.have.length(0);

    const type = (id: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(id)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('#status-student', 'S002');
    type('#status-code', '411');
    el.date = '2025-11-10';
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.done !== '');
    await waitUntil(() => deepActiveElement()?.id === 'status-done');
    expect(api.callsTo('registry.status.record')[0]!.input).to.deep.equal({ studentNo: 'S002', date: '2025-11-10', kind: 'suspend', statusCode: '411', note: '' });
    expect(root.querySelector('#status-done')!.textContent).to.equal('已登錄 S002 的休學（114/11/10）。');
    expect(root.querySelector('#history-heading')!.textContent).to.contain('休學中');
    await expect(el).to.be.accessible();
  });
});
