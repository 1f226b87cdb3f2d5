import { PracticumPending } from './practicum-pending.component.ts';

export * from './practicum-pending.component.ts';

if (!customElements.get('licheng-practicum-pending')) customElements.define('licheng-practicum-pending', PracticumPending);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-practicum-pending': PracticumPending;
  }
}
