import { RecordList } from './record-list.component.ts';

export * from './record-list.component.ts';

if (!customElements.get('licheng-record-list')) customElements.define('licheng-record-list', RecordList);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-record-list': RecordList;
  }
}
