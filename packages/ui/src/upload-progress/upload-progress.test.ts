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

  it('shows no bar when idle', async () => {
    const el = await fixture<UploadProgress>(html`<licheng-upload-progress></licheng-upload-progress>`);
    expect(el.shadowRoot!.querySelector('[role="progressbar"]')).to.equal(null);
  });
});
