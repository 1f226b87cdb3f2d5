import { css, html, nothing } from 'lit';
import { LichengApiError, type LichengClient } from '@licheng/client';
import { focusMark, focusOutcome, formatDateTime, heading, LichengElement, screenStyles } from '@licheng/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { ReceiptRouter } from '../../server/router.ts';
import { rt } from './reconcile-messages.ts';

export type Reconciliation = inferRouterOutputs<ReceiptRouter>['batches']['reconcile'];
type Roster = Reconciliation['rosters'][number];
const STATUSES = ['arrived', 'missing', 'unexpected', 'differs'] as const;

/**
 * `<licheng-receipt-reconcile>` — on the receipt desk, under the chosen batch: 比對 compares
 * each roster of the receipt with the registry's submission snapshot
 * (`receipt.batches.reconcile`) and lists, per roster, how many students arrived as submitted,
 * were missing, unexpected or different, then each student not arrived as submitted with the
 * differing fields. Focus lands on the result. The desk passes `api` and `batchId`.
 */
export class ReceiptReconcile extends LichengElement {
  static override styles = [
    ...screenStyles,
    css`
      :host {
        display: block;
      }
      .table-wrap {
        overflow-x: auto;
      }
      li {
        overflow-wrap: anywhere;
      }
    `,
  ];
  static override properties = {
    ...LichengElement.properties,
    api: { attribute: false },
    batchId: { attribute: 'batch-id' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    running: { state: true },
    failure: { state: true },
    result: { state: true },
  };

  declare api: LichengClient;
  declare batchId: string;
  declare headingLevel: number;
  declare running: boolean;
  declare failure: string;
  declare result: Reconciliation | null;

  constructor() {
    super();
    this.batchId = '';
    this.headingLevel = 3;
    this.running = false;
    this.failure = '';
    this.result = null;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('batchId') && changed.get('batchId') !== undefined) this.result = null;
  }

  async #run(): Promise<void> {
    if (this.running || !this.batchId) return;
    const mark = focusMark();
    this.running = true;
    this.failure = '';
    try {
      this.result = await this.api.query<Reconciliation>('receipt.batches.reconcile', { batchId: this.batchId });
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    } finally {
      this.running = false;
    }
    await focusOutcome(this, this.failure ? '#reconcile-failure' : '#reconcile-result', { since: mark });
  }

  #roster(r: Roster) {
    const L = this.locale;
    const status = (s: (typeof STATUSES)[number]) => rt(s, {}, L);
    const cells = (c: Record<string, string>) => Object.values(c).filter(Boolean).join('、');
    return html`<li>
      <p>${r.snapshot ? rt('snapshot', { name: r.name, at: formatDateTime(r.snapshot.submittedAt, L), fileName: r.snapshot.fileName, sha: r.snapshot.sha256 }, L) : rt('no-snapshot', { name: r.name }, L)}</p>
      ${r.students.length === 0
        ? html`<p>${rt('all-arrived', {}, L)}</p>`
        : html`<ul>
            ${r.students.map(
              (s) => html`<li data-status=${s.status}>
                ${s.studentId && s.studentNo ? rt('student', { className: s.className, name: s.name, studentNo: s.studentNo, status: status(s.status) }, L) : rt('unknown-student', { status: status(s.status) }, L)}
                ${s.differences.length || s.rowsMissing.length || s.rowsUnexpected.length
                  ? html`<ul>
                      ${s.differences.map((d) => html`<li>${rt('difference', { sheet: d.sheet ? `${d.sheet} ` : '', column: d.column, submitted: d.submitted, received: d.received }, L)}</li>`)}
                      ${s.rowsMissing.map((row) => html`<li>${rt('row-missing', { sheet: row.sheet, cells: cells(row.cells) }, L)}</li>`)}
                      ${s.rowsUnexpected.map((row) => html`<li>${rt('row-unexpected', { sheet: row.sheet, cells: cells(row.cells) }, L)}</li>`)}
                    </ul>`
                  : nothing}
              </li>`,
            )}
          </ul>`}
    </li>`;
  }

  #resultView(result: Reconciliation) {
    const L = this.locale;
    return html`<div id="reconcile-result" tabindex="-1">
      <p role="status">${result.snapshotsAvailable ? rt('done', { rosters: result.rosters.length }, L) : rt('no-registry', {}, L)}</p>
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="reconcile-caption">
        <table>
          <caption id="reconcile-caption">${rt('caption', {}, L)}</caption>
          <thead>
            <tr>
              <th scope="col">${rt('roster', {}, L)}</th>
              ${STATUSES.map((s) => html`<th scope="col">${rt(s, {}, L)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${result.rosters.map((r) => html`<tr><th scope="row">${r.kind ? `${r.kind} ` : ''}${r.name}</th>${STATUSES.map((s) => html`<td>${r.counts[s]}</td>`)}</tr>`)}
          </tbody>
        </table>
      </div>
      <ul class="rosters">
        ${result.rosters.map((r) => this.#roster(r))}
      </ul>
    </div>`;
  }

  override render() {
    const L = this.locale;
    return html`<section aria-labelledby="reconcile-heading" aria-busy=${this.running ? 'true' : 'false'}>
      ${heading(this.headingLevel, rt('heading', {}, L), 'reconcile-heading')}
      <p class="muted">${rt('intro', {}, L)}</p>
      <div class="actions">
        <button type="button" ?disabled=${this.running || !this.batchId} @click=${() => void this.#run()}>${this.running ? rt('running', {}, L) : rt('run', {}, L)}</button>
      </div>
      <licheng-notice id="reconcile-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${this.result ? this.#resultView(this.result) : nothing}
    </section>`;
  }
}
