import { DateField } from './date-field.component.ts';

export * from './date-field.component.ts';

if (!customElements.get('licheng-date-field')) customElements.define('licheng-date-field', DateField);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-date-field': DateField;
  }
}
