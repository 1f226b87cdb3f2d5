import { CurriculumDesk } from './curriculum-desk.component.ts';

export * from './curriculum-desk.component.ts';

export const CURRICULUM_DESK_TAG = 'licheng-curriculum-desk';

/** Defines `<licheng-curriculum-desk>` once. */
export function defineCurriculumDesk(): void {
  if (!customElements.get(CURRICULUM_DESK_TAG)) customElements.define(CURRICULUM_DESK_TAG, CurriculumDesk);
}
defineCurriculumDesk();

declare global {
  interface HTMLElementTagNameMap {
    'licheng-curriculum-desk': CurriculumDesk;
  }
}
