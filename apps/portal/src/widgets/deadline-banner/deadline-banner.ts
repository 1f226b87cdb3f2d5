import { DeadlineBanner } from './deadline-banner.component.ts';

export * from './deadline-banner.component.ts';

if (!customElements.get('licheng-deadline-banner')) customElements.define('licheng-deadline-banner', DeadlineBanner);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-deadline-banner': DeadlineBanner;
  }
}
