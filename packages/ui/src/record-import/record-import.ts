import { RecordImport } from './record-import.component.ts';

export * from './record-import.component.ts';

if (!customElements.get('licheng-record-import')) customElements.define('licheng-record-import', RecordImport);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-record-import': RecordImport;
  }
}
