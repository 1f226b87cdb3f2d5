import { css, html, nothing } from 'lit';
import { consentPartLabels, rocDateOf, taipeiDay, type ConsentPart } from '@licheng/core';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { co, coAny } from './consent-overview-messages.ts';

/** One row of `student.consents.list` (the student office's procedure, readable by registry staff). */
export interface ConsentOverviewRow {
  studentNo: string;
  name: string;
  className: string;
  seatNo: number;
  state: 'given' | 'withdrawn' | 'none';
  consent: { parts: ConsentPart[]; academicYears: number[]; givenAt: string; withdrawnAt: string | null } | null;
}

/**
 * `<licheng-consent-overview>` — the registry's view of students' consent (同意) to release
 * their portfolio to university admission committees: per class, each student's state (given,
 * withdrawn, none), its scope and dates. Read-only: only the student gives or withdraws consent.
 *
 * @event licheng-token-expired - The token has expired.
 */
export class ConsentOverview extends LichengConnectedElement {
  static override styles = [...screenStyles, css`:host { display: block; } .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; } .table-wrap { overflow-x: auto; }`];
  static override properties = {
    ...LichengConnectedElement.properties,
    className: { state: true },
    rows: { state: true },
    failure: { state: true },
  };

  declare className: string;
  declare rows: ConsentOverviewRow[] | null;
  declare failure: string;

  constructor() {
    super();
    this.className = '';
    this.rows = null;
    this.failure = '';
  }

  async #show(event: Event) {
    event.preventDefault();
    this.failure = '';
    const mark = focusMark();
    try {
      const input = this.className.trim() ? { className: this.className.trim() } : {};
      this.rows = await this.api.query<ConsentOverviewRow[]>('student.consents.list', input);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
    await focusOutcome(this, this.failure ? '#consent-overview-failure' : '#consent-overview-result', { since: mark });
  }

  #date(iso: string): string {
    const day = taipeiDay(new Date(iso)) ?? iso;
    return this.locale === 'zh-TW' ? (rocDateOf(day) ?? day) : day;
  }

  #scope(row: ConsentOverviewRow): string {
    if (!row.consent) return '—';
    const L = this.locale;
    const sep = co('sep', {}, L);
    return `${row.consent.parts.map((p) => consentPartLabels[p][L]).join(sep)}（${row.consent.academicYears.join(sep)}）`;
  }

  override render() {
    const L = this.locale;
    const rows = this.rows;
    const given = rows?.filter((r) => r.state === 'given').length ?? 0;
    return html`<section aria-labelledby="consent-overview-heading">
      ${heading(2, co('heading', {}, L), 'consent-overview-heading')}
      <p class="muted">${co('intro', {}, L)}</p>
      <form novalidate @submit=${this.#show}>
        <div class="row">
          <div class="field">
            <label for="consent-class">${co('class', {}, L)}</label>
            <input id="consent-class" aria-describedby="consent-class-hint" .value=${this.className} @input=${(e: Event) => (this.className = (e.target as HTMLInputElement).value)} />
            <p id="consent-class-hint" class="hint">${co('class-hint', {}, L)}</p>
          </div>
          <button type="submit" class="primary">${co('show', {}, L)}</button>
        </div>
      </form>
      ${this.failure ? html`<p id="consent-overview-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${rows
        ? html`<div class="table-wrap">
            <table>
              <caption id="consent-overview-result" tabindex="-1">${co('caption', { count: rows.length, given }, L)}</caption>
              <thead>
                <tr>
                  <th scope="col">${co('col.class', {}, L)}</th>
                  <th scope="col">${co('col.student', {}, L)}</th>
                  <th scope="col">${co('col.state', {}, L)}</th>
                  <th scope="col">${co('col.scope', {}, L)}</th>
                  <th scope="col">${co('col.date', {}, L)}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) => html`<tr>
                    <td>${r.className} ${r.seatNo}</td>
                    <th scope="row">${r.name}（${r.studentNo}）</th>
                    <td>${coAny(`state.${r.state}`, {}, L)}</td>
                    <td>${this.#scope(r)}</td>
                    <td>${r.consent ? (r.consent.withdrawnAt ? co('withdrawn-on', { date: this.#date(r.consent.withdrawnAt) }, L) : co('given-on', { date: this.#date(r.consent.givenAt) }, L)) : '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
    </section>`;
  }
}
