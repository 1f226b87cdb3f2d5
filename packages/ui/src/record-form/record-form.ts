import { RecordForm } from './record-form.component.ts';

export * from './record-form.component.ts';

if (!customElements.get('licheng-record-form')) customElements.define('licheng-record-form', RecordForm);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-record-form': RecordForm;
  }
}
