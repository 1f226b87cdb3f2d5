import { ReceiptApp } from './receipt-app.component.ts';

export * from './receipt-app.component.ts';

export const RECEIPT_APP_TAG = 'licheng-receipt-app';

if (!customElements.get(RECEIPT_APP_TAG)) customElements.define(RECEIPT_APP_TAG, ReceiptApp);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-receipt-app': ReceiptApp;
  }
}
