import { html, nothing, type PropertyValues } from 'lit';
import { readDate, rocDateOf } from '@licheng/core';
import { LichengElement } from '../base/licheng-element.ts';
import { t } from '../i18n/messages.ts';
import { controls, focusRing, tokens } from '../styles/tokens.styles.ts';
import { dateFieldStyles } from './date-field.styles.ts';

export interface DateChange {
  /** The date as ISO 'YYYY-MM-DD', or '' when the field is empty or cannot be read. */
  value: string;
  /** Why the typed text is not a date, or ''. */
  error: string;
}

/**
 * A labelled date field that speaks 民國: people type 115/11/27, 115-11-27, 115.11.27, 1151127
 * or a Gregorian 2026-11-27, and on leaving the field (or Enter) it shows the date normalised —
 * 115/11/27 in zh-TW, 2026-11-27 in English — with the other calendar beside it. `value` is
 * always the ISO date ('' while empty or unreadable); text that is no date, or a date that does
 * not exist (115/02/30), is reported at the field (aria-invalid, aria-describedby) and announced as
 * it appears: the message lands in a live region (role=alert) that is always on the page, so
 * screen readers speak it even though focus has already moved on to the next field.
 *
 * Form-associated: with a `name` it gives its ISO value to FormData, takes part in the form's
 * validity (required, unreadable) and Enter submits the form, as in a native input.
 *
 * The host carries an `invalid` attribute while a message is shown.
 *
 * @event licheng-date-change - The typed date was committed; `detail: { value, error }`.
 * @csspart input - The text input.
 */
export class DateField extends LichengElement {
  static formAssociated = true;
  static override styles = [tokens, focusRing, controls, dateFieldStyles];
  static override properties = {
    label: {},
    hint: {},
    name: { reflect: true },
    value: { noAccessor: true },
    required: { type: Boolean },
    disabled: { type: Boolean },
    error: {},
    text: { state: true },
    problem: { state: true },
  };

  declare label: string;
  /** Replaces the standard hint (how to write a date). */
  declare hint: string;
  declare name: string;
  declare required: boolean;
  declare disabled: boolean;
  /** An error the screen reports for this field (e.g. an end before the start). */
  declare error: string;
  declare text: string;
  declare problem: string;

  #internals: ElementInternals;
  #value = '';

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.label = '';
    this.hint = '';
    this.name = '';
    this.value = '';
    this.required = false;
    this.disabled = false;
    this.error = '';
    this.text = '';
    this.problem = '';
  }

  /** The date as ISO 'YYYY-MM-DD', or '' while empty or unreadable; the form sees it at once. */
  get value(): string {
    return this.#value;
  }

  set value(value: string) {
    const old = this.#value;
    this.#value = value ?? '';
    // A value set from outside replaces whatever unreadable text was typed.
    this.problem = '';
    this.#internals.setFormValue(this.#value || null);
    this.requestUpdate('value', old);
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** The date as people read it in this locale. */
  #shown(iso: string): string {
    return this.locale === 'zh-TW' ? (rocDateOf(iso) ?? iso) : iso;
  }

  /** The message shown at the field: its own reading first, then the screen's. */
  get message(): string {
    return this.problem || this.error;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A value set from outside (or a locale switch) shows as the normalised date.
    if (this.problem) return;
    if (this.value && (changed.has('value') || changed.has('locale'))) this.text = this.#shown(this.value);
    else if (!this.value && changed.has('value')) this.text = '';
  }

  override updated(): void {
    // Screens find the first field in error with `[aria-invalid="true"], [invalid]`.
    this.toggleAttribute('invalid', Boolean(this.message));
    const anchor = this.#input ?? undefined;
    if (this.message) this.#internals.setValidity({ customError: true }, this.message, anchor);
    else if (this.required && !this.value) this.#internals.setValidity({ valueMissing: true }, t('date.required', { label: this.label }, this.locale), anchor);
    else this.#internals.setValidity({});
  }

  /** Reads the typed text now (as on leaving the field); returns the ISO value or ''. */
  commit(): string {
    const text = this.#input?.value ?? this.text;
    const trimmed = text.trim();
    const reading = trimmed === '' ? null : readDate(trimmed);
    // Setting the value clears the field's own message.
    this.value = reading && 'iso' in reading ? reading.iso : '';
    this.text = reading && 'iso' in reading ? this.#shown(reading.iso) : text;
    if (reading && 'problem' in reading) this.problem = t(`date.${reading.problem}`, { text: trimmed }, this.locale);
    this.emit<DateChange>('licheng-date-change', { value: this.value, error: this.problem });
    return this.value;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    this.value = '';
    this.text = '';
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  override focus(options?: FocusOptions): void {
    this.#input?.focus(options);
  }

  #typed(event: Event) {
    this.text = (event.target as HTMLInputElement).value;
    // An error goes away as soon as the text reads as a date; new errors wait for the commit.
    if (this.problem && 'iso' in readDate(this.text.trim())) this.problem = '';
  }

  async #key(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    this.commit();
    await this.updateComplete;
    this.#internals.form?.requestSubmit();
  }

  override render() {
    const L = this.locale;
    const message = this.message;
    const other = this.value && !message ? t('date.reads-as', { iso: this.value, roc: rocDateOf(this.value) ?? this.value }, L) : '';
    const describedBy = ['hint', other ? 'reading' : '', message ? 'error' : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="input">${this.label}${this.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      <p id="hint" class="hint">${this.hint || t('date.hint', {}, L)}</p>
      <input
        id="input"
        part="input"
        type="text"
        autocomplete="off"
        spellcheck="false"
        .value=${this.text}
        ?required=${this.required}
        ?disabled=${this.disabled}
        aria-describedby=${describedBy}
        aria-invalid=${message ? 'true' : 'false'}
        @input=${this.#typed}
        @change=${() => this.commit()}
        @keydown=${this.#key}
      />
      ${other ? html`<p id="reading" class="reading">${other}</p>` : nothing}
      <p id="error" class="error-text" role="alert" aria-atomic="true">${message}</p>
    </div>`;
  }
}
