import { MyPerformances } from './my-performances.component.ts';

export * from './my-performances.component.ts';

if (!customElements.get('licheng-my-performances')) customElements.define('licheng-my-performances', MyPerformances);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-my-performances': MyPerformances;
  }
}
