import { html, nothing } from 'lit';
import { errorText } from '@licheng/client';
import { readFreeText } from '@licheng/core';
import { cardTable, cardTableSideLabels, focusOutcome, heading, LichengElement, screenStyles, type Dialog, type NoticeVariant } from '@licheng/ui';
import { displayValue, localized, recordTitle, type RecordKindScreen, type RecordRow } from '@licheng/ui/records';
import { t, type StudentAffairsMessageKey } from '../messages.ts';
import { certifyStyles } from './affairs-desk.styles.ts';

/** A pending record as the certification list needs it (the server's RecordListRow fits). */
export interface PendingRecord extends RecordRow {
  version: number;
  enteredRole: string;
}

/** What the list needs from its host: the pending records of the kinds the caller certifies, and the decision. */
export interface CertifySource {
  pending(): Promise<readonly PendingRecord[]>;
  decide(record: PendingRecord, decision: 'pass' | 'fail', reason?: string): Promise<unknown>;
}

const REASON_MAX = 200;
const SECTION_ENTERERS = ['activities-staff', 'discipline-staff', 'clubs-staff', 'pe-staff'] as const;
/** Who entered a record, in words: the student, one of 學務處's sections, or another office. */
const enteredBy = (role: string): StudentAffairsMessageKey =>
  role === 'student' ? 'certify.entered-student' : (SECTION_ENTERERS as readonly string[]).includes(role) ? (`certify.entered-${role}` as StudentAffairsMessageKey) : 'certify.entered-office';
/**
 * `<licheng-student-affairs-certify>` — 待認證: the pending records of the kinds the section
 * certifies (students' 校外服務時數, 體適能, 社團資料 from 社團活動組…), each with its content and
 * 通過 / 不通過; 不通過 asks for the reason the student will read. After a decision the record
 * leaves the list and focus lands on the message saying what happened.
 *
 * @event licheng-record-decided - A record was decided; `detail: { id, decision }`.
 */
export class CertifyList extends LichengElement {
  static override styles = [...screenStyles, cardTable, cardTableSideLabels, certifyStyles];
  static override properties = {
    kinds: { attribute: false },
    source: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    records: { state: true },
    busy: { state: true },
    note: { state: true },
    failing: { state: true },
    reason: { state: true },
    reasonError: { state: true },
  };

  /** The kinds the caller certifies (labels and fields). */
  declare kinds: readonly RecordKindScreen[];
  declare source: CertifySource | null;
  declare headingLevel: number;
  declare records: readonly PendingRecord[] | null;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  declare failing: PendingRecord | null;
  declare reason: string;
  declare reasonError: string;

