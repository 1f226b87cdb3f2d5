import { OutcomeUpload } from './outcome-upload.component.ts';

export * from './outcome-upload.component.ts';

if (!customElements.get('licheng-outcome-upload')) customElements.define('licheng-outcome-upload', OutcomeUpload);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-outcome-upload': OutcomeUpload;
  }
}
