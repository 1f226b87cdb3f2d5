import { WindowBanner } from './window-banner.component.ts';

export * from './window-banner.component.ts';

if (!customElements.get('licheng-window-banner')) customElements.define('licheng-window-banner', WindowBanner);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-window-banner': WindowBanner;
  }
}