  constructor() {
    super();
    this.kinds = [];
    this.source = null;
    this.headingLevel = 2;
    this.records = null;
    this.busy = false;
    this.note = { variant: 'info', text: '' };
    this.failing = null;
    this.reason = '';
    this.reasonError = '';
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('source') && this.source) void this.load();
  }

  async load(): Promise<void> {
    if (!this.source) return;
    try {
      this.records = await this.source.pending();
    } catch (error) {
      this.records = [];
      this.note = { variant: 'error', text: t('certify.error', { message: errorText(error) }, this.locale) };
    }
  }

  #kind(id: string) {
    return this.kinds.find((k) => k.id === id);
  }

  #what(record: PendingRecord) {
    return recordTitle(this.#kind(record.kind), record, this.locale);
  }

  async #decide(record: PendingRecord, decision: 'pass' | 'fail', reason?: string) {
    if (!this.source || this.busy) return;
    const L = this.locale;
    this.busy = true;
    try {
      await this.source.decide(record, decision, reason);
      await this.load();
      this.note = { variant: 'success', text: t(decision === 'pass' ? 'certify.passed' : 'certify.failed', { what: this.#what(record), kind: localized(this.#kind(record.kind)?.label, L) }, L) };
      this.emit('licheng-record-decided', { id: record.id, decision });
    } catch (error) {
      this.note = { variant: 'error', text: t('certify.error', { message: errorText(error) }, L) };
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, '#certify-note');
  }

  async #fail(record: PendingRecord) {
    this.failing = record;
    this.reason = '';
    this.reasonError = '';
    await this.updateComplete;
    const confirmed = await this.renderRoot.querySelector<Dialog>('licheng-dialog')!.show();
    this.failing = null;
    if (confirmed) await this.#decide(record, 'fail', this.reason.trim());
  }

  #confirmFail(event: Event) {
    const read = readFreeText(this.reason, { max: REASON_MAX, multiline: true });
    if (read.ok) return;
    event.preventDefault();
    this.reasonError = t(read.problem === 'too-long' ? 'fail.too-long' : 'fail.required', { length: read.params.length ?? '' }, this.locale);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#fail-reason')?.focus());
  }

  #content(record: PendingRecord) {
    const kind = this.#kind(record.kind);
    const parts = (kind?.fields ?? [])
      .map((f) => [localized(f.label, this.locale), displayValue(f, record.data[f.key], this.locale)] as const)
      .filter(([, value]) => value !== '');
    return html`${record.summary ? html`<p class="summary">${record.summary}</p>` : nothing}
      <dl class="fields">${parts.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
  }

  #table(records: readonly PendingRecord[]) {
    const L = this.locale;
    return html`<table class="cards" part="table">
      <caption>${t('certify.caption', { count: records.length }, L)}</caption>
      <thead>
        <tr>
          <th scope="col">${t('certify.student', {}, L)}</th>
          <th scope="col">${t('certify.kind', {}, L)}</th>
          <th scope="col">${t('certify.content', {}, L)}</th>
          <th scope="col">${t('certify.entered', {}, L)}</th>
          <th scope="col">${t('certify.actions', {}, L)}</th>
        </tr>
      </thead>
      <tbody>
        ${records.map((r) => {
          const what = this.#what(r);
          return html`<tr data-id=${r.id}>
            <th scope="row" data-label=${t('certify.student', {}, L)}>${r.student ? t('certify.who', { className: r.student.className ?? '', seatNo: r.student.seatNo ?? '', name: r.student.name, studentNo: r.student.studentNo }, L) : ''}</th>
            <td data-label=${t('certify.kind', {}, L)}>${localized(this.#kind(r.kind)?.label, L)}<br /><span class="term">${t('certify.term', { year: r.academicYear, semester: r.semester }, L)}</span></td>
            <td data-label=${t('certify.content', {}, L)}>${this.#content(r)}</td>
            <td data-label=${t('certify.entered', {}, L)}>${t(enteredBy(r.enteredRole), {}, L)}</td>
            <td data-label=${t('certify.actions', {}, L)}>
              <div class="actions row-actions">
                <button type="button" class="primary" ?disabled=${this.busy} aria-label=${t('certify.pass-label', { what }, L)} @click=${() => this.#decide(r, 'pass')}>${t('certify.pass', {}, L)}</button>
                <button type="button" ?disabled=${this.busy} aria-label=${t('certify.fail-label', { what }, L)} @click=${() => this.#fail(r)}>${t('certify.fail', {}, L)}</button>
              </div>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #dialog() {
    const L = this.locale;
    const r = this.failing;
    return html`<licheng-dialog .locale=${L} tone="danger" heading=${r ? t('fail.heading', { what: this.#what(r) }, L) : ''} confirm-label=${t('fail.confirm', {}, L)} @licheng-dialog-confirm=${this.#confirmFail}>
      <div class="field">
        <label for="fail-reason">${t('fail.reason', {}, L)}<span class="required" aria-hidden="true"> *</span></label>
        <p id="fail-hint" class="hint">${t('fail.hint', {}, L)}</p>
        <textarea
          id="fail-reason"
          rows="3"
          required
          aria-invalid=${this.reasonError ? 'true' : 'false'}
          aria-describedby=${['fail-hint', this.reasonError ? 'fail-error' : ''].filter(Boolean).join(' ')}
          .value=${this.reason}
          @input=${(e: Event) => {
            this.reason = (e.target as HTMLTextAreaElement).value;
            this.reasonError = '';
          }}
        ></textarea>
        ${this.reasonError ? html`<p id="fail-error" class="error-text">${this.reasonError}</p>` : nothing}
      </div>
    </licheng-dialog>`;
  }

  override render() {
    const L = this.locale;
    return html`${heading(this.headingLevel, t('certify.heading', {}, L), 'certify-heading')}
      <p class="hint">${t('certify.intro', {}, L)}</p>
      <licheng-notice id="certify-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${this.records === null ? html`<p>${t('loading', {}, L)}</p>` : this.records.length ? this.#table(this.records) : html`<p class="empty">${t('certify.empty', {}, L)}</p>`}
      ${this.#dialog()}`;
  }
}
