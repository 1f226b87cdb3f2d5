import { ClassProgress } from './class-progress.component.ts';

export * from './class-progress.component.ts';

/** The tag of the class progress element. */
export const CLASS_PROGRESS_TAG = 'licheng-class-progress';

if (!customElements.get(CLASS_PROGRESS_TAG)) customElements.define(CLASS_PROGRESS_TAG, ClassProgress);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-class-progress': ClassProgress;
  }
}
