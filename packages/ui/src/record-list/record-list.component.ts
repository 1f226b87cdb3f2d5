import { html, nothing } from 'lit';
import { readFreeText } from '@licheng/core';
import { LichengElement } from '../base/licheng-element.ts';
import { heading } from '../base/heading.ts';
import type { Dialog } from '../dialog/dialog.component.ts';
import { t } from '../i18n/messages.ts';
import { cardTable, cardTableSideLabels } from '../styles/card-table.styles.ts';
import { screenStyles } from '../styles/tokens.styles.ts';
import { rt } from '../record-fields/messages.ts';
import { displayValue, fileSlotsOf, summaryLabelOf, localized, RECORD_LIST_STATUSES, recordTitle, type RecordKindScreen, type RecordListStatus, type RecordRow } from '../record-fields/record-fields.ts';
import { recordListStyles } from './record-list.styles.ts';
import '../dialog/dialog.ts';
import '../status-badge/status-badge.ts';

/** The list's filters; '' is 全部. */
export interface RecordFilter {
  academicYear: string;
  semester: string;
  className: string;
  status: RecordListStatus | '';
}

export interface RecordWithdrawal {
  record: RecordRow;
  reason: string;
}

/** What the reason dialog asks for: withdrawing a record (撤銷) or taking a decision back (撤回決定). */
type ReasonAction = 'withdraw' | 'reopen';

const NO_FILTER: RecordFilter = { academicYear: '', semester: '', className: '', status: '' };
const WITHDRAW_MAX = 200;

/**
 * `<licheng-record-list>` — records of one or more kinds, a table per kind whose columns are
 * the kind's fields (民國 dates, code labels, numbers with units), with the student, the term
 * and the certification status. Filters by academic year, semester, class and status (on the
 * records given; `licheng-record-filter` tells a host that loads by filter). At narrow widths
 * each record becomes a card with its column names.
 *
 * Row actions (`actions`): 更正 emits `licheng-record-correct`; 撤銷 asks for a reason in a
 * dialog that says what withdrawing changes, then emits `licheng-record-withdraw`; 撤回決定, on
 * a record the user certified (`reopenable`), asks the same way and emits `licheng-record-reopen`. Records in
 * `highlight` are marked 剛新增 / 剛更正 and can take focus (`focusRecord(id)`). With nothing
 * to show, the list says so and offers the next step (clear the filters, or add the first).
 *
 * @event licheng-record-filter - The filters changed; `detail: RecordFilter`.
 * @event licheng-record-correct - 更正 was chosen; `detail: { record }`.
 * @event licheng-record-withdraw - A withdrawal was confirmed; `detail: { record, reason }`.
 * @event licheng-record-reopen - Taking a decision back was confirmed; `detail: { record, reason }`.
 * @event licheng-record-add - The empty list's 新增第一筆紀錄 was chosen.
 * @csspart table - Each kind's table.
 */
export class RecordList extends LichengElement {
  static override styles = [...screenStyles, cardTable, cardTableSideLabels, recordListStyles];
  static override properties = {
    kinds: { attribute: false },
    records: { attribute: false },
    highlight: { attribute: false },
    actions: { type: Boolean },
    canAdd: { type: Boolean, attribute: 'can-add' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    filter: { state: true },
    asking: { state: true },
    reason: { state: true },
    reasonError: { state: true },
  };

  /** The kinds whose records are listed (a table each, in this order). */
  declare kinds: readonly RecordKindScreen[];
  declare records: readonly RecordRow[];
  /** Records just added or corrected: marked in words and focusable. */
  declare highlight: Readonly<Record<string, 'added' | 'changed'>>;
  /** Show 更正 and 撤銷 on each row. */
  declare actions: boolean;
  /** The empty list offers 新增第一筆紀錄 (licheng-record-add). */
  declare canAdd: boolean;
  /** Level of each kind's heading when several kinds are listed. */
  declare headingLevel: number;
  declare filter: RecordFilter;
  /** The record the reason dialog is about, and what it asks for. */
  declare asking: { record: RecordRow; action: ReasonAction } | null;
  declare reason: string;
  declare reasonError: string;

  constructor() {
    super();
    this.kinds = [];
    this.records = [];
    this.highlight = {};
    this.actions = false;
    this.canAdd = false;
    this.headingLevel = 3;
    this.filter = NO_FILTER;
    this.asking = null;
    this.reason = '';
    this.reasonError = '';
  }

  /** Moves focus to a record's row (after an action); false when it is not shown. */
  async focusRecord(id: string): Promise<boolean> {
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"]`);
    row?.focus();
    return Boolean(row);
  }

  /** Clears the filters (so a record just saved is not hidden by them). */
  clearFilters(): void {
    this.#setFilter(NO_FILTER);
  }

  #setFilter(filter: RecordFilter) {
    this.filter = filter;
    this.emit<RecordFilter>('licheng-record-filter', filter);
  }

