import { CertificationQueue } from './certification-queue.component.ts';

export * from './certification-queue.component.ts';

if (!customElements.get('licheng-certification-queue')) customElements.define('licheng-certification-queue', CertificationQueue);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-certification-queue': CertificationQueue;
  }
}
