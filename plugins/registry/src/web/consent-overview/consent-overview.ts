import { ConsentOverview } from './consent-overview.component.ts';

export * from './consent-overview.component.ts';

if (!customElements.get('licheng-consent-overview')) customElements.define('licheng-consent-overview', ConsentOverview);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-consent-overview': ConsentOverview;
  }
}
