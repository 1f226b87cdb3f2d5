import { css, html, nothing } from 'lit';
import { downloadFile, LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles, type FileChange } from '@licheng/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { RegistryRouter } from '../../server/router.ts';
import { TRANSFER_MAX_BYTES } from '../api.ts';
import { tt, ttAny } from './transfer-messages.ts';

/** What registry.transfer.import answers, as the screen sees it (types only). */
export type TransferImportResult = inferRouterOutputs<RegistryRouter>['transfer']['import'];

const REASONS = ['transfer', 'resume', 'repeat-year', 'borrow'] as const;

/**
 * `<licheng-transfer-package>` — the registry's 轉學資料包 section: download one student's
 * transfer package (轉出), and check or import another school's (轉入) with a row per record,
 * imported or skipped and why. Buttons that cannot act yet say why beside them; after each
 * action focus lands on its outcome.
 *
 * @event licheng-transfer-imported - A package was imported; `detail` is the answer.
 * @event licheng-token-expired - The token has expired.
 */
export class TransferPackage extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      .table-wrap {
        overflow-x: auto;
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    studentNo: { state: true },
    reason: { state: true },
    file: { state: true },
    fileError: { state: true },
    newStudentNo: { state: true },
    busy: { state: true },
    progress: { state: true },
    failure: { state: true },
    done: { state: true },
    result: { state: true },
  };

  declare studentNo: string;
  declare reason: (typeof REASONS)[number];
  declare file: File | null;
  /** Why the chosen file cannot be sent (too large, not a ZIP), from `<licheng-file-field>`. */
  declare fileError: string;
  declare newStudentNo: string;
  declare busy: boolean;
  /** Upload progress of the package, 0–100. */
  declare progress: number;
  declare failure: string;
  declare done: string;
  declare result: TransferImportResult | null;

  constructor() {
    super();
    this.studentNo = '';
    this.reason = 'transfer';
    this.file = null;
    this.fileError = '';
    this.newStudentNo = '';
    this.busy = false;
    this.progress = 0;
    this.failure = '';
    this.done = '';
    this.result = null;
  }

  async #export(event: Event) {
    event.preventDefault();
    const L = this.locale;
    this.failure = '';
    this.done = '';
    const mark = focusMark();
    const no = this.studentNo.trim();
    try {
      if (!no) throw new Error(tt('export.required', {}, L));
      const name = await downloadFile(this.api, `/api/registry/transfer/${encodeURIComponent(no)}?reason=${this.reason}`, `transfer-${no}.zip`);
      this.done = tt('export.done', { name }, L);
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
    await focusOutcome(this, this.failure ? '#transfer-failure' : '#transfer-done', { since: mark });
  }

  async #import(dryRun: boolean) {
    if (!this.file || this.fileError || this.busy) return;
    this.failure = '';
    this.done = '';
    this.result = null;
    this.busy = true;
    this.progress = 0;
    // The package goes as the raw body of POST /api/registry/transfer, which the server streams to
    // disk and checks in its worker: a package of hundreds of MB never sits in a request's memory.
    const query = new URLSearchParams({ dryRun: String(dryRun) });
    if (this.newStudentNo.trim()) query.set('studentNo', this.newStudentNo.trim());
    const mark = focusMark();
    try {
      this.result = await this.api.postFile<TransferImportResult>(`/api/registry/transfer?${query}`, this.file, {
        onProgress: ({ loaded, total }) => (this.progress = total ? (loaded / total) * 100 : 0),
      });
      if (!dryRun) this.emit('licheng-transfer-imported', this.result);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#transfer-failure' : '#transfer-result-heading', { since: mark });
  }

  #resultView(r: TransferImportResult) {
    const L = this.locale;
    const params = { school: `${r.fromSchool.name}（${r.fromSchool.code}）`, name: r.student.name, studentNo: r.student.studentNo, imported: r.imported, skipped: r.skipped, files: r.files };
    return html`<section aria-labelledby="transfer-result-heading">
      ${heading(4, tt(r.dryRun ? 'result.checked' : 'result.imported', params, L), 'transfer-result-heading')}
      ${!r.dryRun && r.student.created ? html`<p>${tt('result.created', {}, L)}</p>` : nothing}
      <div class="table-wrap">
        <table>
          <caption>${tt('result.caption', {}, L)}</caption>
          <thead>
            <tr>
              <th scope="col">${tt('col.origin', {}, L)}</th>
              <th scope="col">${tt('col.kind', {}, L)}</th>
              <th scope="col">${tt('col.term', {}, L)}</th>
              <th scope="col">${tt('col.summary', {}, L)}</th>
              <th scope="col">${tt('col.status', {}, L)}</th>
              <th scope="col">${tt('col.outcome', {}, L)}</th>
            </tr>
          </thead>
          <tbody>
            ${r.rows.map(
              (row) => html`<tr>
                <td>${row.origin.schoolCode} / ${row.origin.recordId}</td>
                <td>${row.kind}</td>
                <td>${tt('term', { year: row.academicYear, semester: row.semester }, L)}</td>
                <td>${row.summary}</td>
                <td>${ttAny(`status.${row.status}`, {}, L)}</td>
                <td>${ttAny(`outcome.${row.outcome}`, {}, L)}${row.reason ? html`：${ttAny(`reason.${row.reason}`, {}, L)}` : nothing}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  override render() {
    const L = this.locale;
    const noFile = !this.file;
    const blocked = noFile || !!this.fileError;
    return html`<section aria-labelledby="transfer-heading">
      ${heading(2, tt('heading', {}, L), 'transfer-heading')}
      <p class="muted">${tt('intro', {}, L)}</p>
      ${heading(3, tt('export.heading', {}, L), 'transfer-export-heading')}
      <form novalidate @submit=${this.#export}>
        <div class="row">
          <div class="field">
            <label for="transfer-student">${tt('export.student-no', {}, L)}</label>
            <input id="transfer-student" required .value=${this.studentNo} @input=${(e: Event) => (this.studentNo = (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="transfer-reason">${tt('export.reason', {}, L)}</label>
            <select id="transfer-reason" @change=${(e: Event) => (this.reason = (e.target as HTMLSelectElement).value as (typeof REASONS)[number])}>
              ${REASONS.map((r) => html`<option value=${r} .selected=${this.reason === r}>${ttAny(`reason.${r}`, {}, L)}</option>`)}
            </select>
          </div>
          <button type="submit" class="primary">${tt('export.download', {}, L)}</button>
        </div>
      </form>
      ${heading(3, tt('import.heading', {}, L), 'transfer-import-heading')}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.#import(false))}>
        <div class="row">
          <licheng-file-field
            id="transfer-file"
            .locale=${L}
            label=${tt('import.file', {}, L)}
            accept=".zip,application/zip"
            max-bytes=${TRANSFER_MAX_BYTES}
            ?disabled=${this.busy}
            @licheng-file-change=${(e: CustomEvent<FileChange>) => {
              this.file = e.detail.file;
              this.fileError = e.detail.error;
              this.result = null;
            }}
          ></licheng-file-field>
          <div class="field">
            <label for="transfer-new-student">${tt('import.student-no', {}, L)}</label>
            <input id="transfer-new-student" aria-describedby="transfer-new-student-hint" .value=${this.newStudentNo} @input=${(e: Event) => (this.newStudentNo = (e.target as HTMLInputElement).value)} />
            <p id="transfer-new-student-hint" class="hint">${tt('import.student-no-hint', {}, L)}</p>
          </div>
        </div>
        ${blocked ? html`<p class="hint" id="transfer-choose">${noFile ? tt('import.choose', {}, L) : this.fileError}</p>` : nothing}
        <button type="button" ?disabled=${blocked || this.busy} aria-describedby=${blocked ? 'transfer-choose' : nothing} @click=${() => void this.#import(true)}>${tt('import.check', {}, L)}</button>
        <button type="submit" class="primary" ?disabled=${blocked || this.busy} aria-describedby=${blocked ? 'transfer-choose' : nothing}>${tt('import.run', {}, L)}</button>
        ${this.busy ? html`<licheng-upload-progress .locale=${L} state=${this.progress >= 100 ? 'done' : 'uploading'} .value=${this.progress} .message=${tt('import.checking', {}, L)}></licheng-upload-progress>` : nothing}
      </form>
      ${this.failure ? html`<p id="transfer-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${this.done ? html`<p id="transfer-done" role="status">${this.done}</p>` : nothing}
      ${this.result ? this.#resultView(this.result) : nothing}
    </section>`;
  }
}
