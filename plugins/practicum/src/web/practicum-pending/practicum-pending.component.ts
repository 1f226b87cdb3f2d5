import { css, html, nothing } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, formatDate, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { recordPaths as paths, type RecordList, type RecordListRow } from '../api.ts';
import { t } from '../messages.ts';

const what = (row: RecordListRow) => [row.data.name, row.data.level].filter(Boolean).join(' ');
const who = (row: RecordListRow) => `${row.student.className} ${row.student.name}（${row.student.studentNo}）`;

/**
 * `<licheng-practicum-pending>` — the skill certificates students entered, waiting for the
 * practicum office (待認證): 通過, or 未通過 with the reason the student will read
 * (`practicum.records.decide`). 送出未通過 stays disabled, with the reason said, until a reason is
 * written. After each decision focus lands on the message saying what happened.
 *
 * @event licheng-certificate-decided - A certificate was passed or failed; `detail: { id, decision }`.
 * @event licheng-token-expired - The token has expired.
 */
export class PracticumPending extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host {
        display: block;
      }
      licheng-notice {
        display: block;
        margin-block: 0.5rem 1rem;
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      table {
        width: 100%;
      }
      @media (max-width: 48rem) {
        table,
        caption,
        tbody,
        tr,
        td {
          display: block;
        }
        caption {
          text-align: start;
          margin-block-end: 0.5rem;
        }
        thead {
          position: absolute;
          clip: rect(0 0 0 0);
          width: 1px;
          height: 1px;
          overflow: hidden;
        }
        tr {
          border: 1px solid var(--_border, #ccc);
          border-radius: 0.5rem;
          padding: 0.5rem;
          margin-block-end: 0.75rem;
        }
        td::before {
          content: attr(data-label) '：';
          color: var(--_muted);
        }
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    rows: { state: true },
    failing: { state: true },
    reason: { state: true },
    busy: { state: true },
    note: { state: true },
  };

  declare headingLevel: number;
  declare rows: readonly RecordListRow[] | null;
  /** The record whose failure reason is being written. */
  declare failing: string | null;
  declare reason: string;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };

  constructor() {
    super();
    this.headingLevel = 2;
    this.rows = null;
    this.failing = null;
    this.reason = '';
    this.busy = false;
    this.note = { variant: 'info', text: '' };
  }

  override async load(): Promise<void> {
    try {
      this.rows = (await this.api.query<RecordList>(paths.list, { kind: 'skill-certificate', status: 'pending', pageSize: 200 })).rows;
    } catch (error) {
      this.rows = [];
      this.note = { variant: 'error', text: t('pending.error', { message: errorText(error) }, this.locale) };
    }
  }

  async #decide(row: RecordListRow, decision: 'pass' | 'fail') {
    if (this.busy) return;
    const L = this.locale;
    this.busy = true;
    try {
      await this.api.mutation(paths.decide, { id: row.id, version: row.version, decision, ...(decision === 'fail' ? { reason: this.reason } : {}) });
      this.failing = null;
      this.reason = '';
      this.note = { variant: 'success', text: t(decision === 'pass' ? 'pending.passed' : 'pending.failed-done', { student: who(row), what: what(row) }, L) };
      this.emit('licheng-certificate-decided', { id: row.id, decision });
      await this.load();
    } catch (error) {
      this.note = { variant: 'error', text: t('pending.error', { message: errorText(error) }, L) };
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, '#pending-note');
  }

  async #startFail(row: RecordListRow) {
    this.failing = row.id;
    this.reason = '';
    await focusOutcome(this, `#reason-${row.id}`);
  }

  #row(row: RecordListRow) {
    const L = this.locale;
    const failing = this.failing === row.id;
    const blank = this.reason.trim() === '';
    return html`<tr>
      <td data-label=${t('pending.student', {}, L)}>${who(row)}</td>
      <td data-label=${t('pending.certificate', {}, L)}>${what(row)}${row.summary ? html`<br /><small>${row.summary}</small>` : nothing}</td>
      <td data-label=${t('pending.number', {}, L)}>${row.data.number ?? ''}</td>
      <td data-label=${t('pending.date', {}, L)}>${typeof row.data.date === 'string' ? formatDate(row.data.date, L) : ''}</td>
      <td data-label=${t('pending.actions', {}, L)}>
        ${failing
          ? html`<label for="reason-${row.id}">${t('pending.reason', {}, L)}</label>
              <textarea id="reason-${row.id}" rows="2" maxlength="200" aria-describedby="hint-${row.id}" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
              <p id="hint-${row.id}" class="hint">${t('pending.reason-hint', {}, L)}</p>
              <div class="row-actions">
                <button type="button" ?disabled=${blank || this.busy} aria-describedby="hint-${row.id}" @click=${() => this.#decide(row, 'fail')}>${t('pending.confirm-fail', {}, L)}</button>
                <button type="button" @click=${() => ((this.failing = null), void focusOutcome(this, `#fail-${row.id}`))}>${t('pending.cancel', {}, L)}</button>
              </div>`
          : html`<div class="row-actions">
              <button type="button" class="primary" ?disabled=${this.busy} aria-label="${t('pending.pass', {}, L)}：${who(row)} ${what(row)}" @click=${() => this.#decide(row, 'pass')}>${t('pending.pass', {}, L)}</button>
              <button type="button" id="fail-${row.id}" ?disabled=${this.busy} aria-label="${t('pending.fail', {}, L)}：${who(row)} ${what(row)}" @click=${() => this.#startFail(row)}>${t('pending.fail', {}, L)}</button>
            </div>`}
      </td>
    </tr>`;
  }

  override render() {
    const L = this.locale;
    const rows = this.rows;
    return html`<section aria-labelledby="pending-heading">
      ${heading(this.headingLevel, t('pending.title', {}, L), 'pending-heading')}
      <p>${t('pending.intro', {}, L)}</p>
      <licheng-notice id="pending-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${rows === null
        ? html`<p>${t('import.busy', {}, L)}</p>`
        : rows.length === 0
          ? html`<p>${t('pending.empty', {}, L)}</p>`
          : html`<table>
              <caption>${t('pending.caption', { count: rows.length }, L)}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('pending.student', {}, L)}</th>
                  <th scope="col">${t('pending.certificate', {}, L)}</th>
                  <th scope="col">${t('pending.number', {}, L)}</th>
                  <th scope="col">${t('pending.date', {}, L)}</th>
                  <th scope="col">${t('pending.actions', {}, L)}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((r) => this.#row(r))}
              </tbody>
            </table>`}
    </section>`;
  }
}
