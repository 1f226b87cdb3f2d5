import { html, nothing, type PropertyValues } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import { heading } from '../base/heading.ts';
import type { FileChange, FileField } from '../file-field/file-field.component.ts';
import type { UploadState } from '../upload-progress/upload-progress.component.ts';
import { screenStyles } from '../styles/tokens.styles.ts';
import { cardTable, cardTableSideLabels } from '../styles/card-table.styles.ts';
import { rt } from '../record-fields/messages.ts';
import { displayValue, localized, type RecordKindScreen } from '../record-fields/record-fields.ts';
import { recordImportStyles } from './record-import.styles.ts';
import '../file-field/file-field.ts';
import '../notice/notice.ts';
import '../upload-progress/upload-progress.ts';

/** One problem of a list: the row as Excel shows it (null: the whole file), the column's header, the message. */
export interface RecordImportIssueView {
  row: number | null;
  column: string | null;
  message: string;
}

/** A good row of a preview (as the server's RecordImportPreviewRow). */
export interface RecordImportPreviewView {
  row: number;
  studentNo: string;
  studentName: string;
  className: string;
  academicYear: number;
  semester: number;
  summary: string;
  data: Readonly<Record<string, unknown>>;
}

/** What a check or an import answers: a subset of the server's RecordImportReport. */
export interface RecordImportReportView {
  rows: number;
  imported: number;
  ids: readonly string[];
  issues: readonly RecordImportIssueView[];
  preview?: readonly RecordImportPreviewView[];
}

/**
 * What the import needs from its host, as functions that call the server (so the element
 * carries no particular office's client): `preview` and `commit` send `kind` and `file` to
 * `<office>.records.importPreview` / `importCommit` and answer the report, calling `progress`
 * with the percent sent; the template is a link (`templateHref`) or a download the host makes
 * (`downloadTemplate`, e.g. with a bearer token).
 */
export interface RecordImportSource {
  preview(kind: string, file: File, progress: (percent: number) => void): Promise<RecordImportReportView>;
  commit(kind: string, file: File, progress: (percent: number) => void): Promise<RecordImportReportView>;
  templateHref?(kind: string): string;
  downloadTemplate?(kind: string): Promise<void>;
}

export interface RecordsImported {
  kind: string;
  imported: number;
  ids: readonly string[];
}

type Phase = 'idle' | 'checking' | 'checked' | 'committing' | 'done';
const PREVIEW_ROWS = 20;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `<licheng-record-import>` — a list of records from Excel or CSV, in steps: choose the kind,
 * download its template, choose the file, check it (a preview of the good rows and a row-level
 * report: row, column, problem), then import it all or nothing. Progress shows while the file
 * is sent and the server works; focus lands on each outcome (the check's result, the import's
 * result, or the refusal).
 *
 * The server is reached through `source` (RecordImportSource), functions the host passes.
 *
 * @event licheng-records-imported - The list was imported; `detail: { kind, imported, ids }`.
 * @event licheng-import-kind - Another kind was chosen; `detail: { kind }`.
 * @csspart issues - The row-level report table.
 * @csspart preview - The preview table.
 */
