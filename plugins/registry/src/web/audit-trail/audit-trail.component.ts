import { html, nothing } from 'lit';
import { downloadFile, LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles, type DateChange, type DateField } from '@licheng/ui';
import { AUDIT_ENTITIES } from '../../audit-entities.ts';
import { paths, type AuditEntry, type AuditPage } from '../api.ts';
import { t } from '../messages.ts';
import { auditTrailStyles } from './audit-trail.styles.ts';

/** The filters as typed; dates are ISO, read by the 民國 date fields. */
interface FilterForm {
  student: string;
  user: string;
  entity: string;
  entityId: string;
  action: string;
  from: string;
  to: string;
  parentId: string;
}

const EMPTY: FilterForm = { student: '', user: '', entity: '', entityId: '', action: '', from: '', to: '', parentId: '' };

/** Entries that stand for a whole operation: their rows point at them. */
const OPERATION_ENTITIES = new Set(['roster', 'certificate-list', 'receipt-batch']);

const message = (error: unknown) => (error instanceof LichengApiError ? error.message : String(error));

type TextField = Exclude<keyof FilterForm, 'entity' | 'parentId' | 'from' | 'to'>;

/** Entries a page: each entry shows its changes in full, so a phone scrolls a short page and asks for more. */
const AUDIT_PAGE_SIZE = 20;

/**
 * `<licheng-audit-trail>` — the registry office's (註冊組) audit trail (稽核紀錄): every change
 * and every staff read of a student's file, filtered by student, user, record, action and
 * dates (民國 dates accepted), newest first, with each change as its fields before and after;
 * an import lists everything it changed. Exports the filtered entries to Excel.
 *
 * @event licheng-token-expired - The token has expired.
 */
export class AuditTrail extends LichengConnectedElement {
  static override styles = [...screenStyles, auditTrailStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    form: { state: true },
    entries: { state: true },
    next: { state: true },
    loading: { state: true },
    exporting: { state: true },
    failure: { state: true },
    exported: { state: true },
    dateErrors: { state: true },
  };

  declare headingLevel: number;
  declare form: FilterForm;
  declare entries: AuditEntry[] | null;
  declare next: AuditPage['next'];
  declare loading: boolean;
  declare exporting: boolean;
  declare failure: string;
  declare exported: string;
  declare dateErrors: { from?: string; to?: string };

  /** The filters of the list on screen (the export uses the same). */
  #applied: Record<string, string> = {};

  constructor() {
    super();
    this.headingLevel = 2;
    this.form = { ...EMPTY };
    this.entries = null;
    this.next = null;
    this.loading = false;
    this.exporting = false;
    this.failure = '';
    this.exported = '';
    this.dateErrors = {};
  }

  override async load(): Promise<void> {
    await this.#search(false);
  }

