import { css, html, nothing } from 'lit';
import { LichengConnectedElement, errorText } from '@licheng/client';
import { focusMark, focusOutcome, formatDate, heading, screenStyles } from '@licheng/ui';
import { rt } from './deadline-reminders.messages.ts';

/** One in-app reminder as `platform.reminders.list` gives it (subject and body worded by the server). */
export interface DeadlineReminder {
  id: string;
  subject: string;
  body: string;
  deadline: string;
  leadDays: number;
  sentAt: string;
  readAt: string | null;
}

export interface DeadlineReminders {
  unread: number;
  reminders: DeadlineReminder[];
}

export const REMINDER_PATHS = { list: 'platform.reminders.list', markRead: 'platform.reminders.markRead' } as const;

/**
 * `<licheng-deadline-reminders>` — 截止提醒: the signed-in user's reminders of deadlines of the
 * schedule (作業期程), as the platform's reminder job wrote them — a student's items still to
 * select or to upload again, a teacher's certification queue — each with its deadline in 民國
 * and its words, and a button to mark it read. Read reminders stay listed below (nothing is
 * removed, so nothing needs undoing). Renders nothing when the user has no reminder. A region
 * with a heading, never a modal.
 *
 * @attr heading-level - Level of the element's heading, 1–6 (default 2).
 * @event licheng-reminders-read - Reminders were marked read; `detail: { ids }`.
 * @event licheng-token-expired - The token has expired (from LichengConnectedElement).
 * @csspart panel - The reminders' region.
 * @csspart reminder - Each reminder.
 * @cssprop --licheng-reminders-accent - The panel's border colour (default the primary colour).
 */
export class LichengDeadlineReminders extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host { display: block; }
      [part='panel'] { border: 2px solid var(--licheng-reminders-accent, var(--_primary)); border-radius: var(--_radius); background: var(--_surface); padding: 0.75rem 1rem; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { border-top: 1px solid var(--_border-subtle); padding: 0.5rem 0; }
      .subject { font-weight: 600; overflow-wrap: anywhere; }
      .meta { color: var(--_muted); margin: 0.25rem 0; }
      .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0 0; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    list: { state: true },
    busy: { state: true },
    announcement: { state: true },
    failure: { state: true },
  };

  declare headingLevel: number;
  /** What the server listed last; null before the first answer. */
  declare list: DeadlineReminders | null;
  declare busy: boolean;
  declare announcement: string;
  declare failure: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.list = null;
    this.busy = false;
    this.announcement = '';
    this.failure = '';
  }

  override async load(): Promise<void> {
    try {
      this.list = await this.api.query<DeadlineReminders>(REMINDER_PATHS.list);
    } catch (error) {
      // Shown above every screen: it stays silent when it cannot load, unless it is already on screen.
      if (this.list?.reminders.length) this.failure = errorText(error);
    }
  }

  async #markRead(reminders: DeadlineReminder[]) {
    if (this.busy || reminders.length === 0) return;
    const mark = focusMark();
    this.busy = true;
    this.failure = '';
    this.announcement = '';
    try {
      const ids = reminders.map((r) => r.id);
      await this.api.mutation(REMINDER_PATHS.markRead, { ids });
      this.announcement = reminders.length === 1 ? rt('done', { subjects: reminders[0]!.subject }, this.locale) : rt('done.all', { n: reminders.length }, this.locale);
      this.emit('licheng-reminders-read', { ids });
      await this.load();
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#reminders-failure' : '#reminders-status', { since: mark });
  }

  override render() {
    const reminders = this.list?.reminders ?? [];
    if (reminders.length === 0) return nothing;
    const L = this.locale;
    const unread = reminders.filter((r) => r.readAt === null);
    const read = reminders.filter((r) => r.readAt !== null);
    return html`<section part="panel" role="region" aria-labelledby="reminders-heading" aria-busy=${this.busy ? 'true' : 'false'}>
      ${heading(this.headingLevel, html`${rt('heading', {}, L)}${unread.length ? html`<span class="meta">${rt('unread', { n: unread.length }, L)}</span>` : nothing}`, 'reminders-heading')}
      ${unread.length ? html`<ul>${unread.map((r) => this.#reminder(r))}</ul>` : nothing}
      ${unread.length > 1
        ? html`<div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.#markRead(unread)}>${rt('mark-all', {}, L)}</button></div>`
        : nothing}
      <p id="reminders-status" role="status" aria-live="polite">${this.busy ? rt('busy', {}, L) : this.announcement}</p>
      ${this.failure ? html`<p id="reminders-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${read.length
        ? html`<details class="read-list">
            <summary>${rt('read-list', { n: read.length }, L)}</summary>
            <ul>${read.map((r) => this.#reminder(r))}</ul>
          </details>`
        : nothing}
    </section>`;
  }

  #reminder(r: DeadlineReminder) {
    const L = this.locale;
    const isRead = r.readAt !== null;
    return html`<li part="reminder">
      <p class="subject">${r.subject}</p>
      <p class="meta">${rt('deadline', { date: formatDate(r.deadline, L) }, L)}・<span aria-hidden="true">${isRead ? '✓' : '●'} </span>${rt(isRead ? 'state.read' : 'state.unread', {}, L)}</p>
      <details>
        <summary>${rt('details', {}, L)}</summary>
        <p class="body">${r.body}</p>
      </details>
      ${isRead
        ? nothing
        : html`<div class="actions">
            <button type="button" ?disabled=${this.busy} aria-label=${rt('mark-read.label', { subject: r.subject }, L)} @click=${() => this.#markRead([r])}>${rt('mark-read', {}, L)}</button>
          </div>`}
    </li>`;
  }
}
