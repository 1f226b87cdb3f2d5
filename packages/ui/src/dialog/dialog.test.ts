import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './dialog.ts';
import type { Dialog } from './dialog.component.ts';
import { deepActiveElement } from '../base/licheng-element.ts';

describe('<licheng-dialog>', () => {
  it('opens modally with a named dialog, focuses the slotted control and restores focus on cancel', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">開啟</button>
      <licheng-dialog heading="確認" confirm-label="送出"><label>原因 <textarea id="reason"></textarea></label></licheng-dialog>
    </div>`);
    const opener = wrapper.querySelector('#opener') as HTMLButtonElement;
    const dialog = wrapper.querySelector('licheng-dialog') as Dialog;
    opener.focus();
    const result = dialog.show();
    await dialog.updateComplete;
    const native = dialog.shadowRoot!.querySelector('dialog')!;
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    expect(deepActiveElement()).to.equal(wrapper.querySelector('#reason'));
    await expect(dialog).to.be.accessible();
    (dialog.shadowRoot!.querySelector('button.cancel') as HTMLButtonElement).click();
    expect(await result).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('lets a listener keep it open on confirm (e.g. a required field is empty)', async () => {
    const dialog = await fixture<Dialog>(html`<licheng-dialog heading="確認"><p>內容</p></licheng-dialog>`);
    let allow = false;
    dialog.addEventListener('licheng-dialog-confirm', (e) => {
      if (!allow) e.preventDefault();
    });
    const result = dialog.show();
    await dialog.updateComplete;
    const confirm = dialog.shadowRoot!.querySelector('[part="confirm"]') as HTMLButtonElement;
    confirm.click();
    expect(dialog.open).to.equal(true);
    allow = true;
    setTimeout(() => confirm.click());
    await oneEvent(dialog, 'licheng-dialog-close');
    expect(await result).to.equal(true);
  });

  it('closes on Escape as cancelled', async () => {
    const dialog = await fixture<Dialog>(html`<licheng-dialog heading="確認"><p>內容</p></licheng-dialog>`);
    const result = dialog.show();
    await dialog.updateComplete;
    dialog.shadowRoot!.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(await result).to.equal(false);
    expect(dialog.open).to.equal(false);
  });
});
