import { PracticumMine } from './practicum-mine.component.ts';

export * from './practicum-mine.component.ts';

if (!customElements.get('licheng-practicum-mine')) customElements.define('licheng-practicum-mine', PracticumMine);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-practicum-mine': PracticumMine;
  }
}
