import { css, html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, formatDate, heading, screenStyles, type DateChange } from '@licheng/ui';
import { paths, type StatusHistory } from '../api.ts';
import { t, tAny } from '../messages.ts';

const KINDS = ['transfer-in', 'transfer-out', 'suspend', 'resume', 'repeat-year', 'graduate', 'borrow'] as const;

/**
 * `<licheng-status-changes>` — the registry's 學籍異動 section: record one status change by hand
 * (date in 民國), and a student's history (changes, placement per term, status today).
 * Bulk changes come through `<licheng-roster-import>` (kinds 學籍異動, 學期編班).
 *
 * @event licheng-token-expired - The token has expired.
 */
export class StatusChanges extends LichengConnectedElement {
  static override styles = [...screenStyles, css`:host { display: block; } .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }`];
  static override properties = {
    ...LichengConnectedElement.properties,
    studentNo: { state: true },
    date: { state: true },
    kind: { state: true },
    code: { state: true },
    note: { state: true },
    error: { state: true },
    failure: { state: true },
    done: { state: true },
    history: { state: true },
  };

  declare studentNo: string;
  declare date: string;
  declare kind: (typeof KINDS)[number];
  declare code: string;
  declare note: string;
  declare error: string;
  declare failure: string;
  declare done: string;
  declare history: StatusHistory | null;

  constructor() {
    super();
    this.studentNo = '';
    this.date = '';
    this.kind = 'suspend';
    this.code = '';
    this.note = '';
    this.error = '';
    this.failure = '';
    this.done = '';
    this.history = null;
  }

  async #record(event: Event) {
    event.preventDefault();
    const L = this.locale;
    this.failure = '';
    this.done = '';
    if (!this.studentNo.trim() || !this.date || !/^\d{3}$/.test(this.code.trim())) {
      this.error = t('status.required', {}, L);
      await focusOutcome(this, '#status-error');
      return;
    }
    this.error = '';
    const mark = focusMark();
    try {
      const input = { studentNo: this.studentNo.trim(), date: this.date, kind: this.kind, statusCode: this.code.trim(), note: this.note.trim() };
      await this.api.mutation(paths.recordStatus, input);
      this.done = t('status.recorded', { studentNo: input.studentNo, kind: tAny(`kind.${input.kind}`, L), date: formatDate(input.date, L) }, L);
      await this.#loadHistory(input.studentNo);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
    await focusOutcome(this, this.failure ? '#status-failure' : '#status-done', { since: mark });
  }

  async #loadHistory(studentNo: string) {
    this.history = await this.api.query<StatusHistory>(paths.statusHistory, { studentNo });
  }

  async #showHistory() {
    const mark = focusMark();
    this.failure = '';
    try {
      if (!this.studentNo.trim()) throw new Error(t('status.required', {}, this.locale));
      await this.#loadHistory(this.studentNo.trim());
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
    await focusOutcome(this, this.failure ? '#status-failure' : '#history-heading', { since: mark });
  }

  #historyView(h: StatusHistory) {
    const L = this.locale;
    return html`<section aria-labelledby="history-heading">
      ${heading(3, t('status.history-of', { name: h.student.name, studentNo: h.student.studentNo, status: tAny(`state.${h.statusToday}`, L) }, L), 'history-heading')}
      ${h.changes.length === 0
        ? html`<p>${t('status.no-changes', {}, L)}</p>`
        : html`<ul>
            ${h.changes.map((c) => html`<li>${formatDate(c.date, L)} ${tAny(`kind.${c.kind}`, L)}（${c.statusCode}）${c.note}</li>`)}
          </ul>`}
      <h4>${t('status.placements', {}, L)}</h4>
      <ul>
        ${h.placements.map((p) => html`<li>${t('status.placement', { year: p.academicYear, semester: p.semester, division: tAny(`division.${p.division}`, L), className: p.className, seatNo: p.seatNo }, L)}</li>`)}
      </ul>
    </section>`;
  }

  override render() {
    const L = this.locale;
    return html`<section aria-labelledby="status-heading">
      ${heading(2, t('status.heading', {}, L), 'status-heading')}
      <p class="muted">${t('status.intro', {}, L)}</p>
      <form novalidate @submit=${this.#record}>
        <div class="row">
          <div class="field">
            <label for="status-student">${t('status.student-no', {}, L)}</label>
            <input id="status-student" required .value=${this.studentNo} @input=${(e: Event) => (this.studentNo = (e.target as HTMLInputElement).value)} />
          </div>
          <licheng-date-field id="status-date" .locale=${L} label=${t('status.date', {}, L)} required .value=${this.date} @licheng-date-change=${(e: CustomEvent<DateChange>) => (this.date = e.detail.value)}></licheng-date-field>
          <div class="field">
            <label for="status-kind">${t('status.kind', {}, L)}</label>
            <select id="status-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as (typeof KINDS)[number])}>
              ${KINDS.map((k) => html`<option value=${k} .selected=${this.kind === k}>${tAny(`kind.${k}`, L)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="status-code">${t('status.code', {}, L)}</label>
            <input id="status-code" inputmode="numeric" maxlength="3" required aria-describedby="status-code-hint" .value=${this.code} @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} />
            <p id="status-code-hint" class="hint">${t('status.code-hint', {}, L)}</p>
          </div>
          <div class="field">
            <label for="status-note">${t('status.note', {}, L)}</label>
            <input id="status-note" maxlength="200" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)} />
          </div>
        </div>
        ${this.error ? html`<p id="status-error" class="error-text">${this.error}</p>` : nothing}
        <button type="submit" class="primary">${t('status.record', {}, L)}</button>
        <button type="button" @click=${() => this.#showHistory()}>${t('status.history', {}, L)}</button>
      </form>
      ${this.failure ? html`<p id="status-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${this.done ? html`<p id="status-done" role="status">${this.done}</p>` : nothing}
      ${this.history ? this.#historyView(this.history) : nothing}
    </section>`;
  }
}
