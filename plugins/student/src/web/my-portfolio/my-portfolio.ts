import { MyPortfolio } from './my-portfolio.component.ts';

export * from './my-portfolio.component.ts';

if (!customElements.get('licheng-my-portfolio')) customElements.define('licheng-my-portfolio', MyPortfolio);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-my-portfolio': MyPortfolio;
  }
}
