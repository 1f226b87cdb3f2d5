import { FileViewer } from './file-viewer.component.ts';

export * from './file-viewer.component.ts';

if (!customElements.get('licheng-file-viewer')) customElements.define('licheng-file-viewer', FileViewer);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-file-viewer': FileViewer;
  }
}
