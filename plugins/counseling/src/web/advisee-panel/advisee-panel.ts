import { AdviseePanel } from './advisee-panel.component.ts';

export * from './advisee-panel.component.ts';

if (!customElements.get('licheng-advisee-panel')) customElements.define('licheng-advisee-panel', AdviseePanel);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-advisee-panel': AdviseePanel;
  }
}