  #shown(): RecordRow[] {
    const f = this.filter;
    return this.records.filter(
      (r) =>
        (!f.academicYear || String(r.academicYear) === f.academicYear) &&
        (!f.semester || String(r.semester) === f.semester) &&
        (!f.className || (r.student?.className ?? '') === f.className) &&
        (!f.status || r.status === f.status),
    );
  }

  async #ask(record: RecordRow, action: ReasonAction) {
    this.asking = { record, action };
    this.reason = '';
    this.reasonError = '';
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<Dialog>('licheng-dialog')!;
    const confirmed = await dialog.show();
    const reason = this.reason.trim();
    this.asking = null;
    if (confirmed) this.emit<RecordWithdrawal>(action === 'withdraw' ? 'licheng-record-withdraw' : 'licheng-record-reopen', { record, reason });
  }

  #confirm(event: Event) {
    const action = this.asking?.action ?? 'withdraw';
    const read = readFreeText(this.reason, { multiline: true, max: WITHDRAW_MAX });
    if (read.ok) return;
    event.preventDefault();
    this.reasonError = rt(read.problem === 'too-long' ? 'error.too-long' : `${action}.reason-required`, { field: rt(`${action}.reason`, {}, this.locale), max: WITHDRAW_MAX, length: read.params.length ?? '' }, this.locale);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#reason')?.focus());
  }

  #filters() {
    const L = this.locale;
    const f = this.filter;
    const years = [...new Set(this.records.map((r) => r.academicYear))].sort((a, b) => b - a);
    const classes = [...new Set(this.records.map((r) => r.student?.className).filter((c): c is string => Boolean(c)))].sort();
    const select = (id: keyof RecordFilter, label: string, options: Array<{ value: string; label: string }>) => html`<div class="field">
      <label for="filter-${id}">${label}</label>
      <select id="filter-${id}" @change=${(e: Event) => this.#setFilter({ ...this.filter, [id]: (e.target as HTMLSelectElement).value })}>
        <option value="" .selected=${f[id] === ''}>${rt('list.all', {}, L)}</option>
        ${options.map((o) => html`<option value=${o.value} .selected=${f[id] === o.value}>${o.label}</option>`)}
      </select>
    </div>`;
    return html`<div class="filters" role="group" aria-label=${rt('list.filters', {}, L)}>
      ${select('academicYear', rt('list.year', {}, L), years.map((y) => ({ value: String(y), label: String(y) })))}
      ${select('semester', rt('list.semester', {}, L), ['1', '2'].map((s) => ({ value: s, label: rt(`form.semester-${s}` as 'form.semester-1', {}, L) })))}
      ${classes.length ? select('className', rt('list.class', {}, L), classes.map((c) => ({ value: c, label: c }))) : nothing}
      ${select('status', rt('list.status', {}, L), RECORD_LIST_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`, {}, L) })))}
    </div>`;
  }

  #empty() {
    const L = this.locale;
    const filtered = Object.values(this.filter).some(Boolean);
    return html`<div class="empty" id="empty">
      <p>${rt(filtered ? 'list.empty-filtered' : 'list.empty', {}, L)}</p>
      ${filtered
        ? html`<button type="button" @click=${() => this.clearFilters()}>${rt('list.clear-filters', {}, L)}</button>`
        : this.canAdd
          ? html`<button type="button" class="primary" @click=${() => this.emit('licheng-record-add')}>${rt('list.add-first', {}, L)}</button>`
          : nothing}
    </div>`;
  }

  #table(kind: RecordKindScreen, rows: RecordRow[], several: boolean) {
    const L = this.locale;
    const name = localized(kind.label, L);
    const withStudent = rows.some((r) => r.student);
    const fields = kind.fields.filter((f) => !(f.type === 'text' && f.multiline));
    const marked = rows.filter((r) => this.highlight[r.id]).length;
    const slots = fileSlotsOf(kind);
    const withFiles = slots.document || slots.media || slots.videoLink;
    const columns = [
      ...(withStudent ? [rt('list.student', {}, L)] : []),
      rt('list.term', {}, L),
      ...fields.map((f) => localized(f.label, L)),
      ...(kind.summary ? [summaryLabelOf(kind, L)] : []),
      ...(withFiles ? [rt('list.files', {}, L)] : []),
      rt('list.status', {}, L),
      ...(this.actions ? [rt('list.actions', {}, L)] : []),
    ];
    return html`<section class="kind" aria-labelledby=${several ? `kind-${kind.id}` : nothing}>
      ${several ? heading(this.headingLevel, name, `kind-${kind.id}`) : nothing}
      <!-- A labelled tab stop: a wide table scrolls sideways by keyboard too, even with no buttons in its rows. -->
      <div class="table-wrap" role="region" tabindex="0" aria-label=${rt('list.caption', { kind: name, count: rows.length }, L)}>
        <table part="table" class="cards" role="table">
          <caption>${rt('list.caption', { kind: name, count: rows.length }, L)}${marked ? rt('list.caption-new', { count: marked }, L) : nothing}</caption>
          <thead role="rowgroup">
            <tr role="row">
              ${columns.map((c) => html`<th role="columnheader" scope="col">${c}</th>`)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${rows.map((r) => {
              const mark = this.highlight[r.id];
              const what = recordTitle(kind, r, L);
              let i = 0;
              const label = () => columns[i++]!;
              return html`<tr role="row" data-id=${r.id} class=${mark ?? nothing} tabindex=${mark ? '-1' : nothing} aria-describedby=${mark ? `mark-${r.id}` : nothing}>
                ${withStudent
                  ? html`<td role="cell" class="card-title" data-column=${label()}>
                      ${r.student ? html`${r.student.name}<span class="muted"> ${[r.student.className, r.student.studentNo].filter(Boolean).join(' ')}</span>` : nothing}
                      ${mark ? html` <span class="new-mark" id="mark-${r.id}">${rt(mark === 'added' ? 'list.new' : 'list.changed', {}, L)}</span>` : nothing}
                    </td>`
                  : nothing}
                <td role="cell" data-label=${label()} class="nowrap">
                  ${rt('list.term-value', { year: r.academicYear, semester: r.semester }, L)}
                  ${!withStudent && mark ? html` <span class="new-mark" id="mark-${r.id}">${rt(mark === 'added' ? 'list.new' : 'list.changed', {}, L)}</span>` : nothing}
                </td>
                ${fields.map((f) => {
                  const value = displayValue(f, r.data[f.key], L);
                  const cls = [f.type === 'date' || f.type === 'integer' || f.type === 'decimal' ? 'nowrap' : '', value ? '' : 'blank'].filter(Boolean).join(' ');
                  return html`<td role="cell" data-label=${label()} class=${cls || nothing}>${value}</td>`;
                })}
                ${kind.summary ? html`<td role="cell" data-label=${label()} class=${r.summary ? 'summary' : 'summary blank'}>${r.summary ?? ''}</td>` : nothing}
                ${withFiles ? html`<td role="cell" data-label=${label()}>${this.#files(r, what)}</td>` : nothing}
                <td role="cell" data-label=${label()}><licheng-status-badge .locale=${L} status=${r.status}></licheng-status-badge></td>
                ${this.actions
                  ? html`<td role="cell" class="row-actions" data-column=${label()}>
                      ${r.correctable !== 'no'
                        ? html`<button type="button" class="link" aria-label=${rt('list.correct-label', { what }, L)} @click=${() => this.emit('licheng-record-correct', { record: r })}>${rt('list.correct', {}, L)}</button>`
                        : nothing}
                      ${r.reopenable
                        ? html`<button type="button" class="link" aria-label=${rt('list.reopen-label', { what }, L)} @click=${() => this.#ask(r, 'reopen')}>${rt('list.reopen', {}, L)}</button>`
                        : nothing}
                      ${r.withdrawable !== false
                        ? html`<button type="button" class="link danger-link" aria-label=${rt('list.withdraw-label', { what }, L)} @click=${() => this.#ask(r, 'withdraw')}>${rt('list.withdraw', {}, L)}</button>`
                        : nothing}
                    </td>`
                  : nothing}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  /** Which files a record has: 文件, 影音, and its video link (opening in a new window). */
  #files(r: RecordRow, what: string) {
    const L = this.locale;
    const parts = [r.documentFileId ? rt('list.file-document', {}, L) : '', r.mediaFileId ? rt('list.file-media', {}, L) : ''].filter(Boolean);
    const link = r.videoUrl
      ? html`<a href=${r.videoUrl} target="_blank" rel="noopener noreferrer" aria-label=${rt('list.file-link-label', { what }, L)}>${rt('list.file-link', {}, L)}</a>`
      : nothing;
    if (!parts.length && !r.videoUrl) return html`<span class="muted">${rt('list.file-none', {}, L)}</span>`;
    return html`${parts.join('、')}${parts.length && r.videoUrl ? '、' : ''}${link}`;
  }

  #dialog() {
    const L = this.locale;
    const r = this.asking?.record ?? null;
    const action = this.asking?.action ?? 'withdraw';
    const kind = r ? this.kinds.find((k) => k.id === r.kind) : undefined;
    const what = r ? recordTitle(kind, r, L) : '';
    return html`<licheng-dialog
      .locale=${L}
      heading=${rt(`${action}.heading`, { kind: localized(kind?.label, L) }, L)}
      confirm-label=${rt(`${action}.confirm`, {}, L)}
      tone=${action === 'withdraw' ? 'danger' : nothing}
      @licheng-dialog-confirm=${this.#confirm}
    >
      <p id="reason-effect">${r ? rt(`${action}.effect`, { what }, L) : ''}</p>
      <div class="field">
        <label for="reason">${rt(`${action}.reason`, {}, L)}<span class="required" aria-hidden="true"> *</span></label>
        <p id="reason-hint" class="hint">${rt(`${action}.reason-hint`, {}, L)}</p>
        <textarea
          id="reason"
          rows="3"
          required
          aria-describedby=${['reason-effect', 'reason-hint', this.reasonError ? 'reason-error' : ''].filter(Boolean).join(' ')}
          aria-invalid=${this.reasonError ? 'true' : 'false'}
          .value=${this.reason}
          @input=${(e: Event) => {
            this.reason = (e.target as HTMLTextAreaElement).value;
            this.reasonError = '';
          }}
        ></textarea>
        ${this.reasonError ? html`<p id="reason-error" class="error-text">${this.reasonError}</p>` : nothing}
      </div>
    </licheng-dialog>`;
  }

  override render() {
    const shown = this.#shown();
    const kinds = this.kinds.filter((k) => shown.some((r) => r.kind === k.id));
    const several = this.kinds.length > 1;
    return html`${this.records.length ? this.#filters() : nothing}
      ${kinds.length ? kinds.map((k) => this.#table(k, shown.filter((r) => r.kind === k.id), several)) : this.#empty()} ${this.#dialog()}`;
  }
}
