import { MyOutcomes } from './my-outcomes.component.ts';

export * from './my-outcomes.component.ts';

if (!customElements.get('licheng-my-outcomes')) customElements.define('licheng-my-outcomes', MyOutcomes);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-my-outcomes': MyOutcomes;
  }
}
