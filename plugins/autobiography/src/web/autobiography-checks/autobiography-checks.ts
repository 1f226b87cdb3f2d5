import { AutobiographyChecks } from './autobiography-checks.component.ts';

export * from './autobiography-checks.component.ts';

if (!customElements.get('licheng-autobiography-checks')) customElements.define('licheng-autobiography-checks', AutobiographyChecks);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-autobiography-checks': AutobiographyChecks;
  }
}
