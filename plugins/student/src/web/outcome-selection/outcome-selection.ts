import { OutcomeSelection } from './outcome-selection.component.ts';

export * from './outcome-selection.component.ts';

if (!customElements.get('licheng-outcome-selection')) customElements.define('licheng-outcome-selection', OutcomeSelection);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-outcome-selection': OutcomeSelection;
  }
}
