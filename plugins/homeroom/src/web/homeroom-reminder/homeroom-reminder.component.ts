import { css, html, nothing } from 'lit';
import { LichengConnectedElement, errorText } from '@licheng/client';
import { focusMark, focusOutcome, formatDate, heading, screenStyles } from '@licheng/ui';
import { paths, type MyReminders } from '../api.ts';
import { t } from '../messages.ts';

/**
 * `<licheng-homeroom-reminder>` — what a student sees above every screen after their homeroom
 * teacher (導師) sent a reminder: who sent it and when, what the completeness check found, the
 * teacher's note, and a button to dismiss it. Renders nothing when there is no reminder. A
 * region with a heading, never a modal.
 *
 * @attr heading-level - The level of the reminder's heading (2 by default).
 * @event licheng-token-expired - The token has expired.
 * @csspart panel - The reminder panel.
 */
export class HomeroomReminder extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      .panel {
        border: 2px solid var(--licheng-color-primary, #1f5fa8);
        border-radius: 6px;
        padding: 0.75rem 1rem;
        margin-block-end: 1rem;
        background: var(--licheng-color-surface, #f5f8fc);
      }
      .panel > * {
        margin-block: 0.4rem;
      }
      ul {
        padding-inline-start: 1.25rem;
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    reminders: { state: true },
    busy: { state: true },
    announcement: { state: true },
    failure: { state: true },
  };

  declare headingLevel: number;
  declare reminders: MyReminders;
  declare busy: boolean;
  declare announcement: string;
  declare failure: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.reminders = [];
    this.busy = false;
    this.announcement = '';
    this.failure = '';
  }

  override async load(): Promise<void> {
    try {
      this.reminders = await this.api.query<MyReminders>(paths.mine);
    } catch {
      // A reminder stays silent when it cannot load: the screen below it still works.
      this.reminders = [];
    }
  }

  async #dismiss(id: string) {
    if (this.busy) return;
    this.busy = true;
    this.failure = '';
    const mark = focusMark();
    try {
      await this.api.mutation(paths.dismiss, { id });
      this.reminders = this.reminders.filter((r) => r.id !== id);
      this.announcement = t('notice.dismissed', {}, this.locale);
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#reminder-failure' : this.reminders.length ? '.panel button' : '#reminder-status', { since: mark });
  }

  override render() {
    const L = this.locale;
    const latest = this.reminders[0];
    return html`<p id="reminder-status" class="sr-only" role="status" tabindex="-1">${this.announcement}</p>
      <licheng-notice id="reminder-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${latest
        ? html`<section part="panel" class="panel" aria-labelledby="homeroom-reminder-heading">
            ${heading(this.headingLevel, t('notice.heading', {}, L), 'homeroom-reminder-heading')}
            <p>${t('notice.from', { name: latest.byName, date: formatDate(latest.at.slice(0, 10), L) }, L)}</p>
            ${latest.reasons.length ? html`<ul>${latest.reasons.map((r) => html`<li>${t(`reminder.${r}`, {}, L)}</li>`)}</ul>` : nothing}
            ${latest.note ? html`<p>${t('notice.note', { note: latest.note }, L)}</p>` : nothing}
            <button type="button" ?disabled=${this.busy} @click=${() => this.#dismiss(latest.id)}>${t('notice.dismiss', {}, L)}</button>
          </section>`
        : nothing}`;
  }
}
