import { MyGrades } from './my-grades.component.ts';

export * from './my-grades.component.ts';

if (!customElements.get('licheng-my-grades')) customElements.define('licheng-my-grades', MyGrades);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-my-grades': MyGrades;
  }
}
