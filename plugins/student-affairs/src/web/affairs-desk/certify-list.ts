import { CertifyList } from './certify-list.component.ts';

export * from './certify-list.component.ts';

if (!customElements.get('licheng-student-affairs-certify')) customElements.define('licheng-student-affairs-certify', CertifyList);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-student-affairs-certify': CertifyList;
  }
}
