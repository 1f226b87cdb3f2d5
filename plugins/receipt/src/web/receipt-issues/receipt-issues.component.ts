import { html, nothing } from 'lit';
import { LichengConnectedElement, errorText } from '@licheng/client';
import { charCount, focusOutcome, formatDateTime, heading, screenStyles } from '@licheng/ui';
import { paths, TEXT_MAX, type Answered, type IssueRow } from '../api.ts';
import { t } from '../messages.ts';
import { receiptIssuesStyles } from './receipt-issues.styles.ts';

type IssueStatusFilter = 'open' | 'answered' | 'closed' | 'all';

/**
 * `<licheng-receipt-issues>` — the receipt (收訖明細) issues routed to the signed-in user's office:
 * the registry sees every office's (it coordinates), 學務處 and 訓育組 their own, a subject teacher
 * those about their courses' outcomes. Each open issue is answered inline: what was found or
 * corrected, and whether the record was corrected (then it is marked for the next submission).
 * Any office's desk can show it.
 *
 * @event licheng-receipt-issue-answered - An issue was answered; `detail: { issueId, corrected }`.
 * @event licheng-token-expired - The token has expired.
 * @csspart issues - The section holding the list.
 */
export class ReceiptIssues extends LichengConnectedElement {
  static override styles = [...screenStyles, receiptIssuesStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { type: String },
    order: { type: String },
    office: { type: String },
    batchId: { type: String, attribute: 'batch-id' },
    quiet: { type: Boolean, reflect: true },
    issues: { state: true },
    answering: { state: true },
    answer: { state: true },
    corrected: { state: true },
    answerError: { state: true },
    correctedError: { state: true },
    busy: { state: true },
    announcement: { state: true },
    failure: { state: true },
  };

