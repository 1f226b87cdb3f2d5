import { CompetitionsDesk } from './competitions-desk.component.ts';

export * from './competitions-desk.component.ts';

if (!customElements.get('licheng-competitions-desk')) customElements.define('licheng-competitions-desk', CompetitionsDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-competitions-desk': CompetitionsDesk;
  }
}
