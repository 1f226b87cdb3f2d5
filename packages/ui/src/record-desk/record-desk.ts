import { RecordDesk } from './record-desk.component.ts';

export * from './record-desk.component.ts';

if (!customElements.get('licheng-record-desk')) customElements.define('licheng-record-desk', RecordDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-record-desk': RecordDesk;
  }
}
