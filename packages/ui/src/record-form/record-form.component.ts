import { html, nothing, type PropertyValues } from 'lit';
import type { RecordFieldSpec } from '@licheng/core';
import { LichengElement } from '../base/licheng-element.ts';
import { heading } from '../base/heading.ts';
import { charCount } from '../i18n/i18n.ts';
import type { FileChange, FileField } from '../file-field/file-field.component.ts';
import type { DateField } from '../date-field/date-field.component.ts';
import { screenStyles } from '../styles/tokens.styles.ts';
import { rt } from '../record-fields/messages.ts';
import { fileSlotsOf, localized, summaryLabelOf, RADIO_MAX, readFieldValue, RECORD_FILE_LIMITS, videoLinkError, type RecordKindScreen, type RecordRow, type RecordSubmission } from '../record-fields/record-fields.ts';
import { FILES, LINK, noteErrors, REASON, REASON_MAX, STUDENT, SUMMARY, both } from './record-form-notes.ts';
import { recordFormStyles } from './record-form.styles.ts';
import '../date-field/date-field.ts';
import '../file-field/file-field.ts';
import '../notice/notice.ts';

/** Keys of the form's own fields beside the kind's. */
/** The record's own 學年度 and 學期 (not in `data`), asked with the student. */
const TERM_FIELDS: RecordFieldSpec[] = [
  { key: '_academicYear', type: 'academic-year', required: true, label: both('list.year') },
  { key: '_semester', type: 'semester', required: true, label: both('list.semester') },
];

/**
 * `<licheng-record-form>` — one record of a kind, entered or corrected, drawn from the kind's
 * `RecordFieldSpec`s: text (a textarea for multiline, with a character counter), 民國 dates
 * (`<licheng-date-field>`), numbers with their unit and range, code lists by their labels
 * (radios for up to 4 codes, else a select), academic year and semester in ROC terms. Optional:
 * the student's 學號 (`ask-student`), a 內容簡述, a document, a media file and an external video
 * link under the same limits as course outcomes.
 *
 * Checked on sending: errors appear at each field (aria-invalid, aria-describedby) and in a list
 * at the top whose links move to the field; focus goes to the first wrong field. Set `record` to
 * correct one (the form shows its values). With `disabled-reason` (a closed window, no
 * permission) every control is disabled and the reason is shown before anything is typed.
 *
 * @event licheng-record-submit - Checked and ready: `detail: { data, summary, files, videoLink, studentNo? }` (RecordSubmission).
 * @event licheng-record-cancel - A correction was left without saving.
 * @csspart form - The form.
 */
export class RecordForm extends LichengElement {
  static override styles = [...screenStyles, recordFormStyles];
  static override properties = {
    kind: { attribute: false },
    record: { attribute: false },
    askStudent: { type: Boolean, attribute: 'ask-student' },
    disabledReason: { attribute: 'disabled-reason' },
    defaultYear: { type: Number, attribute: 'default-year' },
    defaultSemester: { type: Number, attribute: 'default-semester' },
    busy: { type: Boolean },
    headingLevel: { type: Number, attribute: 'heading-level' },
    values: { state: true },
    errors: { state: true },
    replacing: { state: true },
  };

  /** The kind whose fields are shown. */
  declare kind: RecordKindScreen | null;
  /** A record to correct (pre-fills the form), or null for a new one. */
  declare record: RecordRow | null;
  /** Ask for the student's 學號 (an office entering for a student). */
  declare askStudent: boolean;
  /** Why the form cannot be used now (closed window, no permission); disables it. */
  declare disabledReason: string;
  /** The 學年度 and 學期 a new record starts with (with ask-student). */
  declare defaultYear: number | null;
  declare defaultSemester: number | null;
  /** The host is saving: the send button waits. */
  declare busy: boolean;
  declare headingLevel: number;
  declare values: Record<string, string>;
  declare errors: Record<string, string>;
  /** On a correction, the slots whose attached file is being replaced (更換); the others keep theirs (保留). */
  declare replacing: { document: boolean; media: boolean };

