import { ReceiptReminder } from './receipt-reminder.component.ts';

export * from './receipt-reminder.component.ts';

export const RECEIPT_REMINDER_TAG = 'licheng-receipt-reminder';

if (!customElements.get(RECEIPT_REMINDER_TAG)) customElements.define(RECEIPT_REMINDER_TAG, ReceiptReminder);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-receipt-reminder': ReceiptReminder;
  }
}
