import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './notice.ts';
import type { Notice } from './notice.component.ts';

describe('<licheng-notice>', () => {
  it('puts errors in the alert region and other messages in the status region', async () => {
    const el = await fixture<Notice>(html`<licheng-notice></licheng-notice>`);
    el.show('已儲存', 'success');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('已儲存');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();

    el.show('上傳失敗', 'error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('上傳失敗');
    await expect(el).to.be.accessible();
  });

  it('shows nothing when empty but keeps its live regions', async () => {
    const el = await fixture<Notice>(html`<licheng-notice></licheng-notice>`);
    const box = el.shadowRoot!.querySelector('.box') as HTMLElement;
    expect(box.hidden).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[role="status"], [role="alert"]').length).to.equal(2);
  });

  it('shows slotted content and can be dismissed', async () => {
    const el = await fixture<Notice>(html`<licheng-notice variant="warning" dismissible><span>請注意</span></licheng-notice>`);
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('button.dismiss') as HTMLButtonElement;
    expect(button).to.exist;
    expect(button.getAttribute('aria-label')).to.equal('關閉訊息');
    await expect(el).to.be.accessible();
    setTimeout(() => button.click());
    await oneEvent(el, 'licheng-dismiss');
  });
});
