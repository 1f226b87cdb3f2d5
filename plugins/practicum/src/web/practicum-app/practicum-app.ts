import { PracticumApp } from './practicum-app.component.ts';

export * from './practicum-app.component.ts';

if (!customElements.get('licheng-practicum-app')) customElements.define('licheng-practicum-app', PracticumApp);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-practicum-app': PracticumApp;
  }
}
