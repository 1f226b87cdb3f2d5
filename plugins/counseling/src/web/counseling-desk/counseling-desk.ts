import { CounselingDesk } from './counseling-desk.component.ts';

export * from './counseling-desk.component.ts';

if (!customElements.get('licheng-counseling-desk')) customElements.define('licheng-counseling-desk', CounselingDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-counseling-desk': CounselingDesk;
  }
}
