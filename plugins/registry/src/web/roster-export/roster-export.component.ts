import { html, nothing } from 'lit';
import { downloadFile, LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { EXPORT_KINDS, paths, type MeTerm, type RosterExport as RosterExportResult } from '../api.ts';
import { t } from '../messages.ts';
import { rosterExportStyles } from './roster-export.styles.ts';

/**
 * `<licheng-roster-export>` — builds a roster (名冊) for the central database — academic
 * year, the semester of the submission window, roster kind (26 課程學習成果, 28 進修部) — and
 * downloads the Excel file. Rows that cannot be submitted (`(缺)`) come back as a separate
 * workbook, offered for download beside the roster, never downloaded as the roster.
 *
 * A roster with no rows is not a success: it says nothing matched and what to check, and is
 * downloaded only when asked.
 *
 * @event licheng-roster-exported - Built (and downloaded when it has rows); `detail: { fileId, fileName, rowCount, downloadUrl }`.
 * @event licheng-token-expired - The token has expired.
 */
export class RosterExport extends LichengConnectedElement {
  static override styles = [...screenStyles, rosterExportStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    academicYear: { type: Number, attribute: 'academic-year' },
    semester: { type: Number },
    kind: { type: Number },
    running: { state: true },
    yearError: { state: true },
    failure: { state: true },
    exported: { state: true },
    refusal: { state: true },
  };

  declare headingLevel: number;
  declare academicYear: number | null;
  declare semester: 1 | 2;
  declare kind: number;

  get #roster(): string {
    return EXPORT_KINDS.find((k) => k.kind === this.kind)?.roster ?? 'outcomes';
  }
  declare running: boolean;
  declare yearError: string;
  declare failure: string;
  declare exported: RosterExportResult | null;
  /** Why the server would refuse this roster now (the roster-submission window, worded), or ''. */
  declare refusal: string;
  #windowTicket = 0;

  constructor() {
    super();
    this.headingLevel = 2;
    this.academicYear = null;
    this.semester = 1;
    this.kind = 26;
    this.running = false;
    this.yearError = '';
    this.failure = '';
    this.exported = null;
    this.refusal = '';
  }

  /** Starts on the current term (from platform.me) unless told otherwise. */
  override async load(): Promise<void> {
    if (this.academicYear === null) {
      try {
        const me = await this.api.query<MeTerm>(paths.me);
        this.academicYear = me.term.academicYear;
        this.semester = me.term.semester;
      } catch (error) {
        this.failure = error instanceof LichengApiError ? error.message : String(error);
        return;
      }
    }
    await this.#checkWindow();
  }

  /** Asks whether the roster would be refused now (its window), so 產生名冊 is disabled with the reason before anyone tries. */
  async #checkWindow(): Promise<void> {
    const year = this.academicYear;
    const ticket = ++this.#windowTicket;
    if (year === null || !Number.isInteger(year) || year < 100 || year > 199) {
      this.refusal = '';
      return;
    }
    try {
      const { refusal } = await this.api.query<{ refusal: string | null }>(paths.rosterWindow, { academicYear: year, semester: this.semester, roster: this.#roster, batch: 'regular' });
      if (ticket === this.#windowTicket) this.refusal = refusal ?? '';
    } catch {
      // Not known: the button stays enabled and the export itself answers.
      if (ticket === this.#windowTicket) this.refusal = '';
    }
  }

  async #download(result: { downloadUrl: string; fileName: string }) {
    await downloadFile(this.api, result.downloadUrl, result.fileName);
  }

  async #submit(event: Event) {
    event.preventDefault();
    if (this.running || this.refusal) return;
    const L = this.locale;
    const year = this.academicYear;
    this.failure = '';
    this.exported = null;
    if (year === null || !Number.isInteger(year) || year < 100 || year > 199) {
      this.yearError = t('export.year-invalid', {}, L);
      await focusOutcome(this, '#year');
      return;
    }
    this.yearError = '';
    this.running = true;
    const mark = focusMark();
    try {
      const result = await this.api.mutation<RosterExportResult>(paths.exportRoster, { academicYear: year, semester: this.semester, roster: this.#roster, batch: 'regular' });
      this.exported = result;
      if (result.rowCount > 0) await this.#download(result);
      this.emit('licheng-roster-exported', result);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    } finally {
      this.running = false;
    }
    // What was built (its row count, or the warning that it is empty), or why not.
    await focusOutcome(this, this.failure ? '#export-failure' : '#export-outcome', { since: mark });
  }

  /** What was built: a success with its row count, or — with no rows — a warning that says what to check. */
  #outcome() {
    const L = this.locale;
    const result = this.exported;
    const empty = result?.rowCount === 0;
    const kind = EXPORT_KINDS.find((k) => k.kind === this.kind)?.label[L] ?? String(this.kind);
    const message = !result ? '' : empty ? t('export.empty', { year: this.academicYear ?? '', kind }, L) : t('export.done', { fileName: result.fileName, rowCount: result.rowCount }, L);
    const review = result?.review ?? null;
    return html`<licheng-notice id="export-outcome" variant=${empty ? 'warning' : 'success'} .locale=${L} .message=${message}>
      ${result
        ? html`<button type="button" class="link" @click=${() => this.#download(result).catch((e: unknown) => (this.failure = e instanceof Error ? e.message : String(e)))}>
            ${t(empty ? 'export.download-empty' : 'export.again', {}, L)}
          </button>`
        : nothing}
    </licheng-notice>
    ${review
      ? html`<licheng-notice id="export-review" variant="warning" .locale=${L} .message=${t('export.review', { rowCount: review.rowCount, fileName: review.fileName }, L)}>
          <button type="button" class="link" @click=${() => this.#download(review).catch((e: unknown) => (this.failure = e instanceof Error ? e.message : String(e)))}>${t('export.review-download', {}, L)}</button>
        </licheng-notice>`
      : nothing}`;
  }

  override render() {
    const L = this.locale;
    return html`<section aria-labelledby="export-heading" aria-busy=${this.running ? 'true' : 'false'}>
      ${heading(this.headingLevel, t('export.heading', {}, L), 'export-heading')}
      <p class="muted">${t('export.intro', {}, L)}</p>
      <form novalidate @submit=${this.#submit}>
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
                this.yearError = '';
              }}
              @change=${() => void this.#checkWindow()}
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
                void this.#checkWindow();
              }}
            >
              <option value="1" .selected=${this.semester === 1}>${t('export.semester-1', {}, L)}</option>
              <option value="2" .selected=${this.semester === 2}>${t('export.semester-2', {}, L)}</option>
            </select>
            <p id="semester-hint" class="hint">${t('export.semester-hint', {}, L)}</p>
          </div>
          <div class="field">
            <label for="kind">${t('export.kind', {}, L)}</label>
            <select
              id="kind"
              @change=${(e: Event) => {
                this.kind = Number((e.target as HTMLSelectElement).value);
                void this.#checkWindow();
              }}
            >
              ${EXPORT_KINDS.map((k) => html`<option value=${k.kind} .selected=${k.kind === this.kind}>${k.label[L]}</option>`)}
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.running || !!this.refusal} aria-describedby=${this.refusal ? 'export-reason' : nothing}>
            ${this.running ? t('export.running', {}, L) : t('export.submit', {}, L)}
          </button>
          ${this.refusal ? html`<p id="export-reason" class="hint">${this.refusal}</p>` : nothing}
        </div>
      </form>
      <licheng-notice id="export-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${this.#outcome()}
    </section>`;
  }
}
