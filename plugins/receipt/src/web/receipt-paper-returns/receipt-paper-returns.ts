import { ReceiptPaperReturns } from './receipt-paper-returns.component.ts';

export * from './receipt-paper-returns.component.ts';

export const RECEIPT_PAPER_RETURNS_TAG = 'licheng-receipt-paper-returns';

if (!customElements.get(RECEIPT_PAPER_RETURNS_TAG)) customElements.define(RECEIPT_PAPER_RETURNS_TAG, ReceiptPaperReturns);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-receipt-paper-returns': ReceiptPaperReturns;
  }
}
