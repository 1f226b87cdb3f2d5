import { Portal } from './portal.component.ts';

export * from './portal.component.ts';

if (!customElements.get('licheng-portal')) customElements.define('licheng-portal', Portal);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-portal': Portal;
  }
}
