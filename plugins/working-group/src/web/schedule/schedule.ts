import { LichengSchedule } from './schedule.component.ts';

export * from './schedule.component.ts';

export const SCHEDULE_TAG = 'licheng-schedule';

if (!customElements.get(SCHEDULE_TAG)) customElements.define(SCHEDULE_TAG, LichengSchedule);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-schedule': LichengSchedule;
  }
}
