import { GroupTrainings } from './group-trainings.component.ts';

export * from './group-trainings.component.ts';

if (!customElements.get('licheng-group-trainings')) customElements.define('licheng-group-trainings', GroupTrainings);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-group-trainings': GroupTrainings;
  }
}
