import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { deepActiveElement } from '../base/licheng-element.ts';
import { focusElement, focusMark, focusOutcome, returnFocus } from './focus-outcome.ts';
import '../notice/notice.ts';

/** A small screen: an action that renders its outcome only on the next Lit update. */
class FocusScreen extends LitElement {
  static override properties = { done: { type: Boolean }, rows: { type: Array } };
  declare done: boolean;
  declare rows: string[];
  constructor() {
    super();
    this.done = false;
    this.rows = ['甲', '乙'];
  }
  override render() {
    return litHtml`<h2>成果上傳</h2>
      <button id="act">送出</button>
      <input id="other" aria-label="其他" />
      <table><tbody>${this.rows.map((r) => litHtml`<tr id="row-${r}"><td>${r}</td></tr>`)}</tbody></table>
      ${this.done ? litHtml`<p id="status">已送出</p>` : ''}
      <licheng-notice></licheng-notice>`;
  }
}
customElements.define('focus-screen', FocusScreen);

const q = (el: FocusScreen, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement;

describe('focusOutcome', () => {
  it('waits for the render, finds the outcome in the shadow root and focuses it without adding it to the Tab order', async () => {
    const el = await fixture<FocusScreen>(html`<focus-screen></focus-screen>`);
    q(el, '#act').focus();
    el.done = true; // not rendered yet: the helper must await updateComplete
    const landed = await focusOutcome(el, '#status');
    expect(landed).to.equal(q(el, '#status'));
    expect(deepActiveElement()).to.equal(q(el, '#status'));
    expect(q(el, '#status').getAttribute('tabindex')).to.equal('-1');
    expect(q(el, '#status').tabIndex).to.equal(-1);
  });

  it('leaves a natively focusable target without a tabindex', async () => {
    const el = await fixture<FocusScreen>(html`<focus-screen></focus-screen>`);
    await focusOutcome(el, '#other');
    expect(deepActiveElement()).to.equal(q(el, '#other'));
    expect(q(el, '#other').hasAttribute('tabindex')).to.equal(false);
  });

  it('takes the first target that is on the page, and finds targets in nested shadow roots', async () => {
    const el = await fixture<FocusScreen>(html`<focus-screen></focus-screen>`);
    el.shadowRoot!.querySelector('licheng-notice')!.setAttribute('message', '已儲存');
    const box = () => el.shadowRoot!.querySelector('licheng-notice')!.shadowRoot!.querySelector('[part="box"]');
    const landed = await focusOutcome(el, ['#status', () => box(), '#other']);
    expect(landed).to.equal(box());
    expect(deepActiveElement()).to.equal(box());
    // A selector reaches inside the notice's shadow root too.
    (deepActiveElement() as HTMLElement).blur();
    expect(await focusOutcome(el, '[part="box"]')).to.equal(box());
  });

  it('falls back to the screen heading when the changed row vanished, never to the page body', async () => {
    const el = await fixture<FocusScreen>(html`<focus-screen></focus-screen>`);
    q(el, '#row-乙').focus();
    focusElement(q(el, '#row-乙'));
    el.rows = ['甲'];
    const landed = await focusOutcome(el, '#row-乙');
    expect(landed).to.equal(q(el, 'h2'));
    expect(deepActiveElement()).to.equal(q(el, 'h2'));
    expect(deepActiveElement()).not.to.equal(document.body);
  });

  it('uses the given fallback before the heading', async () => {
    const el = await fixture<FocusScreen>(html`<focus-screen></focus-screen>`);
    expect(await focusOutcome(el, '#missing', { fallback: '#row-甲' })).to.equal(q(el, '#row-甲'));
  });

  it('skips hidden targets', async () => {
    const el = await fixture<FocusScreen>(html`<focus-screen></focus-screen>`);
    el.done = true;
    await el.updateComplete;
    q(el, '#status').hidden = true;
    expect(await focusOutcome(el, ['#status', '#other'])).to.equal(q(el, '#other'));
  });

  it('does not steal focus the user moved elsewhere while the action ran', async () => {
    const el = await fixture<FocusScreen>(html`<focus-screen></focus-screen>`);
    q(el, '#act').focus();
    const mark = focusMark();
    q(el, '#other').focus(); // the user tabbed on during a slow upload
    el.done = true;
    expect(await focusOutcome(el, '#status', { since: mark })).to.equal(null);
    expect(deepActiveElement()).to.equal(q(el, '#other'));
  });

  it('moves focus when it is still on the control that started the action, or fell to the body', async () => {
    const el = await fixture<FocusScreen>(html`<focus-screen></focus-screen>`);
    q(el, '#act').focus();
    const mark = focusMark();
    el.done = true;
    expect(await focusOutcome(el, '#status', { since: mark })).to.equal(q(el, '#status'));
    q(el, '#act').focus();
    const second = focusMark();
    q(el, '#act').remove(); // the button re-rendered away: focus fell to the body
    expect(deepActiveElement()).to.equal(document.body);
    expect(await focusOutcome(el, 'h2', { since: second })).to.equal(q(el, 'h2'));
  });
});

describe('returnFocus', () => {
  it('returns to the opener, or to the fallback when the opener left the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button id="a">開啟</button><h2 id="h">標題</h2></div>`);
    const opener = wrapper.querySelector('#a') as HTMLButtonElement;
    const heading = wrapper.querySelector('#h') as HTMLElement;
    expect(returnFocus(opener, heading)).to.equal(opener);
    expect(document.activeElement).to.equal(opener);
    opener.remove();
    expect(returnFocus(opener, heading)).to.equal(heading);
    expect(document.activeElement).to.equal(heading);
    expect(heading.getAttribute('tabindex')).to.equal('-1');
  });
});
