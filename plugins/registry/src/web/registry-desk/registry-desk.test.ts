import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeToken, installFakeApi, type FakeApi } from '@licheng/client/testing';
import './registry-desk.ts';
import type { RegistryDesk } from './registry-desk.component.ts';
import type { RosterImport } from '../roster-import/roster-import.component.ts';
import { bootstrap, mount, unmount } from '../index.ts';
import { templates } from '../testing/fixtures.ts';
import { auditPage } from '../testing/audit-entries.ts';

describe('<licheng-registry-desk>', () => {
  let api: FakeApi;
  afterEach(() => api?.restore());

  it('puts imports, exports and the audit trail under one h1 and is accessible', async () => {
    api = installFakeApi({ 'registry.imports.templates': () => templates, 'platform.me': () => ({ term: { academicYear: 114, semester: 1 } }), 'registry.audit.list': () => auditPage(), 'registry.appeals.list': () => [], 'registry.rosters.list': () => ({ rosters: [] }) });
    const el = await fixture<RegistryDesk>(html`<licheng-registry-desk .token=${fakeToken()} locale="zh-TW"></licheng-registry-desk>`);
    // Each section loads as its own module; it renders once defined, with the properties the desk gave it.
    const sections = [...el.shadowRoot!.querySelectorAll('.panel')];
    expect(sections.map((s) => s.localName)).to.deep.equal([
      'licheng-roster-import', 'licheng-roster-export', 'licheng-grade-records', 'licheng-status-changes', 'licheng-grade-appeals', 'licheng-transfer-package', 'licheng-consent-overview', 'licheng-audit-trail',
    ]);
    await waitUntil(() => sections.every((s) => s.shadowRoot !== null), 'a section never loaded', { timeout: 8_000 });
    const importer = el.shadowRoot!.querySelector<RosterImport>('licheng-roster-import')!;
    await waitUntil(() => importer.templates !== null && importer.templates !== undefined, 'templates never loaded', { timeout: 5_000 });
    expect(importer.locale).to.equal('zh-TW');
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('註冊組名冊作業');
    expect(importer.shadowRoot!.querySelector('h2')!.textContent).to.equal('匯入名冊資料');
    expect(el.shadowRoot!.querySelector('licheng-roster-export')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('名冊提交');
    const trail = el.shadowRoot!.querySelector('licheng-audit-trail')!;
    await waitUntil(() => trail.entries !== null);
    expect(trail.shadowRoot!.querySelector('h2')!.textContent).to.equal('稽核紀錄');
    await expect(el).to.be.accessible();
  });

  it('mounts and unmounts as a single-spa application', async () => {
    api = installFakeApi({ 'registry.imports.templates': () => templates, 'platform.me': () => ({ term: { academicYear: 114, semester: 1 } }) });
    const domElement = document.createElement('div');
    document.body.appendChild(domElement);
    const props = { name: '@licheng/plugin-registry', singleSpa: {} as never, mountParcel: (() => {}) as never, token: fakeToken(), apiBase: '', locale: 'zh-TW' as const, domElement };
    await bootstrap(props);
    await mount(props);
    expect(domElement.querySelector('licheng-registry-app')).to.exist;
    await unmount(props);
    expect(domElement.children).to.have.length(0);
    domElement.remove();
  });
});
