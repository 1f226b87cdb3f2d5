import { html, nothing } from 'lit';
import { LichengConnectedElement, errorText } from '@licheng/client';
import { charCount, focusMark, focusOutcome, formatDate, formatDateTime, heading, screenStyles, type FocusMark } from '@licheng/ui';
import { receiptEntryRows } from '@licheng/core';
import { paths, TEXT_MAX, type Accepted, type Confirmed, type Mine, type MineBatch, type MineIssue, type MineItem, type RaisedIssue } from '../api.ts';
import { t } from '../messages.ts';
import { receivedEntry } from '../received-entry.ts';
import { issueSteps } from './issue-steps.ts';
import { receiptReminderStyles } from './receipt-reminder.styles.ts';

const STATUS_ICONS: Record<MineItem['status'], string> = { pending: '◔', confirmed: '✓', issue: '!', 'deemed-confirmed': '✓' };

/**
 * `<licheng-receipt-reminder>` — what a student sees on signing in while a receipt (收訖明細)
 * waits for confirmation: 「您已完成確認：…。您尚未完成確認：…。」, the days left, the received
 * entries, and buttons to confirm or raise an issue. Renders nothing when there is nothing to
 * confirm. A region with a heading, never a modal: the page stays usable around it.
 * While a `persistent` reminder (the student's 收訖確認 page) is on the page, the others step
 * aside, so the page never shows the same panel twice; they reload when it leaves.
 *
 * @event licheng-receipt-confirmed - Items were confirmed; `detail: { itemIds }`.
 * @event licheng-receipt-issue-raised - An issue was raised; `detail: { itemId, issueId }`.
 * @event licheng-token-expired - The token has expired.
 * @csspart panel - The reminder panel.
 * @csspart actions - The row of main buttons.
 * @cssprop --licheng-receipt-accent - The panel's border colour (default the primary colour).
 * @cssprop --licheng-receipt-panel-bg - The panel's background.
 */
export class ReceiptReminder extends LichengConnectedElement {
  /** Every reminder on the page, and the persistent ones (the 收訖確認 page) among them. */
  static readonly #all = new Set<ReceiptReminder>();
  static readonly #pages = new Set<ReceiptReminder>();

  static #changed(): void {
    for (const reminder of ReceiptReminder.#all) reminder.requestUpdate();
  }

  static override styles = [...screenStyles, receiptReminderStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    persistent: { type: Boolean, reflect: true },
    mine: { state: true },
    expanded: { state: true },
    shown: { state: true },
    raising: { state: true },
    issueText: { state: true },
    issueRow: { state: true },
    issueError: { state: true },
    busy: { state: true },
    announcement: { state: true },
    failure: { state: true },
  };

  /** The level of the reminder's heading (2 by default), so it fits the host page's outline. */
  declare headingLevel: number;
  /** Shown even with nothing to confirm, with every receipt whose window has started (the app's student screen). */
  declare persistent: boolean;
  declare mine: Mine | null;
  declare expanded: boolean;
  /** Once shown, the panel stays until the page reloads, so the last confirmation is announced. */
  declare shown: boolean;
  declare raising: string | null;
  declare issueText: string;
  /** The row the issue is about: '' for none, else `<sheet>\u0000<index>`. */
  declare issueRow: string;
  declare issueError: string;
  declare busy: boolean;
  declare announcement: string;
  declare failure: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.persistent = false;
    this.mine = null;
    this.expanded = false;
    this.shown = false;
    this.raising = null;
    this.issueText = '';
    this.issueRow = '';
    this.issueError = '';
    this.busy = false;
    this.announcement = '';
    this.failure = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ReceiptReminder.#all.add(this);
    if (this.persistent) {
      ReceiptReminder.#pages.add(this);
      ReceiptReminder.#changed();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    ReceiptReminder.#all.delete(this);
    if (ReceiptReminder.#pages.delete(this)) {
      ReceiptReminder.#changed();
      // What was confirmed on the page shows in the reminders that step back in.
      if (ReceiptReminder.#pages.size === 0) for (const reminder of ReceiptReminder.#all) if (reminder.mine) void reminder.load();
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    // The server words the reminder's sentence in the caller's language: ask again in the new one.
    if (changed.has('locale') && changed.get('locale') !== undefined && this.mine) void this.load();
  }

  /** A reminder that steps aside for the 收訖確認 page on screen. */
  #aside(): boolean {
    return !this.persistent && ReceiptReminder.#pages.size > 0;
  }

  override async load(): Promise<void> {
    try {
      this.mine = await this.api.query<Mine>(paths.mine);
      if (this.mine.reminder) this.shown = true;
    } catch (error) {
      // A reminder on sign-in stays silent when it cannot load, unless it is already on screen.
      if (this.shown || this.persistent) this.failure = message(error);
    }
  }

  #openBatches(): MineBatch[] {
    return (this.mine?.batches ?? []).filter((b) => b.phase === 'open');
  }

