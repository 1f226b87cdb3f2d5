import { AutobiographyEditor } from './autobiography-editor.component.ts';

export * from './autobiography-editor.component.ts';

if (!customElements.get('licheng-autobiography-editor')) customElements.define('licheng-autobiography-editor', AutobiographyEditor);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-autobiography-editor': AutobiographyEditor;
  }
}
