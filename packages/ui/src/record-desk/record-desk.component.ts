import { html, nothing, type PropertyValues } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import { heading } from '../base/heading.ts';
import { screenStyles } from '../styles/tokens.styles.ts';
import { rt } from '../record-fields/messages.ts';
import { localized, recordTitle, type RecordKindScreen, type RecordRow, type RecordSubmission } from '../record-fields/record-fields.ts';
import type { RecordForm } from '../record-form/record-form.component.ts';
import type { RecordList, RecordWithdrawal } from '../record-list/record-list.component.ts';
import type { RecordImportSource, RecordsImported } from '../record-import/record-import.component.ts';
import type { NoticeVariant } from '../notice/notice.component.ts';
import { recordDeskStyles } from './record-desk.styles.ts';
import '../notice/notice.ts';
import '../record-form/record-form.ts';
import '../record-list/record-list.ts';
import '../record-import/record-import.ts';

/**
 * What the desk needs from its host: functions that call the office's records procedures
 * (`<office>.records.list / enter / correct / withdraw / importPreview / importCommit`), so
 * the desk carries no particular client. Each answers the record as it now is (its id); a
 * refusal is thrown as an Error whose message is shown.
 */
export interface RecordDeskSource extends RecordImportSource {
  list(kind: string): Promise<readonly RecordRow[]>;
  enter(kind: string, submission: RecordSubmission): Promise<{ id: string }>;
  correct(record: RecordRow, submission: RecordSubmission): Promise<{ id: string }>;
  withdraw(record: RecordRow, reason: string): Promise<unknown>;
  /** Takes back the caller's own decision on a record (back to 待認證); without it 撤回決定 is not offered. */
  reopen?(record: RecordRow, reason: string): Promise<unknown>;
}

type Panel = 'none' | 'add' | 'import';
/** With more kinds than this the kinds are a select instead of tabs. */
const TABS_MAX = 5;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `<licheng-record-desk>` — an office's screen for its record kinds: a tab per kind (a select
 * when there are many), the kind's list with its filters, and, behind two buttons, the form to
 * add one (`<licheng-record-form>`) and the list import (`<licheng-record-import>`). 更正 opens
 * the form on the record; 撤銷 asks for a reason. After every action focus lands on its outcome:
 * the row just added or corrected (marked 剛新增 / 剛更正), or the message saying what happened
 * (role=status, errors role=alert).
 *
 * The server is reached through `source` (RecordDeskSource). Arrow keys, Home and End move
 * between the tabs.
 *
 * @event licheng-kind-changed - The kind shown changed (a tab chosen, or the first kind shown once kinds arrive); `detail: { kind }`.
 * @event licheng-record-changed - A record was added, corrected, withdrawn, reopened (a decision taken back) or imported; `detail: { kind, action, ids }`.
 * @csspart tabs - The row of kind tabs.
 */
export class RecordDesk extends LichengElement {
  static override styles = [...screenStyles, recordDeskStyles];
  static override properties = {
    kinds: { attribute: false },
    source: { attribute: false },
    kind: { reflect: true },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    disabledReason: { attribute: 'disabled-reason' },
    defaultYear: { type: Number, attribute: 'default-year' },
    defaultSemester: { type: Number, attribute: 'default-semester' },
    panel: { state: true },
    records: { state: true },
    correcting: { state: true },
    highlight: { state: true },
    busy: { state: true },
    note: { state: true },
  };