  /** The typed filters as the server takes them, or null when a date cannot be read. */
  #filters(): Record<string, string> | null {
    const errors: { from?: string; to?: string } = {};
    const dates: { from?: string; to?: string } = {};
    let unreadable = false;
    for (const key of ['from', 'to'] as const) {
      // A date field that cannot read its text says why itself and gives no value.
      if (this.renderRoot.querySelector<DateField>(`#${key}`)?.problem) unreadable = true;
      else if (this.form[key]) dates[key] = this.form[key];
    }
    if (dates.from && dates.to && dates.from > dates.to) errors.to = t('audit.date-order', {}, this.locale);
    this.dateErrors = errors;
    if (unreadable || errors.to) return null;
    const filters: Record<string, string> = {};
    for (const key of ['student', 'user', 'entity', 'entityId', 'action', 'parentId'] as const) {
      const value = this.form[key].trim();
      if (value) filters[key] = value;
    }
    return { ...filters, ...dates };
  }

  async #search(focusResult: boolean) {
    const filters = this.#filters();
    if (!filters) {
      await focusOutcome(this, 'licheng-date-field[invalid]');
      return;
    }
    this.#applied = filters;
    this.loading = true;
    this.failure = '';
    this.exported = '';
    const mark = focusMark();
    try {
      const page = await this.api.query<AuditPage>(paths.audit, { ...filters, limit: AUDIT_PAGE_SIZE });
      this.entries = page.entries;
      this.next = page.next;
    } catch (error) {
      this.failure = message(error);
    } finally {
      this.loading = false;
    }
    if (focusResult) await focusOutcome(this, this.failure ? '#audit-failure' : '#audit-result', { since: mark });
  }

  async #more() {
    if (!this.next || this.loading) return;
    this.loading = true;
    const first = this.entries?.length ?? 0;
    try {
      const page = await this.api.query<AuditPage>(paths.audit, { ...this.#applied, cursor: this.next, limit: AUDIT_PAGE_SIZE });
      this.entries = [...(this.entries ?? []), ...page.entries];
      this.next = page.next;
    } catch (error) {
      this.failure = message(error);
    } finally {
      this.loading = false;
      // Focus lands on the first entry that was added, or on the refusal.
      await focusOutcome(this, this.failure ? '#audit-failure' : () => this.renderRoot.querySelectorAll('.entry')[first]);
    }
  }

  async #export() {
    if (this.exporting) return;
    this.exporting = true;
    this.failure = '';
    this.exported = '';
    const mark = focusMark();
    try {
      const query = new URLSearchParams(this.#applied).toString();
      const name = await downloadFile(this.api, `${paths.auditXlsx}${query ? `?${query}` : ''}`, 'audit-trail.xlsx');
      this.exported = t('audit.exported', { fileName: name }, this.locale);
    } catch (error) {
      this.failure = message(error);
    } finally {
      this.exporting = false;
    }
    await focusOutcome(this, this.failure ? '#audit-failure' : '#audit-exported', { since: mark });
  }

  /** Narrows the list to one operation or one item, from a button on an entry. */
  async #narrow(change: Partial<FilterForm>) {
    this.form = { ...EMPTY, ...change };
    await this.#search(true);
  }

  #input(key: TextField, labelKey: Parameters<typeof t>[0], hintKey?: Parameters<typeof t>[0]) {
    const L = this.locale;
    return html`<div class="field">
      <label for=${key}>${t(labelKey, {}, L)}</label>
      <input
        id=${key}
        type="text"
        autocomplete="off"
        .value=${this.form[key]}
        aria-describedby=${hintKey ? `${key}-hint` : nothing}
        @input=${(e: Event) => (this.form = { ...this.form, [key]: (e.target as HTMLInputElement).value })}
      />
      ${hintKey ? html`<p id="${key}-hint" class="hint">${t(hintKey, {}, L)}</p>` : nothing}
    </div>`;
  }

  /** A 民國 date filter: typed as 115/11/27 or 1151127, kept as ISO. */
  #date(key: 'from' | 'to', labelKey: Parameters<typeof t>[0]) {
    return html`<licheng-date-field
      id=${key}
      class="field"
      locale=${this.locale}
      label=${t(labelKey, {}, this.locale)}
      .value=${this.form[key]}
      .error=${this.dateErrors[key] ?? ''}
      @licheng-date-change=${(e: CustomEvent<DateChange>) => (this.form = { ...this.form, [key]: e.detail.value })}
    ></licheng-date-field>`;
  }

  #filtersForm() {
    const L = this.locale;
    return html`<form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#search(true);
      }}
    >
      <div class="filters">
        ${this.#input('student', 'audit.student', 'audit.student-hint')} ${this.#input('user', 'audit.user', 'audit.user-hint')}
        <div class="field">
          <label for="entity">${t('audit.entity', {}, L)}</label>
          <select id="entity" @change=${(e: Event) => (this.form = { ...this.form, entity: (e.target as HTMLSelectElement).value })}>
            <option value="" .selected=${this.form.entity === ''}>${t('audit.entity-all', {}, L)}</option>
            ${Object.entries(AUDIT_ENTITIES).map(([id, label]) => html`<option value=${id} .selected=${this.form.entity === id}>${label[L]}</option>`)}
          </select>
        </div>
        ${this.#input('entityId', 'audit.entity-id')} ${this.#input('action', 'audit.action', 'audit.action-hint')}
        ${this.#date('from', 'audit.from')} ${this.#date('to', 'audit.to')}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.loading}>${this.loading ? t('audit.loading', {}, L) : t('audit.search', {}, L)}</button>
        <button type="button" @click=${() => this.#narrow({})}>${t('audit.clear', {}, L)}</button>
        <button type="button" ?disabled=${this.exporting || this.entries === null} @click=${() => this.#export()}>
          ${this.exporting ? t('audit.exporting', {}, L) : t('audit.export', {}, L)}
        </button>
      </div>
    </form>`;
  }

  #changes(entry: AuditEntry, labelId: string) {
    const L = this.locale;
    const changes = entry.words.changes;
    if (changes.length === 0) return html`<p class="muted">${t('audit.no-change', {}, L)}</p>`;
    const onlyAfter = changes.every((c) => c.before === null);
    return html`<div class="table-wrap">
      <table aria-labelledby=${labelId}>
        <thead>
          <tr>
            <th scope="col">${t('audit.field', {}, L)}</th>
            ${onlyAfter ? html`<th scope="col">${t('audit.content', {}, L)}</th>` : html`<th scope="col">${t('audit.before', {}, L)}</th><th scope="col">${t('audit.after', {}, L)}</th>`}
          </tr>
        </thead>
        <tbody>
          ${changes.map(
            (c) => html`<tr>
              <th scope="row">${c.label || '—'}</th>
              ${onlyAfter ? nothing : html`<td class="before">${c.before ?? '—'}</td>`}
              <td class="after">${c.after ?? '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #entry(entry: AuditEntry) {
    const L = this.locale;
    const action = entry.words.action;
    const labelId = `e-${entry.id}`;
    return html`<li class="entry" tabindex="-1" aria-labelledby=${labelId}>
      <p class="meta">
        <time datetime=${entry.at}>${entry.words.time}</time>
        <span>${t('audit.by', { name: entry.actor.name, role: entry.words.role }, L)}${entry.actor.actedFor ? html` <span class="acted-for">${t('audit.acted-for', { name: entry.actor.actedFor.name }, L)}</span>` : nothing}</span>
      </p>
      <h3 id=${labelId} class="action">${action} <code>${entry.action}</code></h3>
      <p class="subject">
        <span class="entity">${entry.words.entity}</span>
        ${entry.student ? html`<span class="student">${entry.student.studentNo} ${entry.student.name}${entry.student.className ? `（${entry.student.className}）` : ''}</span>` : nothing}
        <code class="entity-id">${entry.entityId}</code>
      </p>
      ${this.#changes(entry, labelId)}
      <div class="entry-actions">
        ${OPERATION_ENTITIES.has(entry.entity) && entry.parentId === null
          ? html`<button type="button" class="link" @click=${() => this.#narrow({ parentId: entry.id })}>${t('audit.show-operation', {}, L)}</button>`
          : nothing}
        ${entry.parentId ? html`<button type="button" class="link" @click=${() => this.#narrow({ parentId: entry.parentId! })}>${t('audit.show-parent', {}, L)}</button>` : nothing}
        <button type="button" class="link" @click=${() => this.#narrow({ entity: entry.entity, entityId: entry.entityId })}>${t('audit.show-entity', {}, L)}</button>
      </div>
    </li>`;
  }

  #results() {
    const L = this.locale;
    const entries = this.entries;
    if (entries === null) return nothing;
    const count = t(this.next ? 'audit.count-more' : 'audit.count', { count: entries.length }, L);
    return html`<div class="results">
      <p id="audit-result" class="count" tabindex="-1" role="status">${entries.length === 0 ? t('audit.none', {}, L) : count}</p>
      ${this.#applied.parentId
        ? html`<p class="operation">
            ${t('audit.operation-filter', { id: this.#applied.parentId }, L)}
            <button type="button" class="link" @click=${() => this.#narrow({})}>${t('audit.operation-clear', {}, L)}</button>
          </p>`
        : nothing}
      <ol class="entries">
        ${entries.map((e) => this.#entry(e))}
      </ol>
      ${this.next ? html`<div class="actions"><button type="button" ?disabled=${this.loading} @click=${() => this.#more()}>${t('audit.more', {}, L)}</button></div>` : nothing}
    </div>`;
  }

  override render() {
    const L = this.locale;
    return html`<section aria-labelledby="audit-heading" aria-busy=${this.loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, t('audit.heading', {}, L), 'audit-heading')}
      <p class="muted">${t('audit.intro', {}, L)}</p>
      ${this.#filtersForm()}
      <licheng-notice id="audit-failure" variant="error" tabindex="-1" .locale=${L} .message=${this.failure}></licheng-notice>
      <licheng-notice id="audit-exported" variant="success" .locale=${L} .message=${this.exported}></licheng-notice>
      ${this.#results()}
    </section>`;
  }
}
