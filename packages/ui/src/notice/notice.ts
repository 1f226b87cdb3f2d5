import { Notice } from './notice.component.ts';

export * from './notice.component.ts';

if (!customElements.get('licheng-notice')) customElements.define('licheng-notice', Notice);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-notice': Notice;
  }
}
