import { LichengProxies } from './proxies.component.ts';

export * from './proxies.component.ts';

export const PROXIES_TAG = 'licheng-proxies';

if (!customElements.get(PROXIES_TAG)) customElements.define(PROXIES_TAG, LichengProxies);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-proxies': LichengProxies;
  }
}
