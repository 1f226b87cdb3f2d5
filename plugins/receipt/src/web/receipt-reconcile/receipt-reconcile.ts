import { ReceiptReconcile } from './receipt-reconcile.component.ts';

export * from './receipt-reconcile.component.ts';

if (!customElements.get('licheng-receipt-reconcile')) customElements.define('licheng-receipt-reconcile', ReceiptReconcile);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-receipt-reconcile': ReceiptReconcile;
  }
}
