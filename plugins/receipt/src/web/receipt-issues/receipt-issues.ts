import { ReceiptIssues } from './receipt-issues.component.ts';

export * from './receipt-issues.component.ts';

export const RECEIPT_ISSUES_TAG = 'licheng-receipt-issues';

if (!customElements.get(RECEIPT_ISSUES_TAG)) customElements.define(RECEIPT_ISSUES_TAG, ReceiptIssues);

/**
 * `<licheng-receipt-issues-reminder>` — the issues routed to the signed-in teacher or office, above
 * every screen (the manifest's reminder for offices without a receipt desk); nothing while there
 * are none. The same element as `<licheng-receipt-issues quiet>`.
 */
export class ReceiptIssuesReminder extends ReceiptIssues {
  constructor() {
    super();
    this.quiet = true;
  }
}

export const RECEIPT_ISSUES_REMINDER_TAG = 'licheng-receipt-issues-reminder';

if (!customElements.get(RECEIPT_ISSUES_REMINDER_TAG)) customElements.define(RECEIPT_ISSUES_REMINDER_TAG, ReceiptIssuesReminder);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-receipt-issues': ReceiptIssues;
    'licheng-receipt-issues-reminder': ReceiptIssuesReminder;
  }
}
