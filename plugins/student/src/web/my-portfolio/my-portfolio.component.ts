import { css, html, nothing } from 'lit';
import { downloadFile, LichengConnectedElement, errorText } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { portfolioPaths, type Portfolio, type PortfolioRecord, type PortfolioYear } from './portfolio-api.ts';
import { pt } from './portfolio-messages.ts';

/**
 * `<licheng-my-portfolio>` — 我的學習歷程: every record of every office the student may see, by
 * semester — its status, which cap it counts toward (6 outcomes and 10 performances a year;
 * records the school registered are shown and not counted), whether it is selected, and what is
 * still to do and why — with each year's selections against the caps, a filter for what is still
 * to do, and the whole portfolio as a ZIP download (an index page, portfolio.pdf and the student's
 * files) or as the PDF alone.
 *
 * @attr heading-level - The level of the screen's heading (2 by default), to fit the host page's outline.
 * @event licheng-token-expired - The token has expired.
 * @csspart caps - The selections-and-caps summary.
 * @csspart record - One record.
 */
export class MyPortfolio extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      .records {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75rem;
      }
      .record {
        border: 1px solid var(--licheng-color-border, #c8ced6);
        border-radius: 6px;
        padding: 0.5rem 0.75rem;
        overflow-wrap: anywhere;
      }
      .record.todo {
        border-inline-start: 4px solid var(--licheng-color-warning, #8a5300);
      }
      .record > * {
        margin-block: 0.25rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.15rem 0.75rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin-block: 0.75rem;
      }
      .todo-text {
        color: var(--licheng-color-warning, #8a5300);
        font-weight: 600;
      }
      @media (max-width: 30rem) {
        dl {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    portfolio: { state: true },
    onlyPending: { state: true },
    busy: { state: true },
    failure: { state: true },
    success: { state: true },
  };

  declare headingLevel: number;
  declare portfolio: Portfolio | null;
  declare onlyPending: boolean;
  declare busy: boolean;
  declare failure: string;
  declare success: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.portfolio = null;
    this.onlyPending = false;
    this.busy = false;
    this.failure = '';
    this.success = '';
  }

  override async load(): Promise<void> {
    this.failure = '';
    try {
      this.portfolio = await this.api.query<Portfolio>(portfolioPaths.get);
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  async #download(format: 'zip' | 'pdf') {
    if (this.busy || !this.portfolio) return;
    this.busy = true;
    this.failure = '';
    this.success = '';
    const mark = focusMark();
    try {
      const name = await downloadFile(this.api, portfolioPaths[format], `portfolio-${this.portfolio.student.studentNo}.${format}`);
      this.success = pt('downloaded', { name }, this.locale);
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#portfolio-failure' : '#portfolio-downloaded', { since: mark });
  }

  #year(y: PortfolioYear) {
    const L = this.locale;
    const o = y.outcome;
    const p = y.performance;
    return html`<li>${pt('year.outcome', { year: y.academicYear, selected: o.selected, cap: o.cap, selectable: o.selectable, window: pt(`window.${o.window}`, {}, L) }, L)}</li>
      <li>
        ${pt(
          'year.performance',
          {
            year: y.academicYear,
            selected: p.selected,
            cap: p.cap,
            counting: p.counting,
            exempt: p.exempt,
            upload: p.uploadCap === null ? '' : pt('year.upload-cap', { cap: p.uploadCap }, L),
            window: pt(`window.${p.window}`, {}, L),
          },
          L,
        )}
      </li>`;
  }

  #capText(r: PortfolioRecord, year: PortfolioYear | undefined) {
    const L = this.locale;
    if (r.cap === 'outcome') return pt('cap.outcome', { cap: year?.outcome.cap ?? 6 }, L);
    if (r.cap === 'performance') return pt('cap.performance', { cap: year?.performance.cap ?? 10 }, L);
    if (r.cap === 'exempt') return pt('cap.exempt', {}, L);
    return pt('cap.none', {}, L);
  }

  #pendingText(r: PortfolioRecord) {
    const L = this.locale;
    if (!r.pending) return '';
    if (r.pending === 'failed') return r.statusReason ? pt('pending.failed', { reason: r.statusReason }, L) : pt('pending.failed.noreason', {}, L);
    return pt(`pending.${r.pending}`, {}, L);
  }

  #record(r: PortfolioRecord, years: Map<number, PortfolioYear>) {
    const L = this.locale;
    const selectable = r.cap === 'outcome' || r.cap === 'performance';
    const files = [r.document?.name, r.media?.name].filter(Boolean) as string[];
    const todo = this.#pendingText(r);
    return html`<li part="record" class="record ${todo ? 'todo' : ''}" aria-labelledby="rec-${r.id}">
      ${heading(this.headingLevel + 2, `${r.kindLabel[L]}${r.subjectName ? `・${r.subjectName}` : ''}`, `rec-${r.id}`)}
      <p>${r.summary}</p>
      <dl>
        ${r.fields.map((f) => html`<dt>${f.label}</dt><dd>${f.text}</dd>`)}
        <dt>${pt('status.label', {}, L)}</dt>
        <dd>${pt(`status.${r.status}`, {}, L)}${pt(r.enteredBySelf ? 'entered.self' : 'entered.office', {}, L)}</dd>
        <dt>${pt('cap.label', {}, L)}</dt>
        <dd>${this.#capText(r, years.get(r.academicYear))}${selectable ? html`・${pt(r.selected ? 'selected.yes' : 'selected.no', {}, L)}` : nothing}</dd>
        ${todo ? html`<dt>${pt('pending.label', {}, L)}</dt><dd class="todo-text"><span aria-hidden="true">⚠ </span>${todo}</dd>` : nothing}
        ${files.length || r.videoUrl
          ? html`<dt>${pt('files.label', {}, L)}</dt>
              <dd>${files.join('、')}${r.videoUrl ? html`${files.length ? html`<br />` : nothing}${pt('files.video', {}, L)}：${r.videoUrl}` : nothing}</dd>`
          : nothing}
      </dl>
    </li>`;
  }

  #body(p: Portfolio) {
    const L = this.locale;
    const years = new Map(p.years.map((y) => [y.academicYear, y]));
    const semesters = p.semesters
      .map((s) => ({ ...s, records: this.onlyPending ? s.records.filter((r) => r.pending !== null) : s.records }))
      .filter((s) => s.records.length > 0);
    return html`<p role="status">${pt('totals', p.totals, L)}</p>
      ${p.years.length
        ? html`<div part="caps">
            ${heading(this.headingLevel + 1, pt('caps', {}, L), 'caps-heading')}
            <ul aria-labelledby="caps-heading">
              ${p.years.map((y) => this.#year(y))}
            </ul>
          </div>`
        : nothing}
      <div class="toolbar">
        <label><input type="checkbox" .checked=${this.onlyPending} @change=${(e: Event) => (this.onlyPending = (e.target as HTMLInputElement).checked)} /> ${pt('filter.pending', {}, L)}</label>
        <button type="button" ?disabled=${this.busy} aria-describedby="download-hint" @click=${() => this.#download('zip')}>${pt('download', {}, L)}</button>
        <button type="button" id="download-pdf" ?disabled=${this.busy} aria-describedby="download-hint" @click=${() => this.#download('pdf')}>${pt('download.pdf', {}, L)}</button>
        <span id="download-hint" class="muted">${pt('download.hint', {}, L)}</span>
      </div>
      ${semesters.length === 0
        ? html`<p>${pt(this.onlyPending && p.totals.records > 0 ? 'empty.pending' : 'empty', {}, L)}</p>`
        : semesters.map(
            (s) => html`<section aria-labelledby="term-${s.academicYear}-${s.semester}">
              ${heading(this.headingLevel + 1, pt('term', { year: s.academicYear, semester: s.semester }, L), `term-${s.academicYear}-${s.semester}`)}
              <ul class="records">
                ${s.records.map((r) => this.#record(r, years))}
              </ul>
            </section>`,
          )}`;
  }

  override render() {
    const L = this.locale;
    return html`<section aria-labelledby="portfolio-heading" aria-busy=${this.portfolio || this.failure ? 'false' : 'true'}>
      ${heading(this.headingLevel, pt('title', {}, L), 'portfolio-heading')}
      <p class="muted">${pt('intro', {}, L)}</p>
      <licheng-notice id="portfolio-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      <licheng-notice id="portfolio-downloaded" variant="success" .locale=${L} .message=${this.success}></licheng-notice>
      ${this.portfolio ? this.#body(this.portfolio) : this.failure ? nothing : html`<p>${pt('loading', {}, L)}</p>`}
    </section>`;
  }
}
