import { ReceiptIssues } from './receipt-issues.component.ts';

export * from './receipt-issues.component.ts';

export const RECEIPT_ISSUES_TAG = 'licheng-receipt-issues';

if (!customElements.get(RECEIPT_ISSUES_TAG)) customElements.define(RECEIPT_ISSUES_TAG, ReceiptIssues);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-receipt-issues': ReceiptIssues;
  }
}
