import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, heading, screenStyles, type Locale } from '@licheng/ui';
import { paths, type MeTerm, type RosterList } from '../api.ts';
import { t } from '../messages.ts';
import { rosterExportStyles, rosterSubmissionStyles } from './roster-export.styles.ts';
import './roster-submission.ts';
import { st } from './submission-messages.ts';

type Batch = RosterList['rosters'][number]['batches'][number]['batch'];
const BATCH_ORDER: Batch[] = ['regular', 'grade12-first', 'grade12-second'];
const batchLabel = (batch: Batch, locale: Locale) => st(`batch-${batch}`, {}, locale);

/**
 * `<licheng-roster-export>` — 名冊提交: for the term (academic year, the semester of the
 * submission window), every roster this office can build (`registry.rosters.list`) with its
 * 名冊別 — or why it is disabled (an unset number names the setting to fill) — and the window's
 * refusal. A 梯次 select shows the term's rosters or one of grade 12's batches (高三第一/第二梯次),
 * so the office sees only what it submits now; each roster is a `<licheng-roster-submission>`: 檢查, 產生名冊, 標記為已提交, its
 * submission history and 與上次提交的差異.
 *
 * @event licheng-token-expired - The token has expired.
 */
export class RosterExport extends LichengConnectedElement {
  static override styles = [...screenStyles, rosterExportStyles, rosterSubmissionStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    academicYear: { type: Number, attribute: 'academic-year' },
    semester: { type: Number },
    yearError: { state: true },
    failure: { state: true },
    rosters: { state: true },
    batch: { state: true },
  };

  declare headingLevel: number;
  declare academicYear: number | null;
  declare semester: 1 | 2;
  declare yearError: string;
  declare failure: string;
  declare rosters: RosterList['rosters'] | null;
  /** The 梯次 shown: the term's rosters, or grade 12's first or second batch. */
  declare batch: Batch;
  #ticket = 0;

  constructor() {
    super();
    this.headingLevel = 2;
    this.academicYear = null;
    this.semester = 1;
    this.yearError = '';
    this.failure = '';
    this.rosters = null;
    this.batch = 'regular';
  }

  /** Starts on the current term (from platform.me) unless told otherwise. */
  override async load(): Promise<void> {
    if (this.academicYear === null) {
      try {
        const me = await this.api.read<MeTerm>(paths.me);
        this.academicYear = me.term.academicYear;
        this.semester = me.term.semester;
      } catch (error) {
        this.failure = error instanceof LichengApiError ? error.message : String(error);
        return;
      }
    }
    await this.#loadRosters();
  }

  async #loadRosters(): Promise<void> {
    const year = this.academicYear;
    const ticket = ++this.#ticket;
    if (year === null || !Number.isInteger(year) || year < 100 || year > 199) {
      this.yearError = t('export.year-invalid', {}, this.locale);
      this.rosters = null;
      return;
    }
    this.yearError = '';
    this.failure = '';
    try {
      const list = await this.api.query<RosterList>(paths.rosterList, { academicYear: year, semester: this.semester });
      if (ticket !== this.#ticket) return;
      this.rosters = list.rosters;
      const batches = [...this.#batchCounts().keys()];
      if (!batches.includes(this.batch)) this.batch = batches[0] ?? 'regular';
    } catch (error) {
      if (ticket === this.#ticket) this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  /** How many rosters the term has of each 梯次, in submission order (only the 梯次 it has). */
  #batchCounts(): Map<Batch, number> {
    const counts = new Map<Batch, number>();
    for (const b of BATCH_ORDER) {
      const n = (this.rosters ?? []).filter((r) => r.batches.some((x) => x.batch === b)).length;
      if (n > 0) counts.set(b, n);
    }
    return counts;
  }

  #batchField() {
    const L = this.locale;
    const counts = this.#batchCounts();
    if (counts.size < 2) return nothing;
    const grade12 = [...counts].filter(([b]) => b !== 'regular').reduce((n, [, c]) => n + c, 0);
    return html`<div class="field">
      <label for="batch">${st('batch', {}, L)}</label>
      <select id="batch" aria-describedby="batch-hint" @change=${(e: Event) => (this.batch = (e.target as HTMLSelectElement).value as Batch)}>
        ${[...counts].map(([b, count]) => html`<option value=${b} .selected=${this.batch === b}>${batchLabel(b, L)}（${st('batch-count', { count }, L)}）</option>`)}
      </select>
      <p id="batch-hint" class="hint">${st('batch-hint', { count: grade12 }, L)}</p>
    </div>`;
  }

  async #changeTerm(): Promise<void> {
    await this.#loadRosters();
    if (this.yearError) await focusOutcome(this, '#year');
  }

  override render() {
    const L = this.locale;
    return html`<section aria-labelledby="export-heading">
      ${heading(this.headingLevel, st('heading', {}, L), 'export-heading')}
      <p class="muted">${st('intro', {}, L)}</p>
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.#changeTerm())}>
        <div class="row">
          <div class="field">
            <label for="year">${t('export.year', {}, L)}</label>
            <input
              id="year"
              type="number"
              inputmode="numeric"
              min="100"
              max="199"
              required
              aria-describedby=${this.yearError ? 'year-hint year-error' : 'year-hint'}
              aria-invalid=${this.yearError ? 'true' : 'false'}
              .value=${this.academicYear === null ? '' : String(this.academicYear)}
              @input=${(e: Event) => {
                const raw = (e.target as HTMLInputElement).value;
                this.academicYear = raw === '' ? null : Number(raw);
              }}
              @change=${() => void this.#changeTerm()}
            />
            <p id="year-hint" class="hint">${t('export.year-hint', {}, L)}</p>
            ${this.yearError ? html`<p id="year-error" class="error-text">${this.yearError}</p>` : nothing}
          </div>
          <div class="field">
            <label for="semester">${t('export.semester', {}, L)}</label>
            <select
              id="semester"
              aria-describedby="semester-hint"
              @change=${(e: Event) => {
                this.semester = Number((e.target as HTMLSelectElement).value) as 1 | 2;
                void this.#changeTerm();
              }}
            >
              <option value="1" .selected=${this.semester === 1}>${t('export.semester-1', {}, L)}</option>
              <option value="2" .selected=${this.semester === 2}>${t('export.semester-2', {}, L)}</option>
            </select>
            <p id="semester-hint" class="hint">${t('export.semester-hint', {}, L)}</p>
          </div>
          ${this.#batchField()}
        </div>
      </form>
      <licheng-notice id="export-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${this.rosters === null
        ? this.failure || this.yearError
          ? nothing
          : html`<p role="status">${st('loading', {}, L)}</p>`
        : this.rosters.length === 0
          ? html`<p>${st('none', {}, L)}</p>`
          : html`<div class="rosters">
              ${this.rosters.flatMap((entry) =>
                entry.batches.filter((b) => b.batch === this.batch).map((batch) =>
                  keyed(
                    `${this.academicYear}-${this.semester}-${entry.roster}-${batch.batch}`,
                    html`<licheng-roster-submission .api=${this.api} .entry=${entry} .batch=${batch} .academicYear=${this.academicYear!} .semester=${this.semester} .locale=${L}></licheng-roster-submission>`,
                  ),
                ),
              )}
            </div>`}
    </section>`;
  }
}
