import { html, nothing } from 'lit';
import { downloadFile, LichengApiError, LichengConnectedElement, errorText } from '@licheng/client';
import { isIsoDate, windowLength } from '@licheng/core';
import { charCount, focusMark, focusOutcome, formatDate, formatDateTime, heading, screenStyles, type DateChange, type FileChange, type FileField } from '@licheng/ui';
import { paths, progressWorkbookPath, TEXT_MAX, ZIP_MAX_BYTES, type BatchSummary, type ImportResult, type IssueRow, type Progress } from '../api.ts';
import { t } from '../messages.ts';
import { importReport } from './import-report.ts';
import { receiptDeskStyles } from './receipt-desk.styles.ts';
import '../receipt-issues/receipt-issues.ts';

/**
 * A chosen batch's sections, each loaded as its own module when the desk first shows (the
 * office's first load stays within its budget, ADR 0024): reconciliation, and the paper forms
 * with their recorded returns.
 */
const BATCH_SECTIONS = [() => import('../receipt-reconcile/receipt-reconcile.ts'), () => import('../receipt-paper-forms/receipt-paper-forms.ts')];

/**
 * `<licheng-receipt-desk>` — the registry office's (註冊組) receipt desk: import the 收訖明細
 * ZIP with the students' confirmation window (checked first in a dry run, with a report by
 * file and entry), follow each batch's progress by roster, download it as Excel, and answer
 * the issues students raised — every office's, as the coordinator — in `<licheng-receipt-issues>`.
 *
 * @event licheng-receipt-imported - A receipt was imported; `detail: { batchId, items }`.
 * @event licheng-receipt-issue-answered - An issue was answered (from `<licheng-receipt-issues>`); `detail: { issueId, corrected }`.
 * @event licheng-token-expired - The token has expired.
 * @csspart import - The import form and its report.
 * @csspart progress - The progress table of the chosen batch.
 * @csspart issues - `<licheng-receipt-issues>`: the open issues of every batch, newest first, each with its batch.
 */
export class ReceiptDesk extends LichengConnectedElement {
  static override styles = [...screenStyles, receiptDeskStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    windowStart: { state: true },
    windowEnd: { state: true },
    result: { state: true },
    importing: { state: true },
    importError: { state: true },
    showPassword: { state: true },
    batches: { state: true },
    batchId: { state: true },
    progress: { state: true },
    announcement: { state: true },
    failure: { state: true },
  };

  declare headingLevel: number;
  declare windowStart: string;
  declare windowEnd: string;
  declare result: ImportResult | null;
  declare importing: boolean;
  declare importError: string;
  declare showPassword: boolean;
  declare batches: BatchSummary[] | null;
  declare batchId: string;
  declare progress: Progress | null;
  declare announcement: string;
  declare failure: string;

  /** The ZIP's password as the office types it; sent with the upload, never kept after it. */
  #password = '';
  /** The last import failed on the password (wrong or missing): the field is marked invalid. */
  #passwordRefused = false;
  /** The chosen ZIP and what the file field says about it (type, size). */
  #file: File | null = null;
  #fileError = '';

