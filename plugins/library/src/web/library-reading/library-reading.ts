import { LibraryReading } from './library-reading.component.ts';

export * from './library-reading.component.ts';

if (!customElements.get('licheng-library-reading')) customElements.define('licheng-library-reading', LibraryReading);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-library-reading': LibraryReading;
  }
}
