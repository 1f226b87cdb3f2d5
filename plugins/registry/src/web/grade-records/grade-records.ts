import { GradeRecords } from './grade-records.component.ts';

export * from './grade-records.component.ts';

if (!customElements.get('licheng-grade-records')) customElements.define('licheng-grade-records', GradeRecords);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-grade-records': GradeRecords;
  }
}