  #pending(): MineItem[] {
    return this.#openBatches().flatMap((b) => b.items.filter((i) => i.status === 'pending'));
  }

  async #confirm(items: MineItem[]) {
    if (this.busy || items.length === 0) return;
    this.busy = true;
    this.failure = '';
    this.announcement = '';
    const mark = focusMark();
    try {
      const itemIds = items.map((i) => i.id);
      await this.api.mutation<Confirmed>(paths.confirm, { itemIds });
      this.announcement = t('result.confirmed', { rosters: items.map((i) => i.rosterName).join(t('separator', {}, this.locale)) }, this.locale);
      this.emit('licheng-receipt-confirmed', { itemIds });
      await this.load();
    } catch (error) {
      this.failure = message(error);
    } finally {
      this.busy = false;
    }
    await this.#focusResult(mark);
  }

  async #openIssue(item: MineItem) {
    this.raising = item.id;
    this.issueText = '';
    this.issueRow = '';
    this.issueError = '';
    this.expanded = true;
    await focusOutcome(this, `#issue-${item.id}`);
  }

  async #cancelIssue(item: MineItem) {
    this.raising = null;
    await focusOutcome(this, `#raise-${item.id}`);
  }

  async #submitIssue(event: Event, item: MineItem) {
    event.preventDefault();
    if (this.busy) return;
    const text = this.issueText.trim();
    const L = this.locale;
    this.issueError = !text ? t('issue.required', {}, L) : charCount(text) > TEXT_MAX ? t('issue.too-long', { max: TEXT_MAX }, L) : '';
    if (this.issueError) {
      await focusOutcome(this, `#issue-${item.id}`);
      return;
    }
    this.busy = true;
    this.failure = '';
    this.announcement = '';
    const mark = focusMark();
    let raisedId = '';
    try {
      const [sheet, index] = this.issueRow ? this.issueRow.split('\u0000') : [];
      const row = sheet !== undefined && index !== undefined ? { sheet, index: Number(index) } : undefined;
      const raised = await this.api.mutation<RaisedIssue>(paths.raiseIssue, { itemId: item.id, text, ...(row ? { row } : {}) });
      raisedId = raised.id;
      this.raising = null;
      const office = raised.routedTo.label[L === 'en' ? 'en' : 'zh-TW'];
      this.announcement = t('result.raised-routed', { roster: item.rosterName, office: raised.routedTo.ownerName ? `${office} ${raised.routedTo.ownerName}` : office }, L);
      this.emit('licheng-receipt-issue-raised', { itemId: item.id, issueId: raised.id });
      await this.load();
    } catch (error) {
      this.issueError = message(error);
    } finally {
      this.busy = false;
    }
    if (this.issueError) await focusOutcome(this, `#issue-${item.id}`, { since: mark });
    // The outcome: the new issue's steps (routed to whom), announced by the status line too.
    else await focusOutcome(this, [`#steps-${raisedId}`, '#reminder-status'], { since: mark });
  }

  async #accept(item: MineItem, issue: MineIssue) {
    if (this.busy) return;
    this.busy = true;
    this.failure = '';
    this.announcement = '';
    const mark = focusMark();
    try {
      await this.api.mutation<Accepted>(paths.accept, { issueId: issue.id });
      this.announcement = t('steps.accepted', { roster: item.rosterName }, this.locale);
      await this.load();
    } catch (error) {
      this.failure = message(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#reminder-failure' : `#steps-${issue.id}`, { since: mark });
  }

  /** After confirming or raising an issue: the announcement of what was done, or why it was refused. */
  #focusResult(mark: FocusMark) {
    return focusOutcome(this, this.failure ? '#reminder-failure' : '#reminder-status', { since: mark });
  }

  override render() {
    if (this.#aside()) return nothing;
    if (this.persistent && this.failure && !this.mine) return html`<p role="alert" class="error-text">${this.failure}</p>`;
    if (!this.shown && !(this.persistent && this.mine)) return nothing;
    const L = this.locale;
    const pending = this.#pending();
    const open = this.#openBatches();
    const listed = this.persistent ? (this.mine?.batches ?? []) : open;
    const waiting = open.filter((b) => b.items.some((i) => i.status === 'pending'));
    const soonest = waiting.reduce<MineBatch | null>((a, b) => (a === null || b.daysLeft < a.daysLeft ? b : a), null);
    return html`<section part="panel" role="region" aria-labelledby="reminder-heading">
      ${heading(this.headingLevel, t('reminder.heading', {}, L), 'reminder-heading')}
      ${pending.length > 0
        ? html`<p>${t('reminder.intro', {}, L)}</p>
            <p class="sentence">${this.mine?.reminder?.text ?? ''}</p>
            ${soonest ? html`<p>${t('reminder.days-left', { end: formatDate(soonest.window.end, L), days: soonest.daysLeft }, L)}</p>` : nothing}`
        : html`<p class="sentence">${t(open.length > 0 ? 'reminder.all-done' : 'app.nothing', {}, L)}</p>`}
      <div part="actions" class="actions">
        ${listed.length > 0 ? html`<button type="button" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="details" @click=${() => (this.expanded = !this.expanded)}>
          ${t(this.expanded ? 'reminder.hide-details' : 'reminder.details', {}, L)}
        </button>` : nothing}
        ${pending.length > 0
          ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#confirm(pending)}>${t('reminder.confirm-all', { count: pending.length }, L)}</button>`
          : nothing}
      </div>
      <p id="reminder-status" role="status" aria-live="polite" class="status">${this.announcement}</p>
      ${this.failure ? html`<p id="reminder-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      <div id="details" ?hidden=${!this.expanded}>${listed.map((b) => this.#batch(b))}</div>
    </section>`;
  }

  #batch(batch: MineBatch) {
    const L = this.locale;
    const title = batch.semester === 0 ? t('batch.year-heading', { year: batch.academicYear }, L) : t('batch.heading', { year: batch.academicYear, semester: batch.semester }, L);
    // Each batch is a labelled group, and its buttons name its term: with two receipts open, the
    // same roster's buttons of each are told apart by ear.
    const term = batch.semester === 0 ? t('batch.year-term', { year: batch.academicYear }, L) : t('batch.term', { year: batch.academicYear, semester: batch.semester }, L);
    return html`<section class="batch" aria-labelledby=${`batch-${batch.id}`}>
      ${heading(this.headingLevel + 1, title, `batch-${batch.id}`)}
      <p class="muted">${t('batch.window', { start: formatDate(batch.window.start, L), end: formatDate(batch.window.end, L) }, L)}</p>
      <ul class="items">
        ${batch.items.map((item) => this.#item(item, term))}
      </ul>
    </section>`;
  }

  #item(item: MineItem, term: string) {
    const L = this.locale;
    const openIssue = item.issues.find((i) => i.status === 'open');
    const canAct = !openIssue && this.#openBatches().some((b) => b.items.includes(item));
    return html`<li>
      ${heading(this.headingLevel + 2, html`${item.rosterName}<span class="badge ${item.status}"><span aria-hidden="true">${STATUS_ICONS[item.status]} </span>${t(`status.${item.status}`, {}, L)}</span>`)}
      ${item.issues.map((issue) => issueSteps(item, issue, L, { busy: this.busy, onAccept: (i) => void this.#accept(item, i) }))}
      <details>
        <summary>${t('item.received', {}, L)}</summary>
        ${receivedEntry(item.entry, t('item.empty', {}, L), L)}
      </details>
      ${canAct
        ? html`<div class="actions">
            ${item.status !== 'confirmed'
              ? html`<button type="button" class="primary" ?disabled=${this.busy} aria-label=${t('item.confirm.label', { roster: item.rosterName, term }, L)} @click=${() => this.#confirm([item])}>${t('item.confirm', {}, L)}</button>`
              : nothing}
            ${this.raising !== item.id
              ? html`<button type="button" id=${`raise-${item.id}`} ?disabled=${this.busy} aria-label=${t('item.raise.label', { roster: item.rosterName, term }, L)} @click=${() => this.#openIssue(item)}>${t('item.raise', {}, L)}</button>`
              : nothing}
          </div>`
        : nothing}
      ${this.raising === item.id ? this.#issueForm(item) : nothing}
    </li>`;
  }

  #issueForm(item: MineItem) {
    const L = this.locale;
    const id = `issue-${item.id}`;
    const count = charCount(this.issueText.trim());
    const rows = receiptEntryRows(item.entry);
    return html`<form class="issue" @submit=${(e: Event) => this.#submitIssue(e, item)}>
      <label class="label" for=${id}>${t('issue.label', { roster: item.rosterName }, L)}</label>
      <p class="hint" id=${`${id}-hint`}>${t('issue.hint', { max: TEXT_MAX }, L)}</p>
      <textarea
        id=${id}
        rows="4"
        aria-describedby=${`${id}-hint ${id}-count${this.issueError ? ` ${id}-error` : ''}`}
        aria-invalid=${this.issueError ? 'true' : 'false'}
        .value=${this.issueText}
        @input=${(e: Event) => (this.issueText = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="hint" id=${`${id}-count`}>${t('issue.counter', { count, max: TEXT_MAX }, L)}</p>
      ${rows.length > 1
        ? html`<label class="label" for=${`${id}-row`}>${t('issue.row', {}, L)}</label>
            <select id=${`${id}-row`} .value=${this.issueRow} @change=${(e: Event) => (this.issueRow = (e.target as HTMLSelectElement).value)}>
              <option value="">${t('issue.row-any', {}, L)}</option>
              ${rows.map((r) => html`<option value=${`${r.sheet}\u0000${r.index}`}>${t('issue.row-option', { sheet: r.sheet, row: r.index + 1, summary: rowSummary(r.row) }, L)}</option>`)}
            </select>`
        : nothing}
      ${this.issueError ? html`<p class="error-text" id=${`${id}-error`} role="alert">${this.issueError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t('issue.submit', {}, L)}</button>
        <button type="button" @click=${() => this.#cancelIssue(item)}>${t('issue.cancel', {}, L)}</button>
      </div>
    </form>`;
  }
}

/** A row as the row picker names it: its first few values. */
function rowSummary(row: Record<string, unknown>): string {
  return Object.values(row)
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .slice(0, 3)
    .join(' ');
}

function message(error: unknown): string {
  return errorText(error);
}