  #files: { document: string; media: string } = { document: '', media: '' };

  constructor() {
    super();
    this.kind = null;
    this.record = null;
    this.askStudent = false;
    this.disabledReason = '';
    this.defaultYear = null;
    this.defaultSemester = null;
    this.busy = false;
    this.headingLevel = 2;
    this.values = {};
    this.errors = {};
    this.replacing = { document: false, media: false };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A host that redraws hands over an equal kind as a new object: only another kind (by id)
    // or another record empties the form, never what the user is typing.
    const kindChanged = changed.has('kind') && (changed.get('kind') as RecordKindScreen | null | undefined)?.id !== this.kind?.id;
    if (changed.has('record') || kindChanged) this.#fill();
    else if ((changed.has('defaultYear') || changed.has('defaultSemester')) && !this.record) this.values = { ...this.values, ...this.#defaultTerm() };
  }

  /** Shows the record's values (or empties the form for a new one). */
  #fill() {
    const r = this.record;
    const values: Record<string, string> = {};
    for (const f of this.kind?.fields ?? []) {
      const v = r?.data[f.key];
      values[f.key] = v === null || v === undefined ? '' : String(v);
    }
    values[SUMMARY] = r?.summary ?? '';
    values[LINK] = r?.videoUrl ?? '';
    values[STUDENT] = r?.student?.studentNo ?? '';
    values[REASON] = '';
    Object.assign(values, r ? {} : this.#defaultTerm());
    this.values = values;
    this.errors = {};
    this.replacing = { document: false, media: false };
    for (const f of this.renderRoot?.querySelectorAll?.<FileField>('licheng-file-field') ?? []) f.clear();
  }

  #defaultTerm(): Record<string, string> {
    return { _academicYear: this.defaultYear ? String(this.defaultYear) : '', _semester: this.defaultSemester ? String(this.defaultSemester) : '' };
  }

