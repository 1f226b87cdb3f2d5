import { PracticumDesk } from './practicum-desk.component.ts';

export * from './practicum-desk.component.ts';

if (!customElements.get('licheng-practicum-desk')) customElements.define('licheng-practicum-desk', PracticumDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-practicum-desk': PracticumDesk;
  }
}
