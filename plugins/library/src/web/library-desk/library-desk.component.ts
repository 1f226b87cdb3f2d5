import { css, html, nothing } from 'lit';
import { downloadFile, errorText, LichengConnectedElement } from '@licheng/client';
import { cardTable, focusOutcome, formatDate, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { officeRecordSource, type RecordDesk, type RecordDeskSource, type RecordKindScreen } from '@licheng/ui/records';
import '@licheng/ui/records';
import { termOfInstant } from '@licheng/core';
import { paths, readingScreen, type KindView, type ReadingRow } from '../api.ts';
import { t } from '../messages.ts';
import '../library-reading/library-reading.ts';

/**
 * `<licheng-library-desk>` — the library's (圖書館) screen. Staff who certify reading records
 * see the records waiting (認證中) with 通過 and 未通過 (a reason is required before 確認未通過
 * is enabled), then the school's reading records with <licheng-record-desk>: add one, import the
 * library's list from Excel, correct and withdraw. A student sees <licheng-library-reading>, their
 * own records. After each decision focus lands on the message saying what happened.
 *
 * @event licheng-reading-certified - A reading record was decided; `detail: { id, decision }`.
 * @event licheng-token-expired - The token has expired.
 */
export class LibraryDesk extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    cardTable,
    css`
      :host { display: block; }
      .reason { display: grid; gap: 0.25rem; margin-top: 0.5rem; }
      .reason textarea { min-height: 3.5rem; }
      td .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      section + section { margin-top: 2rem; }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    kinds: { state: true },
    pending: { state: true },
    failing: { state: true },
    reason: { state: true },
    busy: { state: true },
    note: { state: true },
  };

  declare headingLevel: number;
  declare kinds: KindView[] | null;
  declare pending: ReadingRow[] | null;
  /** The record whose 未通過 reason is being written. */
  declare failing: string | null;
  declare reason: string;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  #source: RecordDeskSource | null = null;

  constructor() {
    super();
    this.headingLevel = 1;
    this.kinds = null;
    this.pending = null;
    this.failing = null;
    this.reason = '';
    this.busy = false;
    this.note = { variant: 'info', text: '' };
  }

  get #staff(): boolean {
    return Boolean(this.kinds?.some((k) => k.mayCertify));
  }

  override async load(): Promise<void> {
    try {
      this.#source = officeRecordSource(this.api, 'library', (path, name) => downloadFile(this.api, path, name));
      this.kinds = await this.api.query<KindView[]>(paths.kinds);
      if (this.#staff) await this.#loadPending();
    } catch (error) {
      this.kinds ??= [];
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    }
  }

  async #loadPending() {
    this.pending = (await this.api.query<{ rows: ReadingRow[] }>(paths.list, { kind: 'reading', status: 'pending', pageSize: 200 })).rows;
  }

  #student(row: ReadingRow) {
    return t('student', { ...row.student }, this.locale);
  }

  async #decide(row: ReadingRow, decision: 'pass' | 'fail') {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.api.mutation(paths.decide, { id: row.id, version: row.version, decision, ...(decision === 'fail' ? { reason: this.reason } : {}) });
      this.failing = null;
      this.reason = '';
      this.emit('licheng-reading-certified', { id: row.id, decision });
      this.note = { variant: 'success', text: t(decision === 'pass' ? 'done.pass' : 'done.fail', { student: this.#student(row), title: String(row.data.title ?? '') }, this.locale) };
      await this.#loadPending();
      await this.renderRoot.querySelector<RecordDesk>('licheng-record-desk')?.load();
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, '#library-note');
  }

  async #openFail(row: ReadingRow) {
    this.failing = row.id;
    this.reason = '';
    await focusOutcome(this, `#reason-${CSS.escape(row.id)}`);
  }

  async #cancelFail(row: ReadingRow) {
    this.failing = null;
    await focusOutcome(this, `#fail-${CSS.escape(row.id)}`);
  }

  #row(row: ReadingRow) {
    const L = this.locale;
    const failing = this.failing === row.id;
    const noReason = this.reason.trim() === '';
    return html`<tr>
      <td data-label=${t('col.student', {}, L)}>${this.#student(row)}</td>
      <td data-label=${t('col.book', {}, L)}>${row.data.title}${row.data.author ? html`<br /><span class="muted">${row.data.author}</span>` : nothing}</td>
      <td data-label=${t('col.date', {}, L)}>${formatDate(String(row.data.date ?? ''), L)}</td>
      <td data-label=${t('col.summary', {}, L)}>${row.summary}</td>
      <td data-label=${t('col.decide', {}, L)}>
        <div class="actions">
          <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#decide(row, 'pass')} aria-label="${t('pass', {}, L)} ${this.#student(row)} ${row.data.title}">${t('pass', {}, L)}</button>
          <button type="button" id="fail-${row.id}" aria-expanded=${failing ? 'true' : 'false'} ?disabled=${this.busy} @click=${() => this.#openFail(row)} aria-label="${t('fail', {}, L)} ${this.#student(row)} ${row.data.title}">${t('fail', {}, L)}</button>
        </div>
        ${failing
          ? html`<div class="reason">
              <label for="reason-${row.id}">${t('fail.reason', {}, L)}</label>
              <textarea id="reason-${row.id}" maxlength="200" aria-describedby="reason-hint-${row.id}" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
              <p class="hint" id="reason-hint-${row.id}">${noReason ? t('fail.needs-reason', {}, L) : ''}</p>
              <div class="actions">
                <button type="button" ?disabled=${noReason || this.busy} @click=${() => this.#decide(row, 'fail')}>${t('fail.confirm', {}, L)}</button>
                <button type="button" @click=${() => this.#cancelFail(row)}>${t('fail.cancel', {}, L)}</button>
              </div>
            </div>`
          : nothing}
      </td>
    </tr>`;
  }

  #queue(level: number) {
    const L = this.locale;
    const rows = this.pending;
    return html`<section aria-labelledby="queue-heading">
      ${heading(level, t('queue.heading', {}, L), 'queue-heading')}
      ${rows === null
        ? html`<p>${t('loading', {}, L)}</p>`
        : rows.length === 0
          ? html`<p>${t('queue.empty', {}, L)}</p>`
          : html`<p>${t('queue.count', { count: rows.length }, L)}</p>
              <table class="cards" aria-labelledby="queue-heading">
                <thead>
                  <tr>
                    <th scope="col">${t('col.student', {}, L)}</th>
                    <th scope="col">${t('col.book', {}, L)}</th>
                    <th scope="col">${t('col.date', {}, L)}</th>
                    <th scope="col">${t('col.summary', {}, L)}</th>
                    <th scope="col">${t('col.decide', {}, L)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map((row) => this.#row(row))}
                </tbody>
              </table>`}
    </section>`;
  }

  override render() {
    const L = this.locale;
    const h = this.headingLevel;
    const reading = this.kinds?.find((k) => k.id === 'reading');
    if (this.kinds !== null && !this.#staff && reading?.mayEnter) {
      return html`<licheng-library-reading .locale=${L} heading-level=${h} .token=${this.token} .tokenProvider=${this.tokenProvider} api-base=${this.apiBase}></licheng-library-reading>`;
    }
    // One template around the heading while the desk loads and after: the heading the portal
    // focuses on arrival stays the same element.
    return html`${heading(h, t('title', {}, L))}${this.#body(reading)}`;
  }

  #body(reading: KindView | undefined) {
    const L = this.locale;
    const h = this.headingLevel;
    const note = html`<licheng-notice id="library-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>`;
    if (this.kinds === null) return html`<p>${t('loading', {}, L)}</p>`;
    if (!this.#staff) return html`${note}<p>${t('no-access', {}, L)}</p>`;
    const { academicYear, semester } = termOfInstant(new Date())!;
    const screens: RecordKindScreen[] = reading ? [readingScreen(reading)] : [];
    return html`${note} ${this.#queue(h + 1)}
      <section>
        <licheng-record-desk .locale=${L} heading-level=${h + 1} default-year=${academicYear} default-semester=${semester} .kinds=${screens} .source=${this.#source} @licheng-record-changed=${() => this.#loadPending()}></licheng-record-desk>
      </section>`;
  }
}
