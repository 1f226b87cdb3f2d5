import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './audit-trail.ts';
import type { AuditTrail } from './audit-trail.component.ts';
import { auditEntries, auditPage } from '../testing/audit-entries.ts';

/** 代理: an entry a proxy wrote says whom it was for (audit_log.acted_for, ADR 0023). */
describe('<licheng-audit-trail> entries of a proxy', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('shows 「代理 王老師」 beside the proxy who acted, and nothing on others; accessible', async () => {
    const byProxy = { ...auditEntries[0]!, id: '019ac5a0-0000-7000-8000-0000000000f1', actor: { id: 't-chen', name: '陳老師', role: 'subject-teacher', actedFor: { id: 't-wang', name: '王老師' } } };
    api = installFakeApi({ 'registry.audit.list': () => auditPage([byProxy, auditEntries[1]!]) });
    const el = await fixture<AuditTrail>(html`<licheng-audit-trail .token=${fakeToken()} locale="zh-TW"></licheng-audit-trail>`);
    await waitUntil(() => el.entries !== null, 'the trail never loaded');
    await el.updateComplete;
    const marks = [...el.shadowRoot!.querySelectorAll('.acted-for')].map((e) => e.textContent);
    expect(marks).to.deep.equal(['代理 王老師']);
    await expect(el).to.be.accessible();
  });
});
