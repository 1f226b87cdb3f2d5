import { PerformanceSelection } from './performance-selection.component.ts';

export * from './performance-selection.component.ts';

if (!customElements.get('licheng-performance-selection')) customElements.define('licheng-performance-selection', PerformanceSelection);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-performance-selection': PerformanceSelection;
  }
}
