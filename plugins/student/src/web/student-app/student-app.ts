import { StudentApp } from './student-app.component.ts';

export * from './student-app.component.ts';

if (!customElements.get('licheng-student-app')) customElements.define('licheng-student-app', StudentApp);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-student-app': StudentApp;
  }
}
