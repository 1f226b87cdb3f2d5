import { FileField } from './file-field.component.ts';

export * from './file-field.component.ts';

if (!customElements.get('licheng-file-field')) customElements.define('licheng-file-field', FileField);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-file-field': FileField;
  }
}
