import { html, nothing } from 'lit';
import { downloadFile, LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles, type FileChange } from '@licheng/ui';
import { MAX_TABLE_BYTES, paths, type ImportIssue, type ImportKind, type ImportResult, type Template, type TemplateColumn } from '../api.ts';
import { t } from '../messages.ts';
import { normalizeHeader, readHeaders, type DetectedHeaders } from '../read-headers.ts';
import { rosterImportStyles } from './roster-import.styles.ts';

function namesOf(column: TemplateColumn): string[] {
  return [column.header, column.headerEn, column.key, ...(column.aliases ?? [])].map(normalizeHeader);
}

/** The file header each template column would match on its own (as the server would match it). */
export function autoMapping(columns: TemplateColumn[], headers: string[]): Record<string, string> {
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const column of columns) {
    const names = new Set(namesOf(column));
    const match = headers.find((h) => !used.has(h) && names.has(normalizeHeader(h)));
    if (match) {
      mapping[column.key] = match;
      used.add(match);
    }
  }
  return mapping;
}

/**
 * `<licheng-roster-import>` — the registry office imports students, teachers, course
 * offerings or enrolments from an Excel or CSV file: download the template, choose the file,
 * map its columns when their names differ, check (dry run) and import. The report lists every
 * problem by row and column; with any problem nothing is written.
 *
 * @event licheng-imported - An import (not a dry run) wrote its rows; `detail: ImportResult`.
 * @event licheng-token-expired - The token has expired.
 */
export class RosterImport extends LichengConnectedElement {
  static override styles = [...screenStyles, rosterImportStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    templates: { state: true },
    kind: { state: true },
    file: { state: true },
    fileError: { state: true },
    detected: { state: true },
    detectError: { state: true },
    mapping: { state: true },
    running: { state: true },
    result: { state: true },
    failure: { state: true },
  };

