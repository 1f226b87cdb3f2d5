import { RegistryApp } from './registry-app.component.ts';

export * from './registry-app.component.ts';

if (!customElements.get('licheng-registry-app')) customElements.define('licheng-registry-app', RegistryApp);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-registry-app': RegistryApp;
  }
}