  constructor() {
    super();
    this.headingLevel = 1;
    this.windowStart = '';
    this.windowEnd = '';
    this.result = null;
    this.importing = false;
    this.importError = '';
    this.showPassword = false;
    this.batches = null;
    this.batchId = '';
    this.progress = null;
    this.announcement = '';
    this.failure = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const section of BATCH_SECTIONS) void section();
  }

  override async load(): Promise<void> {
    try {
      this.batches = await this.api.query<BatchSummary[]>(paths.batches, { limit: 50 });
      if (!this.batches.some((b) => b.id === this.batchId)) this.batchId = this.batches[0]?.id ?? '';
      await this.#loadBatch();
    } catch (error) {
      this.failure = message(error);
    }
  }

  /** The chosen batch's progress (the open issues of every batch are `<licheng-receipt-issues>`'s, whichever batch is chosen). */
  async #loadBatch() {
    this.progress = this.batchId ? await this.api.query<Progress>(paths.progress, { batchId: this.batchId }) : null;
  }

  async #import(dryRun: boolean) {
    if (this.importing) return;
    const L = this.locale;
    const field = this.renderRoot.querySelector<FileField>('licheng-file-field')!;
    const file = this.#file;
    this.importError = '';
    this.result = null;
    if (!file || this.#fileError) {
      this.importError = this.#fileError || t('import.file-required', {}, L);
      await focusOutcome(this, field);
      return;
    }
    if (!isIsoDate(this.windowStart) || !isIsoDate(this.windowEnd)) {
      this.importError = t('import.window-required', {}, L);
      await focusOutcome(this, isIsoDate(this.windowStart) ? '#window-end' : '#window-start');
      return;
    }
    const form = new FormData();
    form.set('file', file);
    form.set('windowStart', this.windowStart);
    form.set('windowEnd', this.windowEnd);
    form.set('dryRun', dryRun ? 'true' : 'false');
    if (this.#password !== '') form.set('password', this.#password);
    this.#passwordRefused = false;
    this.importing = true;
    const mark = focusMark();
    try {
      this.result = await this.api.upload<ImportResult>(paths.import, form);
      if (this.result.ok && !dryRun && this.result.batchId) {
        this.emit('licheng-receipt-imported', { batchId: this.result.batchId, items: this.result.items });
        this.batchId = this.result.batchId;
        this.#clearPassword();
        await this.load();
      }
    } catch (error) {
      this.importError = message(error);
      this.#passwordRefused = error instanceof LichengApiError && PASSWORD_CODES.has(error.code);
    } finally {
      this.importing = false;
    }
    // The report's first line: what was imported (or checked), or why not.
    await focusOutcome(this, '#import-outcome > p', { since: mark });
  }

  /** Forgets the password once its ZIP is imported. */
  #clearPassword() {
    this.#password = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('#zip-password');
    if (input) input.value = '';
  }

  async #selectBatch(id: string) {
    this.batchId = id;
    this.failure = '';
    try {
      this.progress = await this.api.query<Progress>(paths.progress, { batchId: id });
    } catch (error) {
      this.failure = message(error);
      await focusOutcome(this, '#desk-failure');
    }
  }

  async #download() {
    this.failure = '';
    try {
      await downloadFile(this.api, progressWorkbookPath(this.batchId), 'receipt-progress.xlsx');
    } catch (error) {
      this.failure = message(error);
      await focusOutcome(this, '#desk-failure');
    }
  }

  override render() {
    const L = this.locale;
    return html`${heading(this.headingLevel, t('desk.title', {}, L))}
      <p class="muted">${t('desk.intro', {}, L)}</p>
      <p role="status" aria-live="polite">${this.announcement}</p>
      ${this.failure ? html`<p id="desk-failure" role="alert" class="error-text">${this.failure}</p>` : nothing} ${this.#importSection()} ${this.#batchesSection()}`;
  }

  #windowText(): string {
    const { windowStart: start, windowEnd: end } = this;
    if (!isIsoDate(start) || !isIsoDate(end) || end < start) return '';
    return t('import.window-roc', { start: formatDate(start, this.locale), end: formatDate(end, this.locale), days: windowLength(start, end) }, this.locale);
  }

  #importSection() {
    const L = this.locale;
    const sub = this.headingLevel + 1;
    return html`<section part="import" aria-labelledby="import-heading">
      ${heading(sub, t('import.heading', {}, L), 'import-heading')}
      <form @submit=${(e: Event) => e.preventDefault()}>
        <licheng-file-field
          .locale=${L}
          label=${t('import.file', {}, L)}
          accept=".zip,application/zip"
          max-bytes=${ZIP_MAX_BYTES}
          ?disabled=${this.importing}
          @licheng-file-change=${(e: CustomEvent<FileChange>) => {
            this.#file = e.detail.file;
            this.#fileError = e.detail.error;
            this.result = null;
          }}
        ></licheng-file-field>
        <div class="field password">
          <label for="zip-password">${t('import.password', {}, L)}</label>
          <input
            id="zip-password"
            type=${this.showPassword ? 'text' : 'password'}
            autocomplete="off"
            spellcheck="false"
            maxlength="200"
            aria-describedby=${this.#passwordRefused ? 'password-hint import-error' : 'password-hint'}
            aria-invalid=${this.#passwordRefused ? 'true' : 'false'}
            ?disabled=${this.importing}
            @input=${(e: Event) => (this.#password = (e.target as HTMLInputElement).value)}
          />
          <label class="inline"><input type="checkbox" .checked=${this.showPassword} @change=${(e: Event) => (this.showPassword = (e.target as HTMLInputElement).checked)} />${t('import.show-password', {}, L)}</label>
          <p class="hint" id="password-hint">${t('import.password-hint', {}, L)}</p>
        </div>
        <div class="dates">
          <div class="field">
            <licheng-date-field id="window-start" .locale=${L} label=${t('import.start', {}, L)} required .value=${this.windowStart} @licheng-date-change=${(e: CustomEvent<DateChange>) => (this.windowStart = e.detail.value)}></licheng-date-field>
          </div>
          <div class="field">
            <licheng-date-field id="window-end" .locale=${L} label=${t('import.end', {}, L)} required .value=${this.windowEnd} @licheng-date-change=${(e: CustomEvent<DateChange>) => (this.windowEnd = e.detail.value)}></licheng-date-field>
          </div>
        </div>
        <p class="hint" id="window-hint">${t('import.window-hint', {}, L)} <span class="roc">${this.#windowText()}</span></p>
        <div class="actions">
          <button type="button" ?disabled=${this.importing} @click=${() => this.#import(true)}>${t('import.dry-run', {}, L)}</button>
          <button type="button" class="primary" ?disabled=${this.importing} @click=${() => this.#import(false)}>${t('import.run', {}, L)}</button>
        </div>
      </form>
      <div aria-live="polite">
        <div id="import-outcome">
          ${this.importError ? html`<p role="alert" class="error-text" id="import-error">${this.importError}</p>` : nothing} ${this.result ? importReport(this.result, this.locale) : nothing}
        </div>
      </div>
    </section>`;
  }

  #term(b: { academicYear: number; semester: number }): string {
    const L = this.locale;
    return b.semester === 0 ? t('batch.year-heading', { year: b.academicYear }, L) : t('batch.heading', { year: b.academicYear, semester: b.semester }, L);
  }

  #batchLabel(b: BatchSummary): string {
    const L = this.locale;
    const term = this.#term(b);
    return t('batch.option', { term, start: formatDate(b.window.start, L), end: formatDate(b.window.end, L), phase: t(`phase.${b.phase}`, {}, L) }, L);
  }

  #batchesSection() {
    const L = this.locale;
    const sub = this.headingLevel + 1;
    if (this.batches === null) return html`<p>${t('loading', {}, L)}</p>`;
    return html`<section part="progress" aria-labelledby="progress-heading">
        ${heading(sub, t('progress.heading', {}, L), 'progress-heading')}
        ${this.batches.length === 0
          ? html`<p>${t('batches.empty', {}, L)}</p>`
          : html`<div class="field">
                <label class="label" for="batch">${t('batches.select', {}, L)}</label>
                <select id="batch" .value=${this.batchId} @change=${(e: Event) => this.#selectBatch((e.target as HTMLSelectElement).value)}>
                  ${this.batches.map((b) => html`<option value=${b.id} ?selected=${b.id === this.batchId}>${this.#batchLabel(b)}</option>`)}
                </select>
              </div>
              ${this.progress ? this.#progressTable(this.progress) : nothing}
              <licheng-receipt-reconcile .api=${this.api} .batchId=${this.batchId} .locale=${L} heading-level=${sub + 1}></licheng-receipt-reconcile>`}
      </section>
      ${this.batchId ? html`<licheng-receipt-paper-forms .locale=${L} heading-level=${sub} batch-id=${this.batchId} .token=${this.token} .tokenProvider=${this.tokenProvider} api-base=${this.apiBase}></licheng-receipt-paper-forms>` : nothing}
      ${this.batches.length
        ? html`<licheng-receipt-issues
            part="issues"
            heading-level=${this.headingLevel + 1}
            .token=${this.token}
            .tokenProvider=${this.tokenProvider}
            .apiBase=${this.apiBase}
            .locale=${this.locale}
            @licheng-receipt-issue-answered=${() => void this.#loadBatch()}
          ></licheng-receipt-issues>`
        : nothing}`;
  }

  #progressTable(progress: Progress) {
    const L = this.locale;
    const cols = ['progress.total', 'status.confirmed', 'status.issue', 'status.pending', 'status.deemed-confirmed'] as const;
    // A region of its own, reachable by keyboard: on a phone in English the table scrolls sideways inside it.
    return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="progress-caption">
        <table>
          <caption id="progress-caption">${t('progress.caption', {}, L)}</caption>
          <thead><tr><th scope="col">${t('roster.kind', {}, L)}</th><th scope="col">${t('roster.name', {}, L)}</th>${cols.map((c) => html`<th scope="col" class="num">${t(c, {}, L)}</th>`)}</tr></thead>
          <tbody>
            ${progress.rosters.map(
              (r) => html`<tr><td>${r.kind}</td><th scope="row">${r.name}</th><td class="num">${r.total}</td><td class="num">${r.confirmed}</td><td class="num">${r.issue}</td><td class="num">${r.pending}</td><td class="num">${r.deemedConfirmed}</td></tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions"><button type="button" @click=${() => this.#download()}>${t('progress.download', {}, L)}</button></div>`;
  }
}

/** Refusals about the ZIP's password: the password field is marked invalid beside the message. */
const PASSWORD_CODES = new Set(['receipt-zip-password-wrong', 'receipt-zip-password-required']);

function message(error: unknown): string {
  return errorText(error);
}