  declare headingLevel: number;
  declare templates: Template[] | null;
  declare kind: ImportKind;
  declare file: File | null;
  declare fileError: string;
  declare detected: DetectedHeaders | null;
  declare detectError: string;
  /** Template column key → chosen file header ('' = not mapped). */
  declare mapping: Record<string, string>;
  declare running: 'dry-run' | 'import' | null;
  declare result: ImportResult | null;
  declare failure: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.templates = null;
    this.kind = 'students';
    this.file = null;
    this.fileError = '';
    this.detected = null;
    this.detectError = '';
    this.mapping = {};
    this.running = null;
    this.result = null;
    this.failure = '';
  }

  override async load(): Promise<void> {
    try {
      this.templates = await this.api.query<Template[]>(paths.templates);
      if (!this.templates.some((tpl) => tpl.kind === this.kind) && this.templates[0]) this.kind = this.templates[0].kind;
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  get #template(): Template | undefined {
    return this.templates?.find((tpl) => tpl.kind === this.kind);
  }

  #label(tpl: Template): string {
    return tpl.label[this.locale] ?? tpl.label['zh-TW'];
  }

  async #detect() {
    this.detected = null;
    this.detectError = '';
    this.mapping = {};
    const template = this.#template;
    if (!this.file || !template || this.fileError) return;
    try {
      const names = new Set(template.columns.flatMap(namesOf));
      this.detected = await readHeaders(this.file, names);
      this.mapping = autoMapping(template.columns, this.detected.headers);
    } catch (error) {
      this.detectError = error instanceof Error ? error.message : String(error);
    }
  }

  async #onKind(event: Event) {
    this.kind = (event.target as HTMLSelectElement).value as ImportKind;
    this.result = null;
    await this.#detect();
  }

  async #onFile(event: CustomEvent<FileChange>) {
    this.file = event.detail.file;
    this.fileError = event.detail.error;
    this.result = null;
    this.failure = '';
    await this.#detect();
  }

  async #download(format: 'xlsx' | 'csv') {
    const template = this.#template;
    if (!template) return;
    this.failure = '';
    try {
      await downloadFile(this.api, template.downloads[format], `${template.kind}-template.${format}`);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  /** Only the columns the office mapped differently from what the server matches by itself. */
  #mappingToSend(): Record<string, string> {
    const template = this.#template;
    if (!template || !this.detected) return {};
    const auto = autoMapping(template.columns, this.detected.headers);
    return Object.fromEntries(Object.entries(this.mapping).filter(([key, header]) => header !== '' && auto[key] !== header));
  }

  async #run(dryRun: boolean) {
    if (this.running) return;
    this.failure = '';
    if (!this.file) {
      this.failure = t('import.choose-file', {}, this.locale);
      await focusOutcome(this, 'licheng-file-field');
      return;
    }
    if (this.fileError) {
      await focusOutcome(this, 'licheng-file-field');
      return;
    }
    const form = new FormData();
    form.append('kind', this.kind);
    form.append('file', this.file);
    const mapping = this.#mappingToSend();
    if (Object.keys(mapping).length) form.append('mapping', JSON.stringify(mapping));
    form.append('dryRun', String(dryRun));
    this.running = dryRun ? 'dry-run' : 'import';
    this.result = null;
    const mark = focusMark();
    try {
      this.result = await this.api.mutation<ImportResult>(paths.run, form);
      if (!dryRun && this.result.ok) this.emit('licheng-imported', this.result);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    } finally {
      this.running = null;
    }
    // The result's heading (what was imported or checked), or why it was refused.
    await focusOutcome(this, this.failure ? '#import-failure' : '#result-heading', { since: mark });
  }

  #issueColumn(issue: ImportIssue): string {
    if (!issue.column) return '—';
    if (this.locale === 'zh-TW') return issue.column;
    return this.#template?.columns.find((c) => c.header === issue.column)?.headerEn ?? issue.column;
  }

  #templateSection(template: Template) {
    const L = this.locale;
    const label = this.#label(template);
    return html`<div class="row">
        <button type="button" @click=${() => this.#download('xlsx')}>${t('import.download-xlsx', { label }, L)}</button>
        <button type="button" class="link" @click=${() => this.#download('csv')}>${t('import.download-csv', {}, L)}</button>
      </div>
      <details>
        <summary>${t('import.columns', { label }, L)}</summary>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${t('import.col-header', {}, L)}</th>
                <th scope="col">${t('import.col-required', {}, L)}</th>
                <th scope="col">${t('import.col-example', {}, L)}</th>
                <th scope="col">${t('import.col-note', {}, L)}</th>
              </tr>
            </thead>
            <tbody>
              ${template.columns.map(
                (c) => html`<tr>
                  <th scope="row">${L === 'zh-TW' ? c.header : c.headerEn}</th>
                  <td>${c.required ? t('yes', {}, L) : t('no', {}, L)}</td>
                  <td>${c.example}</td>
                  <td>${c.note ?? ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>`;
  }

  #mappingSection(template: Template) {
    const L = this.locale;
    if (!this.file || this.fileError) return nothing;
    if (this.detectError) return html`<p class="hint">${t('import.mapping-failed', { reason: this.detectError }, L)}</p>`;
    if (!this.detected) return nothing;
    if (!this.detected.headers.length) return html`<p class="hint">${t('import.mapping-none', {}, L)}</p>`;
    const headers = this.detected.headers;
    return html`<fieldset>
      <legend>${t('import.mapping', {}, L)}</legend>
      <p class="hint">${t('import.mapping-intro', { row: this.detected.row }, L)}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('import.expected', {}, L)}</th>
              <th scope="col">${t('import.detected', {}, L)}</th>
            </tr>
          </thead>
          <tbody>
            ${template.columns.map((c) => {
              const name = L === 'zh-TW' ? c.header : c.headerEn;
              const chosen = this.mapping[c.key] ?? '';
              const missing = c.required && !chosen;
              const id = `map-${c.key}`;
              return html`<tr>
                <th scope="row" id=${`${id}-label`}>${name}${c.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</th>
                <td>
                  <select
                    id=${id}
                    aria-label=${t('import.select-for', { column: name }, L)}
                    aria-describedby=${missing ? `${id}-missing` : nothing}
                    aria-invalid=${missing ? 'true' : 'false'}
                    @change=${(e: Event) => (this.mapping = { ...this.mapping, [c.key]: (e.target as HTMLSelectElement).value })}
                  >
                    <option value="" .selected=${!chosen}>${t('import.unmapped', {}, L)}</option>
                    ${headers.map((h) => html`<option value=${h} .selected=${h === chosen}>${h}</option>`)}
                  </select>
                  ${missing ? html`<span class="missing" id=${`${id}-missing`}>${t('import.missing', {}, L)}</span>` : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </fieldset>`;
  }

  #results(result: ImportResult) {
    const L = this.locale;
    const c = result.counts;
    return html`<div class="results">
      ${heading(this.headingLevel + 1, t(result.dryRun ? 'result.heading-dry' : 'result.heading', {}, L), 'result-heading')}
      <p>${t('result.file', { fileName: result.fileName, total: result.totalRows }, L)}</p>
      ${result.ok
        ? html`<licheng-notice variant="success" .locale=${L} .message=${t(result.dryRun ? 'result.ok-dry' : 'result.ok', c, L)}></licheng-notice>
            <ul class="counts" aria-label=${t('result.counts', {}, L)}>
              <li>${t('result.inserted', {}, L)}<strong>${c.inserted}</strong></li>
              <li>${t('result.updated', {}, L)}<strong>${c.updated}</strong></li>
              <li>${t('result.unchanged', {}, L)}<strong>${c.unchanged}</strong></li>
            </ul>`
        : html`<licheng-notice variant="error" .locale=${L} .message=${t('result.issues', { count: result.issues.length }, L)}></licheng-notice>`}
      ${result.issues.length
        ? html`<div class="table-wrap">
            <table>
              <caption>${t('issues.caption', { count: result.issues.length }, L)}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">${t('issues.row', {}, L)}</th>
                  <th scope="col">${t('issues.column', {}, L)}</th>
                  <th scope="col">${t('issues.reason', {}, L)}</th>
                </tr>
              </thead>
              <tbody>
                ${result.issues.map(
                  (issue) => html`<tr>
                    <td class="num row-no">${issue.row ?? t('issues.whole-file', {}, L)}</td>
                    <td>${this.#issueColumn(issue)}</td>
                    <td>${issue.message}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
    </div>`;
  }

  override render() {
    const L = this.locale;
    const template = this.#template;
    return html`<section aria-labelledby="import-heading" aria-busy=${this.running ? 'true' : 'false'}>
      ${heading(this.headingLevel, t('import.heading', {}, L), 'import-heading')}
      <p class="muted">${t('import.intro', {}, L)}</p>
      <licheng-notice id="import-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${this.templates === null
        ? this.failure
          ? nothing
          : html`<p>${t('loading', {}, L)}</p>`
        : html`<div class="row">
              <div class="field">
                <label for="kind">${t('import.kind', {}, L)}</label>
                <select id="kind" @change=${this.#onKind}>
                  ${this.templates.map((tpl) => html`<option value=${tpl.kind} .selected=${tpl.kind === this.kind}>${this.#label(tpl)}</option>`)}
                </select>
              </div>
            </div>
            ${template ? this.#templateSection(template) : nothing}
            <licheng-file-field
              .locale=${L}
              label=${t('import.file', {}, L)}
              hint=${t('import.file-hint', {}, L)}
              accept=".xlsx,.csv"
              max-bytes=${MAX_TABLE_BYTES}
              ?disabled=${Boolean(this.running)}
              @licheng-file-change=${this.#onFile}
            ></licheng-file-field>
            ${template ? this.#mappingSection(template) : nothing}
            <div class="actions">
              <button type="button" ?disabled=${Boolean(this.running)} @click=${() => this.#run(true)}>
                ${this.running === 'dry-run' ? t('import.running', {}, L) : t('import.dry-run', {}, L)}
              </button>
              <button type="button" class="primary" ?disabled=${Boolean(this.running)} @click=${() => this.#run(false)}>
                ${this.running === 'import' ? t('import.running', {}, L) : t('import.run', {}, L)}
              </button>
            </div>
            ${this.result ? this.#results(this.result) : nothing}`}
    </section>`;
  }
}