  /** The level of the list's heading (2 by default). */
  declare headingLevel: number;
  /** Which issues: 'open' (default), 'answered', 'closed' or 'all'. */
  declare status: IssueStatusFilter;
  /** 'newest' first (default) or 'oldest' first. */
  declare order: 'newest' | 'oldest';
  /** One office's issues only (registry, subject-teacher, student-affairs, activities); the registry's filter. */
  declare office: string;
  /** One receipt (batch) only. */
  declare batchId: string;
  /**
   * Renders nothing while there is nothing to answer (or it is loading): the reminder above every
   * screen of an office that has no desk of its own for receipts. After an answer its outcome stays.
   */
  declare quiet: boolean;
  declare issues: IssueRow[] | null;
  declare answering: string | null;
  declare answer: string;
  declare corrected: 'yes' | 'no' | '';
  declare answerError: string;
  declare correctedError: string;
  declare busy: boolean;
  declare announcement: string;
  declare failure: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.status = 'open';
    this.order = 'newest';
    this.office = '';
    this.batchId = '';
    this.quiet = false;
    this.issues = null;
    this.answering = null;
    this.answer = '';
    this.corrected = '';
    this.answerError = '';
    this.correctedError = '';
    this.busy = false;
    this.announcement = '';
    this.failure = '';
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    const filters = ['status', 'order', 'office', 'batchId'].some((k) => changed.has(k) && changed.get(k) !== undefined);
    if (filters && this.issues) void this.load();
  }

  override async load(): Promise<void> {
    try {
      const input: Record<string, string> = { status: this.status, order: this.order };
      if (this.office) input.office = this.office;
      if (this.batchId) input.batchId = this.batchId;
      this.issues = await this.api.query<IssueRow[]>(paths.issues, input);
      this.failure = '';
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  async #open(issue: IssueRow) {
    this.answering = issue.id;
    this.answer = '';
    this.corrected = '';
    this.answerError = '';
    this.correctedError = '';
    await focusOutcome(this, '#answer-text');
  }

  async #cancel(issue: IssueRow) {
    this.answering = null;
    await focusOutcome(this, `button[data-issue="${issue.id}"]`);
  }

  async #submit(event: Event, issue: IssueRow) {
    event.preventDefault();
    if (this.busy) return;
    const L = this.locale;
    const answer = this.answer.trim();
    this.answerError = !answer ? t('answer.required', {}, L) : charCount(answer) > TEXT_MAX ? t('issue.too-long', { max: TEXT_MAX }, L) : '';
    this.correctedError = this.corrected ? '' : t('answer.corrected-required', {}, L);
    if (this.answerError || this.correctedError) {
      await focusOutcome(this, this.answerError ? '#answer-text' : '#corrected-yes');
      return;
    }
    this.busy = true;
    const at = (this.issues ?? []).findIndex((i) => i.id === issue.id);
    const corrected = this.corrected === 'yes';
    try {
      await this.api.mutation<Answered>(paths.answer, { issueId: issue.id, answer, corrected });
      this.answering = null;
      this.announcement = t(corrected ? 'answer.done-corrected' : 'answer.done', { student: this.#student(issue), roster: issue.rosterName }, L);
      this.emit('licheng-receipt-issue-answered', { issueId: issue.id, corrected });
      await this.load();
    } catch (error) {
      this.answerError = errorText(error);
      this.busy = false;
      await focusOutcome(this, '#answer-error');
      return;
    }
    this.busy = false;
    // Focus goes to the issue that took the answered one's place (or the one before), else to the heading.
    const next = () => {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('tbody button[data-issue]')];
      return buttons[Math.min(Math.max(at, 0), buttons.length - 1)];
    };
    await focusOutcome(this, next, { fallback: '#issues-heading' });
  }

  #student(issue: IssueRow): string {
    return t('student', { className: issue.student.className, seatNo: issue.student.seatNo, name: issue.student.name }, this.locale);
  }

  #term(batch: IssueRow['batch']): string {
    return batch.semester === 0 ? t('batch.year-heading', { year: batch.academicYear }, this.locale) : t('batch.heading', { year: batch.academicYear, semester: batch.semester }, this.locale);
  }

  #routed(issue: IssueRow): string {
    const office = issue.routedTo.label[this.locale === 'en' ? 'en' : 'zh-TW'];
    return issue.routedTo.ownerName ? `${office} ${issue.routedTo.ownerName}` : office;
  }

  override render() {
    const L = this.locale;
    const issues = this.issues;
    if (this.quiet && !issues?.length && !this.announcement && !this.failure) return nothing;
    return html`<section part="issues" aria-labelledby="issues-heading">
      ${heading(this.headingLevel, t('issues.heading', {}, L), 'issues-heading')}
      <p class="hint">${t('issues.intro', {}, L)}</p>
      <p id="issues-status" role="status" aria-live="polite" class="status">${this.announcement}</p>
      ${this.failure ? html`<p role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${issues === null
        ? html`<p>${t('loading', {}, L)}</p>`
        : issues.length === 0
          ? html`<p>${t('issues.empty', {}, L)}</p>`
          : html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="issues-caption">
              <table>
                <caption id="issues-caption">${t('issues.caption', { count: issues.length }, L)}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t('issues.student', {}, L)}</th><th scope="col">${t('issues.batch', {}, L)}</th><th scope="col">${t('issues.roster', {}, L)}</th>
                    <th scope="col">${t('issues.text', {}, L)}</th><th scope="col">${t('issues.routed', {}, L)}</th>
                    <th scope="col">${t('issues.raised', {}, L)}</th><th scope="col">${t('issues.answer', {}, L)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${issues.map(
                    (i) => html`<tr>
                      <td>${this.#student(i)}</td><td>${this.#term(i.batch)}</td><td>${i.rosterName}</td>
                      <td>${i.text}${i.row ? html`<br /><span class="muted">${t('issues.row', { sheet: i.row.sheet, row: i.row.index + 1 }, L)}</span>` : nothing}${i.fromPaper ? html`<br /><span class="muted">${t('issues.from-paper', {}, L)}</span>` : nothing}</td>
                      <td>${this.#routed(i)}</td><td>${formatDateTime(i.raisedAt, L)}</td>
                      <td>${this.#answerCell(i)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
    </section>`;
  }

  #answerCell(issue: IssueRow) {
    const L = this.locale;
    if (issue.answer) {
      return html`<p>${issue.answer.text}</p>
        <p class="muted">${t(issue.answer.corrected ? 'steps.corrected' : 'steps.not-corrected', {}, L)} · ${issue.answer.byName ?? ''} ${issue.answer.at ? formatDateTime(issue.answer.at, L) : ''}</p>`;
    }
    if (issue.status !== 'open') return nothing;
    if (this.answering === issue.id) return this.#form(issue);
    return html`<button type="button" data-issue=${issue.id} aria-label=${t('issues.answer.label', { student: this.#student(issue), roster: issue.rosterName, term: this.#term(issue.batch) }, L)} @click=${() => this.#open(issue)}>
      ${t('issues.answer', {}, L)}
    </button>`;
  }

  #form(issue: IssueRow) {
    const L = this.locale;
    const pick = (value: 'yes' | 'no') => (this.corrected = value);
    return html`<form class="answer" @submit=${(e: Event) => this.#submit(e, issue)}>
      <label class="label" for="answer-text">${t('answer.label', {}, L)}</label>
      <p class="hint" id="answer-hint">${t('answer.hint', { max: TEXT_MAX }, L)}</p>
      <textarea
        id="answer-text"
        rows="3"
        aria-invalid=${this.answerError ? 'true' : 'false'}
        aria-describedby=${`answer-hint${this.answerError ? ' answer-error' : ''}`}
        .value=${this.answer}
        @input=${(e: Event) => (this.answer = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${this.answerError ? html`<p id="answer-error" role="alert" class="error-text">${this.answerError}</p>` : nothing}
      <fieldset aria-describedby=${this.correctedError ? 'corrected-error' : nothing}>
        <legend>${t('answer.corrected', {}, L)}</legend>
        <label><input type="radio" id="corrected-yes" name="corrected" value="yes" .checked=${this.corrected === 'yes'} @change=${() => pick('yes')} /> ${t('answer.corrected-yes', {}, L)}</label>
        <label><input type="radio" id="corrected-no" name="corrected" value="no" .checked=${this.corrected === 'no'} @change=${() => pick('no')} /> ${t('answer.corrected-no', {}, L)}</label>
      </fieldset>
      ${this.correctedError ? html`<p id="corrected-error" role="alert" class="error-text">${this.correctedError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t('answer.submit', {}, L)}</button>
        <button type="button" @click=${() => this.#cancel(issue)}>${t('issue.cancel', {}, L)}</button>
      </div>
    </form>`;
  }
}
