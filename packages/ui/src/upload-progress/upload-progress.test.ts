import { expect, fixture, html } from '@open-wc/testing';
import './upload-progress.ts';
import type { UploadProgress } from './upload-progress.component.ts';

describe('<licheng-upload-progress>', () => {
  it('is a progressbar with aria-valuenow while uploading', async () => {
    const el = await fixture<UploadProgress>(html`<licheng-upload-progress state="uploading" value="42"></licheng-upload-progress>`);
    const bar = el.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('42');
    expect(bar.getAttribute('aria-valuetext')).to.equal('上傳中 42%');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('announces completion in its live region', async () => {
    const el = await fixture<UploadProgress>(html`<licheng-upload-progress state="uploading" value="80"></licheng-upload-progress>`);
    el.value = 100;
    el.state = 'done';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('上傳完成');
    await expect(el).to.be.accessible();
  });

  it('draws the bar’s width under a page CSP without unsafe-inline styles (no violation)', async () => {
    const violations: string[] = [];
    const listener = (e: SecurityPolicyViolationEvent) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    document.addEventListener('securitypolicyviolation', listener);
    const meta = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: "style-src 'self'" });
    document.head.append(meta);
    try {
      const el = await fixture<UploadProgress>(html`<licheng-upload-progress state="uploading" value="37"></licheng-upload-progress>`);
      const bar = el.shadowRoot!.querySelector<HTMLElement>('.bar')!;
      expect(bar.style.width).to.equal('37%');
      el.value = 64;
      await el.updateComplete;
      expect(bar.style.width).to.equal('64%');
      // A style attribute written as markup is what the policy blocks: the check itself works here.
      const probe = document.createElement('div');
      probe.setAttribute('style', 'width: 5px');
      document.body.append(probe);
      await new Promise((r) => setTimeout(r, 50));
      expect(violations.filter((v) => !v.startsWith('style-src-attr inline'))).to.deep.equal([]);
      expect(violations.length).to.be.greaterThan(0);
      probe.remove();
    } finally {
      document.removeEventListener('securitypolicyviolation', listener);
    }
  });

  it('shows no bar when idle', async () => {
    const el = await fixture<UploadProgress>(html`<licheng-upload-progress></licheng-upload-progress>`);
    expect(el.shadowRoot!.querySelector('[role="progressbar"]')).to.equal(null);
  });
});
