import { StudentAffairsDesk } from './affairs-desk.component.ts';

export * from './affairs-desk.component.ts';

if (!customElements.get('licheng-student-affairs-desk')) customElements.define('licheng-student-affairs-desk', StudentAffairsDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-student-affairs-desk': StudentAffairsDesk;
  }
}
