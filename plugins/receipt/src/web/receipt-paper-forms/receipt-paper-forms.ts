import { ReceiptPaperForms } from './receipt-paper-forms.component.ts';

export * from './receipt-paper-forms.component.ts';

export const RECEIPT_PAPER_FORMS_TAG = 'licheng-receipt-paper-forms';

if (!customElements.get(RECEIPT_PAPER_FORMS_TAG)) customElements.define(RECEIPT_PAPER_FORMS_TAG, ReceiptPaperForms);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-receipt-paper-forms': ReceiptPaperForms;
  }
}
