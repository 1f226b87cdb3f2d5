import { css, html, nothing, type PropertyValues } from 'lit';
import { downloadFile, errorText, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, heading, screenStyles } from '@licheng/ui';
import { paths, type PaperFormList, type PaperFormResult } from '../api.ts';
import { pt } from './paper-forms-messages.ts';
import '../receipt-paper-returns/receipt-paper-returns.ts';

/**
 * `<licheng-receipt-paper-forms>` — on the receipt desk, under a batch's progress: the students
 * of the batch who have left (休學, 轉出) and cannot confirm online, and the buttons that print
 * their 收訖明細紙本確認單 as a PDF — one student's, or a whole class's — and download it. With
 * nobody to print for, the buttons are disabled and the reason is shown beside them. Below, the
 * returned forms are recorded (`<licheng-receipt-paper-returns>`).
 *
 * @event licheng-receipt-paper-forms-printed - A PDF was made; `detail: { fileId, students, pages }`.
 * @event licheng-token-expired - The token has expired.
 * @csspart paper-forms - The section.
 */
export class ReceiptPaperForms extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host {
        display: block;
      }
      /* Each print action (one student, a whole class) stands apart from the next field. */
      .actions {
        margin-block-end: 1rem;
      }
      select {
        max-inline-size: 32rem;
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    batchId: { attribute: 'batch-id' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    list: { state: true },
    studentId: { state: true },
    className: { state: true },
    printing: { state: true },
    announcement: { state: true },
    failure: { state: true },
  };

  declare batchId: string;
  declare headingLevel: number;
  declare list: PaperFormList | null;
  declare studentId: string;
  declare className: string;
  declare printing: boolean;
  declare announcement: string;
  declare failure: string;

  constructor() {
    super();
    this.batchId = '';
    this.headingLevel = 2;
    this.list = null;
    this.studentId = '';
    this.className = '';
    this.printing = false;
    this.announcement = '';
    this.failure = '';
  }

  override async load(): Promise<void> {
    if (!this.batchId) return;
    this.failure = '';
    try {
      const list = await this.api.query<PaperFormList>(paths.paperForms, { batchId: this.batchId });
      if (list.batchId !== this.batchId) return; // another batch was chosen meanwhile
      this.list = list;
      if (!list.students.some((s) => s.studentId === this.studentId)) this.studentId = list.students[0]?.studentId ?? '';
      if (!list.classes.some((c) => c.className === this.className)) this.className = list.classes[0]?.className ?? '';
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  /** Another batch chosen: its list replaces the last one's (set before rendering, so no second update). */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('batchId') && changed.get('batchId') !== undefined) {
      this.list = null;
      this.announcement = '';
      void this.load();
    }
  }

  async #print(target: { studentId: string } | { className: string }) {
    if (this.printing) return;
    const L = this.locale;
    this.printing = true;
    this.failure = '';
    this.announcement = pt('printing', {}, L);
    try {
      const made = await this.api.mutation<PaperFormResult>(paths.printPaperForms, { batchId: this.batchId, ...target });
      await downloadFile(this.api, made.downloadUrl, made.fileName);
      this.announcement = pt('done', { students: made.students, pages: made.pages, fileName: made.fileName }, L);
      this.emit('licheng-receipt-paper-forms-printed', { fileId: made.fileId, students: made.students, pages: made.pages });
    } catch (error) {
      this.announcement = '';
      this.failure = errorText(error);
    } finally {
      this.printing = false;
    }
    await focusOutcome(this, this.failure ? '#paper-forms-failure' : '#paper-forms-status');
  }

  override render() {
    const L = this.locale;
    const list = this.list;
    const none = list !== null && list.students.length === 0;
    const disabled = this.printing || !list || none;
    // Disabled buttons say why, beside them and to screen readers, before anyone tries them.
    const reason = none ? 'paper-forms-none' : nothing;
    return html`<section part="paper-forms" aria-labelledby="paper-forms-heading">
      ${heading(this.headingLevel, pt('heading', {}, L), 'paper-forms-heading')}
      <p class="hint">${pt('intro', {}, L)}</p>
      ${list === null && !this.failure ? html`<p>${pt('loading', {}, L)}</p>` : nothing}
      ${none ? html`<p id="paper-forms-none" class="muted">${pt('none', {}, L)}</p>` : nothing}
      ${list && !none ? html`<p>${pt('count', { count: list.students.length }, L)}</p>` : nothing}
      <div class="field">
        <label class="label" for="paper-student">${pt('student', {}, L)}</label>
        <select id="paper-student" ?disabled=${disabled} aria-describedby=${reason} @change=${(e: Event) => (this.studentId = (e.target as HTMLSelectElement).value)}>
          ${(list?.students ?? []).map(
            (s) => html`<option value=${s.studentId} ?selected=${s.studentId === this.studentId}>${pt('student.option', { className: s.className, seatNo: s.seatNo, name: s.name, studentNo: s.studentNo, rosters: s.rosters }, L)}</option>`,
          )}
        </select>
      </div>
      <div class="actions">
        <button type="button" id="print-student" ?disabled=${disabled || !this.studentId} aria-describedby=${reason} @click=${() => this.#print({ studentId: this.studentId })}>${pt('print.student', {}, L)}</button>
      </div>
      <div class="field">
        <label class="label" for="paper-class">${pt('className', {}, L)}</label>
        <select id="paper-class" ?disabled=${disabled} aria-describedby=${reason} @change=${(e: Event) => (this.className = (e.target as HTMLSelectElement).value)}>
          ${(list?.classes ?? []).map((c) => html`<option value=${c.className} ?selected=${c.className === this.className}>${pt('class.option', { className: c.className, count: c.students }, L)}</option>`)}
        </select>
      </div>
      <div class="actions">
        <button type="button" id="print-class" ?disabled=${disabled || !this.className} aria-describedby=${reason} @click=${() => this.#print({ className: this.className })}>${pt('print.class', {}, L)}</button>
      </div>
      <p id="paper-forms-status" role="status" aria-live="polite">${this.announcement}</p>
      ${this.failure ? html`<p id="paper-forms-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      <licheng-receipt-paper-returns .token=${this.token} .tokenProvider=${this.tokenProvider} api-base=${this.apiBase} .locale=${this.locale} batch-id=${this.batchId} heading-level=${this.headingLevel + 1}></licheng-receipt-paper-returns>
    </section>`;
  }
}
