import { HomeroomReminder } from './homeroom-reminder.component.ts';

export * from './homeroom-reminder.component.ts';

/** The tag of the reminder students see (declared in the office's manifest, ADR 0008). */
export const HOMEROOM_REMINDER_TAG = 'licheng-homeroom-reminder';

if (!customElements.get(HOMEROOM_REMINDER_TAG)) customElements.define(HOMEROOM_REMINDER_TAG, HomeroomReminder);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-homeroom-reminder': HomeroomReminder;
  }
}
