import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './date-field.ts';
import type { DateChange, DateField } from './date-field.component.ts';
import { deepActiveElement } from '../base/licheng-element.ts';

const inputOf = (el: DateField) => el.shadowRoot!.querySelector('input')!;

/** Types into the field with the keyboard and leaves it with Tab, as a person does. */
async function typeAndLeave(el: DateField, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

describe('<licheng-date-field>', () => {
  for (const typed of ['115/11/27', '115-11-27', '115.11.27', '1151127', '2026-11-27']) {
    it(`reads ${typed} as 民國 115/11/27 with the ISO value`, async () => {
      const el = await fixture<DateField>(html`<licheng-date-field label="發證日期" locale="zh-TW"></licheng-date-field>`);
      await typeAndLeave(el, typed);
      expect(el.value).to.equal('2026-11-27');
      expect(inputOf(el).value).to.equal('115/11/27');
      expect(el.shadowRoot!.querySelector('#reading')!.textContent).to.equal('即西元 2026-11-27');
      expect(inputOf(el).getAttribute('aria-invalid')).to.equal('false');
    });
  }

  it('reports a date that does not exist at the field and gives no value', async () => {
    const el = await fixture<DateField>(html`<licheng-date-field label="發證日期" locale="zh-TW"></licheng-date-field>`);
    el.focus();
    await sendKeys({ type: '115/02/30' });
    setTimeout(() => void sendKeys({ press: 'Tab' }));
    const event = (await oneEvent(el, 'licheng-date-change')) as CustomEvent<DateChange>;
    await el.updateComplete;
    expect(event.detail).to.deep.equal({ value: '', error: '「115/02/30」不是實際存在的日期，請檢查月份與日數' });
    const input = inputOf(el);
    expect(input.value).to.equal('115/02/30');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('hint error');
    expect(el.shadowRoot!.querySelector('#error')!.textContent).to.contain('不是實際存在的日期');
    expect(el.checkValidity()).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('announces its own error as it appears: the message fills a live region that was already on the page', async () => {
    const el = await fixture<DateField>(html`<licheng-date-field label="發證日期" locale="zh-TW"></licheng-date-field>`);
    const region = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(region, 'an empty alert region waits on the page before any error').to.exist;
    expect(region.textContent!.trim()).to.equal('');
    expect(inputOf(el).getAttribute('aria-describedby')).to.equal('hint');
    await typeAndLeave(el, '115/13/01');
    expect(deepActiveElement()).not.to.equal(inputOf(el));
    // The same node (not a freshly inserted one) now holds the message: screen readers announce the change.
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(region);
    expect(region.textContent!.trim()).to.equal(el.message);
    expect(el.message).not.to.equal('');
    expect(inputOf(el).getAttribute('aria-describedby')).to.equal('hint error');
    expect(region.id).to.equal('error');
    await expect(el).to.be.accessible();
  });

  it('reports text that is no date, and clears the error once the text reads as one', async () => {
    const el = await fixture<DateField>(html`<licheng-date-field label="起日" locale="zh-TW"></licheng-date-field>`);
    await typeAndLeave(el, '下週二');
    expect(el.message).to.equal('「下週二」無法辨識為日期，請以民國年/月/日輸入，例如 115/11/27');
    el.focus();
    inputOf(el).select();
    await sendKeys({ type: '1150101' });
    await el.updateComplete;
    expect(inputOf(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('speaks English: ISO shown, the ROC date beside it, English errors', async () => {
    const el = await fixture<DateField>(html`<licheng-date-field label="Date issued" locale="en"></licheng-date-field>`);
    await typeAndLeave(el, '115.11.27');
    expect(inputOf(el).value).to.equal('2026-11-27');
    expect(el.shadowRoot!.querySelector('#reading')!.textContent).to.equal('ROC date 115/11/27');
    el.focus();
    inputOf(el).select();
    await typeAndLeave(el, '2026-02-30');
    expect(el.message).to.equal('"2026-02-30" is not a real date; check the month and the day');
    await expect(el).to.be.accessible();
  });

  it('shows a value set by the screen as 民國, and shows the screen’s own error', async () => {
    const el = await fixture<DateField>(html`<licheng-date-field label="迄日" value="2025-08-01" error="起日不可晚於迄日"></licheng-date-field>`);
    expect(inputOf(el).value).to.equal('114/08/01');
    expect(inputOf(el).getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#error')!.textContent).to.equal('起日不可晚於迄日');
    await expect(el).to.be.accessible();
  });

  it('gives its ISO value to the form, is required like a native input, and Enter submits', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><licheng-date-field name="date" label="發證日期" required></licheng-date-field><button>送出</button></form>`);
    const el = form.querySelector('licheng-date-field')!;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    let submitted: FormData | null = null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = new FormData(form);
    });
    el.focus();
    await sendKeys({ type: '1151127' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(submitted).to.not.equal(null);
    expect(submitted!.get('date')).to.equal('2026-11-27');
    expect(form.checkValidity()).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(inputOf(el).value).to.equal('');
  });

  it('labels its input and ties the hint to it', async () => {
    const el = await fixture<DateField>(html`<licheng-date-field label="發證日期" required></licheng-date-field>`);
    const input = inputOf(el);
    expect(el.shadowRoot!.querySelector('label')!.htmlFor).to.equal(input.id);
    expect(input.getAttribute('aria-describedby')).to.equal('hint');
    expect(el.shadowRoot!.querySelector('#hint')!.textContent).to.contain('115/11/27');
    await expect(el).to.be.accessible();
  });
});
