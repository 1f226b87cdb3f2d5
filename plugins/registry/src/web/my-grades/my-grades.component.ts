import { css, html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { cardTable, charCount, focusMark, focusOutcome, formatDate, heading, screenStyles } from '@licheng/ui';
import { paths, type MyGrade, type MyGrades as MyGradesData } from '../api.ts';
import { t, tAny } from '../messages.ts';

/** Longest appeal, as the server counts it. */
const APPEAL_MAX = 200;

/**
 * `<licheng-my-grades>` — a student's term grades and credits per course (成績複查). While the
 * grade check window is open each course has 「提出複查」: a short form says what is wrong and
 * the appeal reaches the registry; its answer shows under the course. Outside the window the
 * buttons are disabled and the reason (opens on / closed on / not scheduled) is shown first.
 *
 * @event licheng-appeal-raised - An appeal was sent; `detail: { id, gradeId }`.
 * @event licheng-token-expired - The token has expired.
 */
export class MyGrades extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    cardTable,
    css`
      :host {
        display: block;
      }
      textarea {
        inline-size: 100%;
        min-block-size: 4rem;
      }
      .appeal {
        margin: 0.25rem 0 0;
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    data: { state: true },
    open: { state: true },
    text: { state: true },
    error: { state: true },
    failure: { state: true },
    sent: { state: true },
    sending: { state: true },
  };

  declare headingLevel: number;
  declare data: MyGradesData | null;
  /** The grade whose appeal form is open. */
  declare open: string | null;
  declare text: string;
  declare error: string;
  declare failure: string;
  declare sent: string;
  declare sending: boolean;

  constructor() {
    super();
    this.headingLevel = 2;
    this.data = null;
    this.open = null;
    this.text = '';
    this.error = '';
    this.failure = '';
    this.sent = '';
    this.sending = false;
  }

  override async load(): Promise<void> {
    try {
      this.data = await this.api.query<MyGradesData>(paths.myGrades);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  #windowText(): string {
    const L = this.locale;
    const w = this.data!.window;
    return tAny(`mine.window-${w.state}`, L, { start: formatDate(w.start, L), end: formatDate(w.end, L) });
  }

  async #openForm(grade: MyGrade) {
    this.open = grade.id;
    this.text = '';
    this.error = '';
    this.sent = '';
    await focusOutcome(this, '#appeal-text');
  }

  async #cancel(grade: MyGrade) {
    this.open = null;
    await focusOutcome(this, `#appeal-${grade.id}`);
  }

  async #send(event: Event, grade: MyGrade) {
    event.preventDefault();
    if (this.sending) return;
    const L = this.locale;
    const text = this.text.trim();
    if (text === '' || charCount(text) > APPEAL_MAX) {
      this.error = t('mine.appeal-required', {}, L);
      await focusOutcome(this, '#appeal-text');
      return;
    }
    const mark = focusMark();
    this.sending = true;
    this.failure = '';
    try {
      const result = await this.api.mutation<{ id: string; gradeId: string }>(paths.raiseAppeal, { gradeId: grade.id, text });
      this.open = null;
      this.sent = t('mine.sent', { subject: grade.subjectName || grade.courseCode }, L);
      this.emit('licheng-appeal-raised', result);
      await this.load();
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    } finally {
      this.sending = false;
    }
    await focusOutcome(this, this.failure ? '#mine-failure' : '#mine-sent', { since: mark });
  }

  #appealForm(grade: MyGrade) {
    const L = this.locale;
    return html`<form novalidate @submit=${(e: Event) => this.#send(e, grade)}>
      <label for="appeal-text">${t('mine.appeal-for', { subject: grade.subjectName || grade.courseCode }, L)}</label>
      <textarea
        id="appeal-text"
        maxlength=${APPEAL_MAX}
        aria-describedby=${this.error ? 'appeal-hint appeal-error' : 'appeal-hint'}
        aria-invalid=${this.error ? 'true' : 'false'}
        .value=${this.text}
        @input=${(e: Event) => ((this.text = (e.target as HTMLTextAreaElement).value), (this.error = ''))}
      ></textarea>
      <p id="appeal-hint" class="hint">${t('mine.appeal-hint', {}, L)} (${charCount(this.text)}/${APPEAL_MAX})</p>
      ${this.error ? html`<p id="appeal-error" class="error-text">${this.error}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${this.sending}>${t('mine.send', {}, L)}</button>
      <button type="button" @click=${() => this.#cancel(grade)}>${t('mine.cancel', {}, L)}</button>
    </form>`;
  }

  #row(grade: MyGrade, canAppeal: boolean) {
    const L = this.locale;
    return html`<tr>
      <th scope="row" data-label=${t('grades.subject', {}, L)}>${grade.subjectName || grade.courseCode}<br /><span class="muted">${grade.academicYear}-${grade.semester} ${tAny(`take.${grade.take}`, L)}</span></th>
      <td data-label=${t('grades.score', {}, L)}>${grade.score === '-1' ? '—' : grade.score}</td>
      <td data-label=${t('grades.passed', {}, L)}>${tAny(`pass.${grade.passed}`, L)}</td>
      <td data-label=${t('mine.credits', {}, L)}>${grade.credits} · ${tAny(`counted.${grade.creditCounted}`, L)}</td>
      <td data-label=${t('mine.appeal', {}, L)}>
        ${grade.appeals.map((a) => html`<p class="appeal">${a.status === 'open' ? t('mine.appeal-status-open', { text: a.text }, L) : t('mine.appeal-status-answered', { answer: a.answer ?? '' }, L)}</p>`)}
        ${this.open === grade.id
          ? this.#appealForm(grade)
          : html`<button type="button" id=${`appeal-${grade.id}`} ?disabled=${!canAppeal} aria-describedby="window-text" @click=${() => this.#openForm(grade)}>${t('mine.appeal', {}, L)}</button>`}
      </td>
    </tr>`;
  }

  override render() {
    const L = this.locale;
    const data = this.data;
    const canAppeal = data?.window.state === 'open';
    return html`<section aria-labelledby="mine-heading">
      ${heading(this.headingLevel, t('mine.heading', {}, L), 'mine-heading')}
      <p class="muted">${t('mine.intro', {}, L)}</p>
      ${this.failure ? html`<p id="mine-failure" role="alert" class="error-text" tabindex="-1">${this.failure}</p>` : nothing}
      ${this.sent ? html`<p id="mine-sent" role="status" tabindex="-1">${this.sent}</p>` : nothing}
      ${!data
        ? html`<p>${t('loading', {}, L)}</p>`
        : html`<p id="window-text" class=${canAppeal ? '' : 'hint'}>${this.#windowText()}</p>
            ${data.grades.length === 0
              ? html`<p>${t('mine.none', {}, L)}</p>`
              : html`<div class="table-wrap">
                  <table>
                    <caption class="sr-only">${t('mine.heading', {}, L)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">${t('grades.subject', {}, L)}</th>
                        <th scope="col">${t('grades.score', {}, L)}</th>
                        <th scope="col">${t('grades.passed', {}, L)}</th>
                        <th scope="col">${t('mine.credits', {}, L)}</th>
                        <th scope="col">${t('mine.appeal', {}, L)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${data.grades.map((g) => this.#row(g, canAppeal))}
                    </tbody>
                  </table>
                </div>`}`}
    </section>`;
  }
}
