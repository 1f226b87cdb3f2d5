import { html, nothing } from 'lit';
import { downloadFile, LichengApiError, type LichengClient } from '@licheng/client';
import { roleLabels, type Role } from '@licheng/core';
import { focusMark, focusOutcome, formatDateTime, LichengElement, type Dialog } from '@licheng/ui';
import { paths, type RosterChanges, type RosterExport, type RosterFinding, type RosterListEntry, type RosterSnapshot, type RosterValidation } from '../api.ts';
import { st } from './submission-messages.ts';

type Batch = RosterListEntry['batches'][number];
type Busy = '' | 'validate' | 'export' | 'submit' | 'changes';

/**
 * `<licheng-roster-submission>` — one roster (and batch) of the 名冊提交 screen: 檢查 (the
 * validation, grouped by the office that fixes each finding), 產生名冊 (the export, downloaded;
 * the `(缺)` workbook offered separately), 標記為已提交 (a confirmed, immutable snapshot of the
 * export just built), its submission history with SHA-256 and 與上次提交的差異 (with each record
 * corrected after a receipt issue that waits for resubmission, by student). After each
 * action focus lands on its outcome. Used by `<licheng-roster-export>`, which passes `api`.
 */
export class RosterSubmission extends LichengElement {
  static override properties = {
    ...LichengElement.properties,
    api: { attribute: false },
    entry: { attribute: false },
    batch: { attribute: false },
    academicYear: { type: Number, attribute: 'academic-year' },
    semester: { type: Number },
    busy: { state: true },
    failure: { state: true },
    validation: { state: true },
    exported: { state: true },
    submitted: { state: true },
    snapshots: { state: true },
    changes: { state: true },
  };

  declare api: LichengClient;
  declare entry: RosterListEntry;
  declare batch: Batch;
  declare academicYear: number;
  declare semester: 1 | 2;
  declare busy: Busy;
  declare failure: string;
  declare validation: RosterValidation | null;
  declare exported: RosterExport | null;
  declare submitted: RosterSnapshot | null;
  declare snapshots: RosterSnapshot[] | null;
  declare changes: RosterChanges | null;

  constructor() {
    super();
    this.busy = '';
    this.failure = '';
    this.validation = null;
    this.exported = null;
    this.submitted = null;
    this.snapshots = null;
    this.changes = null;
  }

  override createRenderRoot() {
    return this; // the screen's styles apply: a card is part of its list
  }

