import { ReceiptDesk } from './receipt-desk.component.ts';

export * from './receipt-desk.component.ts';

export const RECEIPT_DESK_TAG = 'licheng-receipt-desk';

if (!customElements.get(RECEIPT_DESK_TAG)) customElements.define(RECEIPT_DESK_TAG, ReceiptDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-receipt-desk': ReceiptDesk;
  }
}