export class RecordImport extends LichengElement {
  static override styles = [...screenStyles, cardTable, cardTableSideLabels, recordImportStyles];
  static override properties = {
    kinds: { attribute: false },
    kind: {},
    source: { attribute: false },
    maxBytes: { type: Number, attribute: 'max-bytes' },
    disabledReason: { attribute: 'disabled-reason' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    phase: { state: true },
    report: { state: true },
    progress: { state: true },
    uploadState: { state: true },
    failure: { state: true },
    fileError: { state: true },
    ran: { state: true },
  };

  declare kinds: readonly RecordKindScreen[];
  /** The kind chosen (id). */
  declare kind: string;
  declare source: RecordImportSource | null;
  /** The largest list accepted (a hint; the server has the last word). */
  declare maxBytes: number;
  /** Why importing is not possible now; disables it. */
  declare disabledReason: string;
  declare headingLevel: number;
  declare phase: Phase;
  declare report: RecordImportReportView | null;
  declare progress: number;
  declare uploadState: UploadState;
  declare failure: string;
  declare fileError: string;
  /** What the last run did (for the progress's closing words). */
  declare ran: 'check' | 'commit';

  constructor() {
    super();
    this.kinds = [];
    this.kind = '';
    this.source = null;
    this.maxBytes = 5 * 1024 * 1024;
    this.disabledReason = '';
    this.headingLevel = 2;
    this.phase = 'idle';
    this.report = null;
    this.progress = 0;
    this.uploadState = 'idle';
    this.failure = '';
    this.fileError = '';
    this.ran = 'check';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('kinds') || changed.has('kind')) && !this.kinds.some((k) => k.id === this.kind)) this.kind = this.kinds[0]?.id ?? '';
  }

  get #kind(): RecordKindScreen | undefined {
    return this.kinds.find((k) => k.id === this.kind);
  }

  get #file(): FileField | null {
    return this.renderRoot.querySelector<FileField>('licheng-file-field');
  }

  #reset() {
    this.phase = 'idle';
    this.report = null;
    this.failure = '';
    this.uploadState = 'idle';
    this.progress = 0;
  }

  #chooseKind(kind: string) {
    this.kind = kind;
    this.#reset();
    this.#file?.clear();
    this.emit('licheng-import-kind', { kind });
  }

  async #template() {
    try {
      await this.source?.downloadTemplate?.(this.kind);
    } catch (error) {
      this.failure = message(error);
      await this.#focus('#import-failure');
    }
  }

  async #focus(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Sends the file to be checked (commit = false) or imported; focus goes to the outcome. */
  async run(commit: boolean): Promise<void> {
    if (!this.source || this.phase === 'checking' || this.phase === 'committing' || this.disabledReason) return;
    const file = this.#file?.file ?? null;
    if (!file || this.fileError) {
      // The file field shows the message at its input (aria-describedby, aria-invalid).
      if (!file && this.#file) this.#file.error = rt('import.file-required', {}, this.locale);
      await this.#file?.updateComplete;
      this.#file?.focus();
      return;
    }
    const kind = this.kind;
    this.failure = '';
    this.phase = commit ? 'committing' : 'checking';
    this.ran = commit ? 'commit' : 'check';
    this.uploadState = 'uploading';
    this.progress = 0;
    try {
      const progress = (percent: number) => (this.progress = percent);
      const report = await (commit ? this.source.commit(kind, file, progress) : this.source.preview(kind, file, progress));
      this.report = report;
      this.progress = 100;
      this.uploadState = 'done';
      if (commit && report.issues.length === 0 && report.imported > 0) {
        this.phase = 'done';
        this.#file?.clear();
        this.emit<RecordsImported>('licheng-records-imported', { kind, imported: report.imported, ids: report.ids });
      } else this.phase = commit ? 'idle' : 'checked';
      await this.#focus('#import-outcome');
    } catch (error) {
      this.phase = 'idle';
      this.uploadState = 'error';
      this.failure = rt('import.failed', { message: message(error) }, this.locale);
      await this.#focus('#import-failure');
    }
  }

  #outcome(): { variant: 'success' | 'warning' | 'error'; text: string } | null {
    const r = this.report;
    const L = this.locale;
    if (!r) return null;
    const count = r.issues.length;
    if (this.phase === 'done') return { variant: 'success', text: rt('import.done', { imported: r.imported, kind: localized(this.#kind?.label, L) }, L) };
    if (this.phase === 'checked') return count ? { variant: 'warning', text: rt('import.checked-bad', { rows: r.rows, count }, L) } : { variant: 'success', text: rt('import.checked-ok', { rows: r.rows }, L) };
    return count ? { variant: 'error', text: rt('import.refused', { count }, L) } : null;
  }

  #issues() {
    const r = this.report;
    if (!r || r.issues.length === 0) return nothing;
    const L = this.locale;
    const cols = [rt('import.row', {}, L), rt('import.column', {}, L), rt('import.problem', {}, L)];
    return html`<div class="table-wrap">
      <table part="issues" class="cards issues" role="table">
        <caption>${rt('import.issues', {}, L)}</caption>
        <thead role="rowgroup">
          <tr role="row">${cols.map((c, i) => html`<th role="columnheader" scope="col" class=${i === 0 ? 'num' : nothing}>${c}</th>`)}</tr>
        </thead>
        <tbody role="rowgroup">
          ${r.issues.map(
            (i) => html`<tr role="row">
              <td role="cell" class="num" data-label=${cols[0]!}>${i.row ?? rt('import.whole-file', {}, L)}</td>
              <td role="cell" data-label=${cols[1]!}>${i.column ?? '—'}</td>
              <td role="cell" data-label=${cols[2]!}>${i.message}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #preview() {
    const rows = this.report?.preview ?? [];
    const kind = this.#kind;
    if (this.phase !== 'checked' || rows.length === 0 || !kind) return nothing;
    const L = this.locale;
    const fields = kind.fields.filter((f) => !(f.type === 'text' && f.multiline));
    const cols = [rt('import.row', {}, L), rt('list.student', {}, L), rt('list.term', {}, L), ...fields.map((f) => localized(f.label, L))];
    const shown = rows.slice(0, PREVIEW_ROWS);
    return html`<div class="table-wrap">
      <table part="preview" class="cards" role="table">
        <caption>${rt('import.preview', { shown: shown.length, rows: this.report!.rows }, L)}</caption>
        <thead role="rowgroup">
          <tr role="row">${cols.map((c) => html`<th role="columnheader" scope="col">${c}</th>`)}</tr>
        </thead>
        <tbody role="rowgroup">
          ${shown.map(
            (p) => html`<tr role="row">
              <td role="cell" class="num" data-label=${cols[0]!}>${p.row}</td>
              <td role="cell" data-label=${cols[1]!}>${p.studentName}<span class="muted"> ${p.className} ${p.studentNo}</span></td>
              <td role="cell" data-label=${cols[2]!}>${rt('list.term-value', { year: p.academicYear, semester: p.semester }, L)}</td>
              ${fields.map((f, i) => html`<td role="cell" data-label=${cols[i + 3]!}>${displayValue(f, p.data[f.key], L)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const L = this.locale;
    const kind = this.#kind;
    const name = localized(kind?.label, L);
    const off = Boolean(this.disabledReason);
    const busy = this.phase === 'checking' || this.phase === 'committing';
    const ready = this.phase === 'checked' && this.report !== null && this.report.issues.length === 0 && this.report.rows > 0;
    const outcome = this.#outcome();
    const h = this.headingLevel;
    return html`<section aria-labelledby="import-heading" aria-busy=${busy ? 'true' : 'false'}>
      ${heading(h, rt('import.heading', { kind: name }, L), 'import-heading')}
      ${off ? html`<p id="import-disabled" class="disabled-reason">${this.disabledReason}</p>` : nothing}
      ${this.kinds.length > 1
        ? html`<div class="field">
            <label for="import-kind">${rt('import.kind', {}, L)}</label>
            <select id="import-kind" ?disabled=${busy || off} @change=${(e: Event) => this.#chooseKind((e.target as HTMLSelectElement).value)}>
              ${this.kinds.map((k) => html`<option value=${k.id} .selected=${k.id === this.kind}>${localized(k.label, L)}</option>`)}
            </select>
          </div>`
        : nothing}
      <ol class="steps">
        <li>
          ${heading(h + 1, rt('import.step-template', {}, L))}
          <p class="hint">${rt('import.columns', { columns: ['學號', '學年度', '學期', ...(kind?.summary ? ['內容簡述'] : []), ...(kind?.fields ?? []).map((f) => f.label['zh-TW'])].join('、') }, L)}</p>
          ${this.source?.templateHref
            ? html`<a class="button" href=${this.source.templateHref(this.kind)} download>${rt('import.template', { kind: name }, L)}</a>`
            : html`<button type="button" ?disabled=${!this.source?.downloadTemplate} @click=${this.#template}>${rt('import.template', { kind: name }, L)}</button>`}
        </li>
        <li>
          ${heading(h + 1, rt('import.step-file', {}, L))}
          <licheng-file-field
            .locale=${L}
            label=${rt('import.file', {}, L)}
            hint=${rt('import.file-hint', {}, L)}
            accept=".xlsx,.csv"
            max-bytes=${this.maxBytes}
            required
            ?disabled=${busy || off}
            @licheng-file-change=${(e: CustomEvent<FileChange>) => {
              this.fileError = e.detail.error;
              if (this.phase !== 'done' || e.detail.file) this.#reset();
            }}
          ></licheng-file-field>
        </li>
        <li>
          ${heading(h + 1, rt('import.step-check', {}, L))}
          <div class="actions">
            <button type="button" ?disabled=${busy || off} @click=${() => this.run(false)}>${this.phase === 'checking' ? rt('import.checking', {}, L) : rt('import.check', {}, L)}</button>
            <button type="button" class="primary" ?disabled=${!ready || busy || off} aria-describedby=${ready ? nothing : 'commit-hint'} @click=${() => this.run(true)}>
              ${this.phase === 'committing' ? rt('import.committing', {}, L) : ready ? rt('import.commit', { rows: this.report!.rows }, L) : rt('import.commit-plain', {}, L)}
            </button>
          </div>
          ${ready ? nothing : html`<p id="commit-hint" class="hint">${rt('import.commit-disabled', {}, L)}</p>`}
          <licheng-upload-progress .locale=${L} label=${rt('import.progress', {}, L)} message=${this.uploadState === 'done' ? rt(this.ran === 'commit' ? 'import.progress-committed' : 'import.progress-checked', {}, L) : ''} state=${this.uploadState} .value=${this.progress}></licheng-upload-progress>
        </li>
      </ol>
      <licheng-notice id="import-failure" tabindex="-1" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      <licheng-notice id="import-outcome" tabindex="-1" variant=${outcome?.variant ?? 'info'} .locale=${L} .message=${outcome?.text ?? ''}></licheng-notice>
      ${this.#issues()} ${this.#preview()}
    </section>`;
  }
}