  declare kinds: readonly RecordKindScreen[];
  declare source: RecordDeskSource | null;
  /** The kind shown (id); the first when unset. */
  declare kind: string;
  /** The screen's title (e.g. 學務處 訓育組); none when empty. */
  declare heading: string;
  declare headingLevel: number;
  /** Why records cannot be added or imported now (a closed window, no permission). */
  declare disabledReason: string;
  declare defaultYear: number | null;
  declare defaultSemester: number | null;
  declare panel: Panel;
  declare records: readonly RecordRow[] | null;
  declare correcting: RecordRow | null;
  declare highlight: Readonly<Record<string, 'added' | 'changed'>>;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };

  constructor() {
    super();
    this.kinds = [];
    this.source = null;
    this.kind = '';
    this.heading = '';
    this.headingLevel = 1;
    this.disabledReason = '';
    this.defaultYear = null;
    this.defaultSemester = null;
    this.panel = 'none';
    this.records = null;
    this.correcting = null;
    this.highlight = {};
    this.busy = false;
    this.note = { variant: 'info', text: '' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('kinds') || changed.has('kind')) && !this.kinds.some((k) => k.id === this.kind)) this.kind = this.kinds[0]?.id ?? '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('kind') && this.kind) this.emit('licheng-kind-changed', { kind: this.kind });
    if ((changed.has('kind') || changed.has('source')) && this.kind && this.source) void this.load();
  }

  get #kind(): RecordKindScreen | undefined {
    return this.kinds.find((k) => k.id === this.kind);
  }

  /** Loads the shown kind's records. */
  async load(): Promise<void> {
    if (!this.source || !this.kind) return;
    const kind = this.kind;
    try {
      const rows = await this.source.list(kind);
      if (kind === this.kind) this.records = rows;
    } catch (error) {
      this.records = [];
      await this.#say('error', rt('desk.failed', { message: message(error) }, this.locale));
    }
  }

  /** Shows a message and moves focus to it. */
  async #say(variant: NoticeVariant, text: string, focus = true) {
    this.note = { variant, text };
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>('#desk-note')?.focus();
  }

  #selectKind(kind: string, focusTab = false) {
    if (kind === this.kind) return;
    this.kind = kind;
    this.records = null;
    this.panel = 'none';
    this.correcting = null;
    this.highlight = {};
    this.note = { variant: 'info', text: '' };
    if (focusTab) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${CSS.escape(kind)}`)?.focus());
  }

  #tabKey(event: KeyboardEvent) {
    const ids = this.kinds.map((k) => k.id);
    const index = ids.indexOf(this.kind);
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? ids.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    this.#selectKind(ids[(next + ids.length) % ids.length]!, true);
  }

  async #open(panel: Panel) {
    this.panel = this.panel === panel && !this.correcting ? 'none' : panel;
    this.correcting = null;
    await this.updateComplete;
    if (this.panel === 'add') this.renderRoot.querySelector<HTMLElement>('licheng-record-form')?.shadowRoot?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    if (this.panel === 'import') this.renderRoot.querySelector<HTMLElement>('licheng-record-import')?.shadowRoot?.querySelector<HTMLElement>('select, a, button')?.focus();
  }

  /**
   * Reloads the list and takes focus to the records just changed (or, when none shows, to the
   * message); the message names the first of them as the list now has it.
   */
  async #showChanged(ids: readonly string[], mark: 'added' | 'changed', say: (row: RecordRow | undefined) => string) {
    this.highlight = Object.fromEntries(ids.map((id) => [id, mark]));
    await this.load();
    const text = say(this.records?.find((r) => r.id === ids[0]));
    this.note = { variant: 'success', text };
    await this.updateComplete;
    const list = this.renderRoot.querySelector<RecordList>('licheng-record-list');
    list?.clearFilters();
    const shown = ids[0] && list ? await list.focusRecord(ids[0]) : false;
    if (!shown) await this.#say('success', text);
  }

  async #submit(event: CustomEvent<RecordSubmission>) {
    const source = this.source;
    const kind = this.#kind;
    if (!source || !kind || this.busy) return;
    const fixing = this.correcting;
    this.busy = true;
    this.note = { variant: 'info', text: '' };
    try {
      const saved = fixing ? await source.correct(fixing, event.detail) : await source.enter(kind.id, event.detail);
      this.renderRoot.querySelector<RecordForm>('licheng-record-form')?.reset();
      this.correcting = null;
      if (fixing) this.panel = 'none';
      this.emit('licheng-record-changed', { kind: kind.id, action: fixing ? 'correct' : 'enter', ids: [saved.id] });
      const L = this.locale;
      await this.#showChanged([saved.id], fixing ? 'changed' : 'added', (row) =>
        rt(fixing ? 'desk.corrected' : 'desk.entered', { kind: localized(kind.label, L), what: recordTitle(kind, row ?? { ...(fixing ?? { id: saved.id, kind: kind.id, academicYear: 0, semester: 1, status: 'pending' }), data: event.detail.data }, L) }, L),
      );
    } catch (error) {
      await this.#say('error', rt('desk.failed', { message: message(error) }, this.locale));
    } finally {
      this.busy = false;
    }
  }

  async #correct(event: CustomEvent<{ record: RecordRow }>) {
    this.correcting = event.detail.record;
    this.panel = 'add';
    await this.updateComplete;
    const form = this.renderRoot.querySelector<RecordForm>('licheng-record-form');
    await form?.updateComplete;
    form?.shadowRoot?.querySelector<HTMLElement>('input:not([type="radio"]), textarea, select, input:checked')?.focus();
  }

  async #cancelCorrection() {
    const id = this.correcting?.id;
    this.correcting = null;
    this.panel = 'none';
    await this.updateComplete;
    if (id) await this.renderRoot.querySelector<RecordList>('licheng-record-list')?.focusRecord(id);
  }

  async #withdraw(event: CustomEvent<RecordWithdrawal>) {
    const { record, reason } = event.detail;
    const kind = this.#kind;
    if (!this.source || !kind) return;
    try {
      await this.source.withdraw(record, reason);
      this.highlight = {};
      this.emit('licheng-record-changed', { kind: kind.id, action: 'withdraw', ids: [record.id] });
      await this.load();
      await this.#say('success', rt('desk.withdrawn', { kind: localized(kind.label, this.locale), what: recordTitle(kind, record, this.locale) }, this.locale));
    } catch (error) {
      await this.#say('error', rt('desk.failed', { message: message(error) }, this.locale));
    }
  }

  async #reopen(event: CustomEvent<RecordWithdrawal>) {
    const { record, reason } = event.detail;
    const kind = this.#kind;
    if (!this.source?.reopen || !kind) return;
    try {
      await this.source.reopen(record, reason);
      this.emit('licheng-record-changed', { kind: kind.id, action: 'reopen', ids: [record.id] });
      // Focus on the row, back to 待認證 and marked 剛更正; the message says what happened.
      await this.#showChanged([record.id], 'changed', () => rt('desk.reopened', { kind: localized(kind.label, this.locale), what: recordTitle(kind, record, this.locale) }, this.locale));
    } catch (error) {
      await this.#say('error', rt('desk.failed', { message: message(error) }, this.locale));
    }
  }

  async #imported(event: CustomEvent<RecordsImported>) {
    const { kind, imported, ids } = event.detail;
    this.emit('licheng-record-changed', { kind, action: 'import', ids });
    if (kind !== this.kind) this.#selectKind(kind);
    // The import keeps its own result (focused); the list below shows and marks the new rows.
    this.highlight = Object.fromEntries(ids.map((id) => [id, 'added' as const]));
    await this.load();
    this.note = { variant: 'success', text: rt('import.done', { imported, kind: localized(this.#kind?.label, this.locale) }, this.locale) };
  }

  #kindPicker() {
    const L = this.locale;
    if (this.kinds.length <= 1) return nothing;
    if (this.kinds.length > TABS_MAX)
      return html`<div class="field kind-select">
        <label for="kind-select">${rt('desk.kind-select', {}, L)}</label>
        <select id="kind-select" @change=${(e: Event) => this.#selectKind((e.target as HTMLSelectElement).value)}>
          ${this.kinds.map((k) => html`<option value=${k.id} .selected=${k.id === this.kind}>${localized(k.label, L)}</option>`)}
        </select>
      </div>`;
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${rt('desk.kinds', {}, L)} @keydown=${this.#tabKey}>
      ${this.kinds.map(
        (k) => html`<button
          type="button"
          role="tab"
          id="tab-${k.id}"
          aria-controls="panel"
          aria-selected=${k.id === this.kind ? 'true' : 'false'}
          tabindex=${k.id === this.kind ? '0' : '-1'}
          @click=${() => this.#selectKind(k.id)}
        >
          ${localized(k.label, L)}
        </button>`,
      )}
    </div>`;
  }

  override render() {
    const L = this.locale;
    const kind = this.#kind;
    if (!kind) return nothing;
    const h = this.heading ? this.headingLevel + 1 : this.headingLevel;
    const tabs = this.kinds.length > 1 && this.kinds.length <= TABS_MAX;
    const off = this.disabledReason || (kind.mayEnter === false ? rt('form.no-permission', {}, L) : '');
    return html`${this.heading ? heading(this.headingLevel, this.heading, 'desk-heading') : nothing} ${this.#kindPicker()}
      <div id="panel" role=${tabs ? 'tabpanel' : nothing} aria-labelledby=${tabs ? `tab-${kind.id}` : nothing}>
        <div class="actions desk-actions">
          <button type="button" aria-expanded=${this.panel === 'add' ? 'true' : 'false'} aria-controls="add-panel" @click=${() => this.#open('add')}>${rt('desk.add', {}, L)}</button>
          <button type="button" aria-expanded=${this.panel === 'import' ? 'true' : 'false'} aria-controls="import-panel" @click=${() => this.#open('import')}>${rt('desk.import', {}, L)}</button>
        </div>
        ${off ? html`<p class="hint" id="desk-off">${off}</p>` : nothing}
        <licheng-notice id="desk-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
        <div id="add-panel" class="panel" ?hidden=${this.panel !== 'add'}>
          ${this.panel === 'add'
            ? html`<licheng-record-form
                .locale=${L}
                ask-student
                heading-level=${h}
                .kind=${kind}
                .record=${this.correcting}
                .defaultYear=${this.defaultYear}
                .defaultSemester=${this.defaultSemester}
                disabled-reason=${this.correcting ? '' : off}
                ?busy=${this.busy}
                @licheng-record-submit=${this.#submit}
                @licheng-record-cancel=${this.#cancelCorrection}
              ></licheng-record-form>`
            : nothing}
        </div>
        <div id="import-panel" class="panel" ?hidden=${this.panel !== 'import'}>
          ${this.panel === 'import'
            ? html`<licheng-record-import .locale=${L} heading-level=${h} .kinds=${[kind]} .source=${this.source} disabled-reason=${off} @licheng-records-imported=${this.#imported}></licheng-record-import>`
            : nothing}
        </div>
        <section aria-labelledby="list-heading">
          ${heading(h, rt('desk.list', {}, L), 'list-heading')}
          ${this.records === null
            ? html`<p>${rt('desk.loading', {}, L)}</p>`
            : html`<licheng-record-list
                .locale=${L}
                actions
                ?can-add=${!off}
                heading-level=${h + 1}
                .kinds=${[kind]}
                .records=${this.records}
                .highlight=${this.highlight}
                @licheng-record-correct=${this.#correct}
                @licheng-record-withdraw=${this.#withdraw}
                @licheng-record-reopen=${this.#reopen}
                @licheng-record-add=${() => this.#open('add')}
              ></licheng-record-list>`}
        </section>
      </div>`;
  }
}