  /** Why the form is disabled: the host's reason, or the kind's refusal; '' when usable. */
  get #off(): string {
    return this.disabledReason || (this.kind?.mayEnter === false && !this.record ? rt('form.no-permission', {}, this.locale) : '');
  }

  /** Whether this correction needs a reason (a certified record the office registered). */
  get #needsReason(): boolean {
    return this.record?.correctable === 'with-reason';
  }

  /** The fields asked, in order: the term (with the student, for a new record), then the kind's. */
  get #fields(): RecordFieldSpec[] {
    return [...(this.askStudent && !this.record ? TERM_FIELDS : []), ...(this.kind?.fields ?? [])];
  }

  /** Empties the form (after a save the host keeps). */
  reset(): void {
    this.record = null;
    this.#fill();
  }

  #set(key: string, value: string) {
    this.values = { ...this.values, [key]: value };
    if (this.errors[key]) {
      const { [key]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  #file(slot: 'document' | 'media'): FileField | null {
    return this.renderRoot.querySelector<FileField>(`licheng-file-field[name="${slot}"]`);
  }

  /** Whether the record being corrected has a file in this slot. */
  #attached(slot: 'document' | 'media'): boolean {
    return Boolean(this.record?.[slot === 'document' ? 'documentFileId' : 'mediaFileId']);
  }

  /** The file to send for a slot: a new record's chosen file; on a correction only a replacement (更換). */
  #chosen(slot: 'document' | 'media'): File | null {
    if (this.#attached(slot) && !this.replacing[slot]) return null;
    return this.#file(slot)?.file ?? null;
  }

  #check(): { errors: Record<string, string>; data: Record<string, string | number> } {
    const L = this.locale;
    const errors: Record<string, string> = {};
    const data: Record<string, string | number> = {};
    if (this.askStudent && !this.record && !(this.values[STUDENT] ?? '').trim()) errors[STUDENT] = rt('error.required', { field: rt('form.student-no', {}, L) }, L);
    for (const f of this.#fields) {
      // A date that cannot be read is reported by its field; the list at the top repeats it.
      const dateProblem = f.type === 'date' ? this.renderRoot.querySelector<DateField>(`licheng-date-field[data-key="${f.key}"]`)?.problem : '';
      const read = readFieldValue(f, this.values[f.key] ?? '', L);
      if (dateProblem) errors[f.key] = dateProblem;
      else if (read.error) errors[f.key] = read.error;
      else if (read.value !== undefined) data[f.key] = read.value;
    }
    Object.assign(errors, noteErrors(this.kind, this.values, this.#needsReason, L));
    const link = videoLinkError(this.values[LINK] ?? '', L);
    if (link) errors[LINK] = link;
    if (this.#files.document || this.#files.media) errors[FILES] = rt('error.file', {}, L);
    else {
      const missing = (['document', 'media'] as const).find((slot) => this.#attached(slot) && this.replacing[slot] && !this.#file(slot)?.file);
      if (missing) errors[FILES] = rt('form.replace-missing', { slot: rt(`form.${missing}`, {}, L) }, L);
    }
    return { errors, data };
  }

  /** The field elements in the order of the form (for focusing the first error). */
  #target(key: string): HTMLElement | null {
    if (key === FILES) {
      const slot = this.#files.document || (!this.#files.media && this.#attached('document') && this.replacing.document && !this.#file('document')?.file) ? 'document' : 'media';
      return this.#file(slot);
    }
    const el = this.renderRoot.querySelector<HTMLElement>(`[data-key="${key}"]`);
    // A group of radios: its chosen radio, else its first.
    if (el instanceof HTMLFieldSetElement) return el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input');
    return el;
  }

  /** Checks the form and, when it is right, emits licheng-record-submit; returns whether it did. */
  async submit(): Promise<boolean> {
    if (this.#off || this.busy || !this.kind) return false;
    // A date typed but not yet left is read now.
    for (const d of this.renderRoot.querySelectorAll('licheng-date-field')) d.commit();
    const { errors, data } = this.#check();
    this.errors = errors;
    const first = Object.keys(errors)[0];
    if (first) {
      await this.updateComplete;
      this.#target(first)?.focus();
      return false;
    }
    const { _academicYear: year, _semester: semester, ...fields } = data;
    const detail: RecordSubmission = {
      data: fields,
      summary: (this.values[SUMMARY] ?? '').trim(),
      files: { document: this.#chosen('document'), media: this.#chosen('media') },
      videoLink: (this.values[LINK] ?? '').trim(),
      ...(this.askStudent && !this.record ? { studentNo: (this.values[STUDENT] ?? '').trim(), academicYear: Number(year), semester: Number(semester) as 1 | 2 } : {}),
      ...(this.#needsReason ? { reason: (this.values[REASON] ?? '').trim() } : {}),
    };
    this.emit<RecordSubmission>('licheng-record-submit', detail);
    return true;
  }

  #onSubmit(event: Event) {
    event.preventDefault();
    void this.submit();
  }

  #described(key: string, ...ids: string[]): string {
    return [...ids, this.errors[key] ? `${key}-error` : ''].filter(Boolean).join(' ');
  }

  #error(key: string) {
    const e = this.errors[key];
    return e ? html`<p id="${key}-error" class="error-text">${e}</p>` : nothing;
  }

  #label(key: string, text: string, required: boolean) {
    return html`<label for=${key}>${text}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>`;
  }

  #hint(key: string, text: string) {
    return text ? html`<p id="${key}-hint" class="hint">${text}</p>` : nothing;
  }

  #counter(key: string, max: number) {
    const L = this.locale;
    const count = charCount((this.values[key] ?? '').trim());
    const over = count - max;
    const announce = over > 0 ? rt('form.counter-over', { max, over }, L) : max - count <= 10 ? rt('form.counter-near', { left: max - count }, L) : '';
    return html`<p id="${key}-counter" class="counter ${over > 0 ? 'over' : ''}">${rt('form.counter', { count, max }, L)}</p>
      <p class="sr-only" role="status">${announce}</p>`;
  }

  #text(key: string, label: string, required: boolean, max: number, multiline: boolean, hint: string) {
    const off = Boolean(this.#off);
    const describedBy = this.#described(key, hint ? `${key}-hint` : '', `${key}-counter`);
    const input = (e: Event) => this.#set(key, (e.target as HTMLInputElement).value);
    return html`<div class="field ${multiline ? 'wide' : ''}">
      ${this.#label(key, label, required)} ${this.#hint(key, hint)}
      ${multiline
        ? html`<textarea id=${key} data-key=${key} rows="3" ?required=${required} ?disabled=${off} aria-describedby=${describedBy} aria-invalid=${this.errors[key] ? 'true' : 'false'} .value=${this.values[key] ?? ''} @input=${input}></textarea>`
        : html`<input id=${key} data-key=${key} type="text" ?required=${required} ?disabled=${off} aria-describedby=${describedBy} aria-invalid=${this.errors[key] ? 'true' : 'false'} .value=${this.values[key] ?? ''} @input=${input} />`}
      ${this.#counter(key, max)} ${this.#error(key)}
    </div>`;
  }

  #choice(f: RecordFieldSpec, options: Array<{ value: string; label: string }>, label: string, hint: string) {
    const key = f.key;
    const off = Boolean(this.#off);
    const value = this.values[key] ?? '';
    const invalid = this.errors[key] ? 'true' : 'false';
    if (options.length <= RADIO_MAX) {
      return html`<fieldset class="field choice" data-key=${key} aria-describedby=${this.#described(key, hint ? `${key}-hint` : '') || nothing} aria-invalid=${invalid}>
        <legend>${label}${f.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</legend>
        ${this.#hint(key, hint)}
        <div class="options">
          ${options.map(
            (o, i) => html`<label class="option"
              ><input type="radio" id=${i === 0 ? key : `${key}-${o.value}`} name=${key} value=${o.value} ?required=${f.required} ?disabled=${off} .checked=${value === o.value} @change=${() => this.#set(key, o.value)} />
              ${o.label}</label
            >`,
          )}
        </div>
        ${this.#error(key)}
      </fieldset>`;
    }
    return html`<div class="field">
      ${this.#label(key, label, f.required)} ${this.#hint(key, hint)}
      <select id=${key} data-key=${key} ?required=${f.required} ?disabled=${off} aria-describedby=${this.#described(key, hint ? `${key}-hint` : '') || nothing} aria-invalid=${invalid} @change=${(e: Event) => this.#set(key, (e.target as HTMLSelectElement).value)}>
        <option value="" .selected=${value === ''}>${rt('form.choose', {}, this.locale)}</option>
        ${options.map((o) => html`<option value=${o.value} .selected=${value === o.value}>${o.label}</option>`)}
      </select>
      ${this.#error(key)}
    </div>`;
  }

  #field(f: RecordFieldSpec) {
    const L = this.locale;
    const key = f.key;
    const label = localized(f.label, L);
    const hint = localized(f.hint, L);
    const off = Boolean(this.#off);
    switch (f.type) {
      case 'text':
        return this.#text(key, label, f.required, f.max, f.multiline ?? false, hint);
      case 'date':
        return html`<licheng-date-field
          class="field"
          id=${key}
          data-key=${key}
          .locale=${L}
          label=${label}
          hint=${hint || nothing}
          ?required=${f.required}
          ?disabled=${off}
          .value=${this.values[key] ?? ''}
          .error=${this.errors[key] ?? ''}
          @licheng-date-change=${(e: CustomEvent<{ value: string }>) => this.#set(key, e.detail.value)}
        ></licheng-date-field>`;
      case 'code':
        return this.#choice(f, f.codes.map((c) => ({ value: c.code, label: localized(c.label, L) })), label, hint);
      case 'semester':
        return this.#choice(f, ['1', '2'].map((s) => ({ value: s, label: rt(`form.semester-${s}` as 'form.semester-1', {}, L) })), label, hint);
      case 'integer':
      case 'decimal':
      case 'academic-year': {
        const number = f.type !== 'academic-year';
        const extra = number ? [f.unit ? rt('form.unit', { unit: localized(f.unit, L) }, L) : '', rt('form.range', { min: f.min, max: f.max }, L)] : [rt('form.year-hint', {}, L)];
        const fullHint = [hint, ...extra].filter(Boolean).join('；');
        return html`<div class="field">
          ${this.#label(key, label, f.required)} ${this.#hint(key, fullHint)}
          <span class="with-unit">
            <input
              id=${key}
              data-key=${key}
              type="text"
              inputmode=${f.type === 'decimal' ? 'decimal' : 'numeric'}
              ?required=${f.required}
              ?disabled=${off}
              aria-describedby=${this.#described(key, `${key}-hint`)}
              aria-invalid=${this.errors[key] ? 'true' : 'false'}
              .value=${this.values[key] ?? ''}
              @input=${(e: Event) => this.#set(key, (e.target as HTMLInputElement).value)}
            />
            ${number && f.unit ? html`<span aria-hidden="true">${localized(f.unit, L)}</span>` : nothing}
          </span>
          ${this.#error(key)}
        </div>`;
      }
    }
  }

  /** On a correction of a record with a file in `slot`: 保留 (keep it) or 更換 (choose a replacement). */
  #keepOrReplace(slot: 'document' | 'media', off: boolean) {
    if (!this.#attached(slot)) return nothing;
    const L = this.locale;
    const name = `${slot}-keep`;
    const choose = (replace: boolean) => () => {
      this.replacing = { ...this.replacing, [slot]: replace };
      if (!replace) this.#files = { ...this.#files, [slot]: '' };
      if (this.errors[FILES]) this.#set(FILES, '');
    };
    return html`<fieldset class="field choice keep-file" data-slot=${slot}>
      <legend>${rt('form.current-file', { slot: rt(`form.${slot}`, {}, L) }, L)}</legend>
      <div class="options">
        <label class="option"><input type="radio" name=${name} value="keep" ?disabled=${off} .checked=${!this.replacing[slot]} @change=${choose(false)} /> ${rt('form.keep-file', {}, L)}</label>
        <label class="option"><input type="radio" name=${name} value="replace" ?disabled=${off} .checked=${this.replacing[slot]} @change=${choose(true)} /> ${rt('form.replace-file', {}, L)}</label>
      </div>
    </fieldset>`;
  }

  #fileSlots() {
    const L = this.locale;
    const slots = fileSlotsOf(this.kind);
    if (!(slots.document || slots.media || slots.videoLink)) return nothing;
    const off = Boolean(this.#off) || this.busy;
    const onFile = (slot: 'document' | 'media') => (e: CustomEvent<FileChange>) => {
      this.#files = { ...this.#files, [slot]: e.detail.error };
      if (this.errors[FILES] && !this.#files.document && !this.#files.media) this.#set(FILES, '');
    };
    return html`<fieldset class="files" aria-describedby=${this.errors[FILES] ? `${FILES}-error` : nothing}>
      <legend>${rt('form.files', {}, L)}</legend>
      ${(['document', 'media'] as const).map((slot) =>
        slots[slot]
          ? html`${this.#keepOrReplace(slot, off)}
              ${this.#attached(slot) && !this.replacing[slot]
                ? nothing
                : html`<licheng-file-field
              name=${slot}
              .locale=${L}
              label=${rt(`form.${slot}`, {}, L)}
              hint=${rt(`form.${slot}-hint`, {}, L)}
              accept=${RECORD_FILE_LIMITS[slot].accept}
              max-bytes=${RECORD_FILE_LIMITS[slot].maxBytes}
                    ?disabled=${off}
                    @licheng-file-change=${onFile(slot)}
                  ></licheng-file-field>`}`
          : nothing,
      )}
      ${slots.videoLink
        ? html`<div class="field">
            ${this.#label(LINK, rt('form.video-link', {}, L), false)} ${this.#hint(LINK, rt('form.video-link-hint', {}, L))}
            <input
              id=${LINK}
              data-key=${LINK}
              type="url"
              inputmode="url"
              ?disabled=${off}
              aria-describedby=${this.#described(LINK, `${LINK}-hint`)}
              aria-invalid=${this.errors[LINK] ? 'true' : 'false'}
              .value=${this.values[LINK] ?? ''}
              @input=${(e: Event) => this.#set(LINK, (e.target as HTMLInputElement).value)}
            />
            ${this.#error(LINK)}
          </div>`
        : nothing}
      ${this.#error(FILES)}
    </fieldset>`;
  }

  override render() {
    const L = this.locale;
    const kind = this.kind;
    if (!kind) return nothing;
    const fixing = this.record;
    const name = localized(kind.label, L);
    const off = Boolean(this.#off);
    const listed = Object.keys(this.errors).filter((k) => this.errors[k]);
    return html`<section aria-labelledby="form-heading">
      ${heading(this.headingLevel, rt(fixing ? 'form.heading-fix' : 'form.heading-new', { kind: name }, L), 'form-heading')}
      ${off ? html`<p id="disabled-reason" class="disabled-reason">${this.#off}</p>` : nothing}
      <licheng-notice id="form-errors" variant="error" tabindex="-1" .locale=${L}>
        ${listed.length
          ? html`<span>${rt('form.fix-errors', {}, L)}</span>
              <ul class="errors">
                ${listed.map((k) => html`<li><a href="#${k}" @click=${(e: Event) => (e.preventDefault(), this.#target(k)?.focus())}>${this.errors[k]}</a></li>`)}
              </ul>`
          : nothing}
      </licheng-notice>
      <form part="form" novalidate aria-describedby=${off ? 'disabled-reason' : nothing} aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <div class="grid">
          ${this.askStudent
            ? fixing
              ? html`<p class="fixed">
                  <span class="label">${rt('list.student', {}, L)}</span> ${fixing.student?.studentNo} ${fixing.student?.name}
                  <span class="label">${rt('list.term', {}, L)}</span> ${rt('list.term-value', { year: fixing.academicYear, semester: fixing.semester }, L)}
                </p>`
              : html`<div class="field">
                  ${this.#label(STUDENT, rt('form.student-no', {}, L), true)} ${this.#hint(STUDENT, rt('form.student-no-hint', {}, L))}
                  <input
                    id=${STUDENT}
                    data-key=${STUDENT}
                    type="text"
                    autocomplete="off"
                    required
                    ?disabled=${off}
                    aria-describedby=${this.#described(STUDENT, `${STUDENT}-hint`)}
                    aria-invalid=${this.errors[STUDENT] ? 'true' : 'false'}
                    .value=${this.values[STUDENT] ?? ''}
                    @input=${(e: Event) => this.#set(STUDENT, (e.target as HTMLInputElement).value)}
                  />
                  ${this.#error(STUDENT)}
                </div>`
            : nothing}
          ${this.#fields.map((f) => this.#field(f))}
          ${kind.summary ? this.#text(SUMMARY, summaryLabelOf(kind, L), kind.summary.required, kind.summary.max, true, rt('form.summary-hint', { max: kind.summary.max }, L)) : nothing}
        </div>
        ${this.#needsReason ? this.#text(REASON, rt('form.reason', {}, L), true, REASON_MAX, true, rt('form.reason-hint', {}, L)) : nothing}
        ${this.#fileSlots()}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${off || this.busy} aria-describedby=${off ? 'disabled-reason' : nothing}>
            ${this.busy ? rt('form.sending', {}, L) : rt(fixing ? 'form.submit-fix' : 'form.submit-new', {}, L)}
          </button>
          ${fixing ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.emit('licheng-record-cancel')}>${rt('form.cancel', {}, L)}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }
}
