import { css, html, nothing } from 'lit';
import { consentPartLabels, rocDateOf, taipeiDay, type ConsentPart } from '@licheng/core';
import { LichengConnectedElement, errorText } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { StudentRouter } from '../../server/router.ts';
import { ct } from './consent-messages.ts';

/** What student.consent.get returns, as the screen sees it (types only). */
export type ConsentState = inferRouterOutputs<StudentRouter>['consent']['get'];
export type ConsentEntry = ConsentState['history'][number];

export const consentPaths = { get: 'student.consent.get', give: 'student.consent.give', withdraw: 'student.consent.withdraw' } as const;

/**
 * `<licheng-portfolio-consent>` — 同意: the student consents to release their portfolio to
 * university admission committees (大學招生委員會) for the parts and academic years they tick,
 * changes the scope, or withdraws consent; the state in force and every earlier consent are
 * listed with their ROC dates. The give button is disabled, with the reason shown beside it,
 * while nothing is ticked; after each action focus lands on its outcome.
 *
 * @attr heading-level - The level of the screen's heading (2 by default).
 * @event licheng-consent-changed - Given or withdrawn; `detail: { current }` (null once withdrawn).
 * @event licheng-token-expired - The token has expired.
 */
export class PortfolioConsent extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      fieldset {
        margin-block: 0.75rem;
      }
      fieldset ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block: 0.75rem;
      }
      .history {
        padding-inline-start: 1.25rem;
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    state: { state: true },
    parts: { state: true },
    years: { state: true },
    busy: { state: true },
    failure: { state: true },
    success: { state: true },
  };

  declare headingLevel: number;
  declare state: ConsentState | null;
  declare parts: Set<ConsentPart>;
  declare years: Set<number>;
  declare busy: boolean;
  declare failure: string;
  declare success: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.state = null;
    this.parts = new Set();
    this.years = new Set();
    this.busy = false;
    this.failure = '';
    this.success = '';
  }

  override async load(): Promise<void> {
    this.failure = '';
    try {
      const state = await this.api.query<ConsentState>(consentPaths.get, {});
      this.state = state;
      // Start from the consent in force, or from everything (what most students release).
      this.parts = new Set(state.current?.parts ?? state.parts);
      this.years = new Set(state.current?.academicYears ?? state.years);
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  #date(iso: string): string {
    const day = taipeiDay(new Date(iso)) ?? iso;
    return this.locale === 'zh-TW' ? (rocDateOf(day) ?? day) : day;
  }

  #partsText(parts: readonly ConsentPart[]): string {
    return parts.map((p) => consentPartLabels[p][this.locale]).join(ct('sep', {}, this.locale));
  }

  #yearsText(years: readonly number[]): string {
    return years.map((year) => ct('year', { year }, this.locale)).join(ct('sep', {}, this.locale));
  }

  #toggle<T>(set: Set<T>, value: T, on: boolean): Set<T> {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    this.success = '';
    return next;
  }

  async #act(action: 'give' | 'withdraw') {
    if (this.busy || !this.state) return;
    this.busy = true;
    this.failure = '';
    this.success = '';
    const mark = focusMark();
    const L = this.locale;
    try {
      if (action === 'give') {
        const chosen = { parts: this.state.parts.filter((p) => this.parts.has(p)), academicYears: this.state.years.filter((y) => this.years.has(y)) };
        const consent = await this.api.mutation<ConsentEntry>(consentPaths.give, chosen);
        this.success = ct('given', { parts: this.#partsText(consent.parts), years: this.#yearsText(consent.academicYears) }, L);
      } else {
        await this.api.mutation<ConsentEntry>(consentPaths.withdraw, {});
        this.success = ct('withdrawn', {}, L);
      }
      const success = this.success;
      await this.load();
      this.success = success;
      this.emit('licheng-consent-changed', { current: this.state?.current ?? null });
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#consent-failure' : '#consent-saved', { since: mark });
  }

  #stateText(state: ConsentState): string {
    const L = this.locale;
    if (state.current) return ct('state.given', { date: this.#date(state.current.givenAt), parts: this.#partsText(state.current.parts), years: this.#yearsText(state.current.academicYears) }, L);
    const last = state.history[0];
    if (last?.withdrawnAt) return ct('state.withdrawn', { date: this.#date(last.withdrawnAt) }, L);
    return ct('state.none', {}, L);
  }

  #form(state: ConsentState) {
    const L = this.locale;
    const empty = this.parts.size === 0 || this.years.size === 0;
    return html`<form @submit=${(e: Event) => (e.preventDefault(), void this.#act('give'))}>
      <fieldset>
        <legend>${ct('parts', {}, L)}</legend>
        <ul>
          ${state.parts.map(
            (part) => html`<li>
              <label
                ><input type="checkbox" name="part" value=${part} .checked=${this.parts.has(part)} @change=${(e: Event) => (this.parts = this.#toggle(this.parts, part, (e.target as HTMLInputElement).checked))} />
                ${consentPartLabels[part][L]}</label
              >
            </li>`,
          )}
        </ul>
      </fieldset>
      <fieldset>
        <legend>${ct('years', {}, L)}</legend>
        <ul>
          ${state.years.map(
            (year) => html`<li>
              <label
                ><input type="checkbox" name="year" value=${year} .checked=${this.years.has(year)} @change=${(e: Event) => (this.years = this.#toggle(this.years, year, (e.target as HTMLInputElement).checked))} />
                ${ct('year', { year }, L)}</label
              >
            </li>`,
          )}
        </ul>
      </fieldset>
      ${empty ? html`<p class="hint" id="scope-empty">${ct('scope-empty', {}, L)}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${empty || this.busy} aria-describedby=${empty ? 'scope-empty' : nothing}>${ct(state.current ? 'change' : 'give', {}, L)}</button>
        ${state.current
          ? html`<button type="button" ?disabled=${this.busy} aria-describedby="withdraw-hint" @click=${() => void this.#act('withdraw')}>${ct('withdraw', {}, L)}</button>`
          : nothing}
      </div>
      ${state.current ? html`<p class="muted" id="withdraw-hint">${ct('withdraw-hint', {}, L)}</p>` : nothing}
    </form>`;
  }

  #history(state: ConsentState) {
    const L = this.locale;
    if (state.history.length === 0) return nothing;
    return html`<section aria-labelledby="consent-history-heading">
      ${heading(this.headingLevel + 1, ct('history', {}, L), 'consent-history-heading')}
      <ul class="history">
        ${state.history.map(
          (c) =>
            html`<li>
              ${ct('history.given', { date: this.#date(c.givenAt), parts: this.#partsText(c.parts), years: this.#yearsText(c.academicYears) }, L)}${c.withdrawnAt
                ? ct(c.endedBy === 'replaced' ? 'history.ended-replaced' : 'history.ended-withdrawn', { date: this.#date(c.withdrawnAt) }, L)
                : nothing}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  override render() {
    const L = this.locale;
    const state = this.state;
    const loading = state === null && !this.failure;
    return html`<section aria-labelledby="consent-heading" aria-busy=${loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, ct('title', {}, L), 'consent-heading')}
      <p class="muted">${ct('intro', {}, L)}</p>
      <licheng-notice id="consent-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${loading ? html`<p>${ct('loading', {}, L)}</p>` : nothing}
      ${state ? html`<p class="state">${this.#stateText(state)}</p>${this.#form(state)}` : nothing}
      <licheng-notice id="consent-saved" variant="success" .locale=${L} .message=${this.success}></licheng-notice>
      ${state ? this.#history(state) : nothing}
    </section>`;
  }
}
