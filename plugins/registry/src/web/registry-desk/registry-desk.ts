import { RegistryDesk } from './registry-desk.component.ts';

export * from './registry-desk.component.ts';

if (!customElements.get('licheng-registry-desk')) customElements.define('licheng-registry-desk', RegistryDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-registry-desk': RegistryDesk;
  }
}
