import { PortfolioConsent } from './portfolio-consent.component.ts';

export * from './portfolio-consent.component.ts';

if (!customElements.get('licheng-portfolio-consent')) customElements.define('licheng-portfolio-consent', PortfolioConsent);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-portfolio-consent': PortfolioConsent;
  }
}
