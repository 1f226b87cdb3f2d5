import { LichengSelfCheck } from './self-check.component.ts';

export * from './self-check.component.ts';

if (!customElements.get('licheng-self-check')) customElements.define('licheng-self-check', LichengSelfCheck);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-self-check': LichengSelfCheck;
  }
}
