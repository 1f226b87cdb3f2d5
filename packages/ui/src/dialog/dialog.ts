import { Dialog } from './dialog.component.ts';

export * from './dialog.component.ts';

if (!customElements.get('licheng-dialog')) customElements.define('licheng-dialog', Dialog);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-dialog': Dialog;
  }
}
