import { LibraryDesk } from './library-desk.component.ts';

export * from './library-desk.component.ts';

if (!customElements.get('licheng-library-desk')) customElements.define('licheng-library-desk', LibraryDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-library-desk': LibraryDesk;
  }
}
