import { UploadProgress } from './upload-progress.component.ts';

export * from './upload-progress.component.ts';

if (!customElements.get('licheng-upload-progress')) customElements.define('licheng-upload-progress', UploadProgress);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-upload-progress': UploadProgress;
  }
}
