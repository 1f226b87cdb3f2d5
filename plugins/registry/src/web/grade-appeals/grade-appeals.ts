import { GradeAppeals } from './grade-appeals.component.ts';

export * from './grade-appeals.component.ts';

if (!customElements.get('licheng-grade-appeals')) customElements.define('licheng-grade-appeals', GradeAppeals);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-grade-appeals': GradeAppeals;
  }
}
