import { LichengDeadlineReminders } from './deadline-reminders.component.ts';

export * from './deadline-reminders.component.ts';

export const DEADLINE_REMINDERS_TAG = 'licheng-deadline-reminders';

if (!customElements.get(DEADLINE_REMINDERS_TAG)) customElements.define(DEADLINE_REMINDERS_TAG, LichengDeadlineReminders);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-deadline-reminders': LichengDeadlineReminders;
  }
}
