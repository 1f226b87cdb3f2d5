import { WorkingGroupDesk } from './working-group-desk.component.ts';

export * from './working-group-desk.component.ts';

export const WORKING_GROUP_DESK_TAG = 'licheng-working-group-desk';

if (!customElements.get(WORKING_GROUP_DESK_TAG)) customElements.define(WORKING_GROUP_DESK_TAG, WorkingGroupDesk);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-working-group-desk': WorkingGroupDesk;
  }
}