  get #key(): string {
    return `${this.entry.roster}-${this.batch.batch}`;
  }

  get #request() {
    return { academicYear: this.academicYear, semester: this.semester, roster: this.entry.roster, batch: this.batch.batch };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadHistory();
  }

  async #loadHistory(): Promise<void> {
    if (!this.api || this.batch.disabled) return;
    try {
      const { snapshots } = await this.api.query<{ snapshots: RosterSnapshot[] }>(paths.rosterSnapshots, { academicYear: this.academicYear, roster: this.entry.roster, batch: this.batch.batch });
      this.snapshots = snapshots;
    } catch {
      this.snapshots = [];
    }
  }

  /** Runs one action: the busy state shows progress, a refusal shows as the failure; focus lands on `target` (or the failure). */
  async #run(busy: Busy, target: string, action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    const mark = focusMark();
    this.busy = busy;
    this.failure = '';
    try {
      await action();
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    } finally {
      this.busy = '';
    }
    await focusOutcome(this, this.failure ? `#${this.#key}-failure` : `#${this.#key}-${target}`, { since: mark });
  }

  #validate = () =>
    this.#run('validate', 'validation', async () => {
      this.validation = await this.api.query<RosterValidation>(paths.rosterValidate, this.#request);
    });

  #export = () =>
    this.#run('export', 'exported', async () => {
      this.submitted = null;
      this.exported = await this.api.mutation<RosterExport>(paths.exportRoster, this.#request);
      if (this.exported.rowCount > 0) await downloadFile(this.api, this.exported.downloadUrl, this.exported.fileName);
    });

  #submit = async () => {
    const exported = this.exported;
    if (!exported || this.busy) return;
    const dialog = this.querySelector<Dialog>(`#${this.#key}-confirm`)!;
    if (!(await dialog.show())) return;
    await this.#run('submit', 'submitted', async () => {
      this.submitted = await this.api.mutation<RosterSnapshot>(paths.rosterSubmit, { exportId: exported.fileId });
      this.exported = null;
      await this.#loadHistory();
    });
  };

  #changes = () =>
    this.#run('changes', 'changes', async () => {
      this.changes = await this.api.query<RosterChanges>(paths.rosterChanges, this.#request);
    });

  #download(file: { downloadUrl: string; fileName: string }) {
    downloadFile(this.api, file.downloadUrl, file.fileName).catch((e: unknown) => (this.failure = e instanceof Error ? e.message : String(e)));
  }

  #findings(v: RosterValidation) {
    const L = this.locale;
    const groups = new Map<Role, RosterFinding[]>();
    for (const f of v.findings) groups.set(f.office as Role, [...(groups.get(f.office as Role) ?? []), f]);
    const office = (role: Role) => roleLabels[role]?.[L] ?? role;
    const message = v.findings.length ? st('validate-found', { rowCount: v.rowCount, count: v.findings.length, reviewCount: v.reviewCount }, L) : st('validate-ok', { rowCount: v.rowCount }, L);
    return html`<div id="${this.#key}-validation" tabindex="-1" class="outcome" role="group" aria-label=${st('validation-label', {}, L)}>
      <licheng-notice .locale=${L} variant=${v.findings.length ? 'warning' : 'success'} .message=${message}></licheng-notice>
      ${v.planChecked || v.rowCount + v.reviewCount === 0 ? nothing : html`<p class="hint">${st('plan-unchecked', {}, L)}</p>`}
      ${[...groups].map(
        ([role, list]) => html`<section class="office" aria-label=${st('office-group', { office: office(role), count: list.length }, L)}>
          <h4>${st('office-group', { office: office(role), count: list.length }, L)}</h4>
          <ul>
            ${list.map(
              (f) => html`<li data-record=${f.target.recordId ?? ''} data-student=${f.target.studentId ?? ''}>
                ${f.student ? html`<strong>${st('finding-student', { className: f.student.className, name: f.student.name, studentNo: f.student.studentNo }, L)}</strong>` : nothing}
                ${f.reason}
                <span class="hint">${st('finding-sheet', { sheet: f.sheet }, L)}；${st('finding-target', { office: office(f.target.office as Role) }, L)}</span>
              </li>`,
            )}
          </ul>
        </section>`,
      )}
    </div>`;
  }

  #exportedOutcome(e: RosterExport) {
    const L = this.locale;
    const empty = e.rowCount === 0;
    return html`<div id="${this.#key}-exported" tabindex="-1" class="outcome" role="group" aria-label=${st('exported-label', {}, L)}>
      <licheng-notice .locale=${L} variant=${empty ? 'warning' : 'success'} .message=${st(empty ? 'exported-empty' : 'exported', { fileName: e.fileName, rowCount: e.rowCount }, L)}>
        <button type="button" class="link" @click=${() => this.#download(e)}>${st('download-again', {}, L)}</button>
      </licheng-notice>
      ${e.review
        ? html`<licheng-notice .locale=${L} variant="warning" .message=${st('review', { rowCount: e.review.rowCount, fileName: e.review.fileName }, L)}>
            <button type="button" class="link" @click=${() => this.#download(e.review!)}>${st('review-download', {}, L)}</button>
          </licheng-notice>`
        : nothing}
    </div>`;
  }

  #changesOutcome(c: RosterChanges) {
    const L = this.locale;
    const at = c.snapshot ? formatDateTime(c.snapshot.submittedAt, L) : '';
    const summary = !c.snapshot
      ? st('changes-none-snapshot', { count: c.added.length }, L)
      : c.added.length + c.removed.length + c.changed.length === 0
        ? st('changes-same', { at }, L)
        : st('changes-summary', { at, added: c.added.length, removed: c.removed.length, changed: c.changed.length }, L);
    const change = (kind: 'added' | 'removed' | 'changed') => st(`change-${kind}`, {}, L);
    return html`<div id="${this.#key}-changes" tabindex="-1" class="outcome" role="group" aria-label=${st('changes-label', {}, L)}>
      <p>${summary}</p>
      ${c.pendingCorrections.length
        ? html`<p id="${this.#key}-corrections">${st('pending-corrections', { count: c.pendingCorrections.length }, L)}</p>
            <ul aria-labelledby="${this.#key}-corrections">
              ${c.pendingCorrections.map((p) => html`<li>${this.#correction(p)}</li>`)}
            </ul>`
        : nothing}
      ${c.snapshot && c.added.length ? html`<h4>${st('changes-added', {}, L)}</h4><ul>${c.added.map((s) => html`<li>${s.nationalId}</li>`)}</ul>` : nothing}
      ${c.removed.length ? html`<h4>${st('changes-removed', {}, L)}</h4><ul>${c.removed.map((s) => html`<li>${s.nationalId}</li>`)}</ul>` : nothing}
      ${c.changed.map(
        (s) => html`<h4>${s.nationalId}</h4>
          <ul>
            ${s.rows.map(
              (r) => html`<li>
                ${st('changes-row', { sheet: r.sheet, change: change(r.change) }, L)}
                ${r.columns.length ? html`<ul>${r.columns.map((col) => html`<li>${st('change-column', col, L)}</li>`)}</ul>` : html`（${r.cells['成果簡述'] ?? Object.values(r.cells).slice(2).join('、')}）`}
              </li>`,
            )}
          </ul>`,
      )}
    </div>`;
  }

  /** One correction waiting for resubmission: whose, which roster, who corrected it and when. */
  #correction(p: RosterChanges['pendingCorrections'][number]) {
    const L = this.locale;
    const who = p.student ? st('correction-student', { className: p.student.className, seatNo: p.student.seatNo ?? '', name: p.student.name, studentNo: p.student.studentNo }, L) : st('correction-unknown-student', {}, L);
    return st('pending-correction', { student: who, roster: p.rosterName, name: p.correctedByName, at: formatDateTime(p.correctedAt, L) }, L);
  }

  #history() {
    const L = this.locale;
    const list = this.snapshots;
    if (list === null) return nothing;
    return html`<details class="history">
      <summary>${st('history', {}, L)}（${list.length}）</summary>
      ${list.length === 0
        ? html`<p class="hint">${st('history-empty', {}, L)}</p>`
        : html`<ol>
            ${list.map(
              (s) => html`<li>
                ${st('history-row', { at: formatDateTime(s.submittedAt, L), name: s.submittedByName, fileName: s.fileName, rowCount: s.rowCount }, L)}
                <code class="sha">${st('sha', { sha: s.sha256 }, L)}</code>
              </li>`,
            )}
          </ol>`}
    </details>`;
  }

  override render() {
    const L = this.locale;
    const key = this.#key;
    const b = this.batch;
    const batch = b.batch === 'regular' ? '' : st(b.batch === 'grade12-first' ? 'batch-grade12-first' : 'batch-grade12-second', {}, L);
    const label = `${b.kind ?? st('kind-unset', {}, L)} ${this.entry.label}${batch ? `（${batch}）` : ''}`;
    const disabledReason = b.disabled ?? '';
    const exportReason = disabledReason || b.refusal || '';
    const submitReason = exportReason || (this.exported ? '' : st('submit-needs-export', {}, L));
    const busy = this.busy !== '';
    const described = (reason: string, id: string) => (reason ? id : nothing);
    return html`<article class="roster" aria-labelledby="${key}-label" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="${key}-label">${label}</h3>
      ${disabledReason ? html`<p id="${key}-disabled" class="hint">${disabledReason}</p>` : nothing}
      ${!disabledReason && b.refusal ? html`<p id="${key}-refusal" class="hint">${b.refusal}</p>` : nothing}
      <div class="actions">
        <button type="button" data-action="validate" ?disabled=${busy || !!disabledReason} aria-describedby=${described(disabledReason, `${key}-disabled`)} @click=${this.#validate}>
          ${this.busy === 'validate' ? st('validating', {}, L) : st('validate', {}, L)}
        </button>
        <button type="button" data-action="export" class="primary" ?disabled=${busy || !!exportReason} aria-describedby=${described(exportReason, disabledReason ? `${key}-disabled` : `${key}-refusal`)} @click=${this.#export}>
          ${this.busy === 'export' ? st('exporting', {}, L) : st('export', {}, L)}
        </button>
        <button type="button" data-action="submit" ?disabled=${busy || !!submitReason} aria-describedby="${key}-submit-reason" @click=${this.#submit}>${st('submit', {}, L)}</button>
        <button type="button" data-action="changes" ?disabled=${busy || !!disabledReason} @click=${this.#changes}>
          ${this.busy === 'changes' ? st('changes-loading', {}, L) : st('changes', {}, L)}
        </button>
      </div>
      <p id="${key}-submit-reason" class="hint" ?hidden=${!submitReason || !!exportReason}>${submitReason && !exportReason ? submitReason : ''}</p>
      <div role="status" class="progress">${busy ? st(this.busy === 'validate' ? 'validating' : this.busy === 'changes' ? 'changes-loading' : 'exporting', {}, L) : ''}</div>
      <licheng-notice id="${key}-failure" tabindex="-1" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${this.validation ? this.#findings(this.validation) : nothing}
      ${this.exported ? this.#exportedOutcome(this.exported) : nothing}
      ${this.submitted
        ? html`<licheng-notice id="${key}-submitted" tabindex="-1" variant="success" .locale=${L}
            .message=${st('submitted', { fileName: this.submitted.fileName, studentCount: this.submitted.studentCount, rowCount: this.submitted.rowCount, at: formatDateTime(this.submitted.submittedAt, L) }, L)}></licheng-notice>`
        : nothing}
      ${this.changes ? this.#changesOutcome(this.changes) : nothing}
      ${this.#history()}
      <licheng-dialog id="${key}-confirm" .locale=${L} heading=${st('submit-heading', {}, L)} confirm-label=${st('submit-confirm', {}, L)}>
        <p>${this.exported ? st('submit-body', { fileName: this.exported.fileName, rowCount: this.exported.rowCount }, L) : ''}</p>
      </licheng-dialog>
    </article>`;
  }
}
