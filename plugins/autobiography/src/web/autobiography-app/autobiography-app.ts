import { AutobiographyApp } from './autobiography-app.component.ts';

export * from './autobiography-app.component.ts';

if (!customElements.get('licheng-autobiography-app')) customElements.define('licheng-autobiography-app', AutobiographyApp);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-autobiography-app': AutobiographyApp;
  }
}
