import { LichengScheduleEditor } from './schedule-editor.component.ts';

export * from './schedule-editor.component.ts';

export const SCHEDULE_EDITOR_TAG = 'licheng-schedule-editor';

if (!customElements.get(SCHEDULE_EDITOR_TAG)) customElements.define(SCHEDULE_EDITOR_TAG, LichengScheduleEditor);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-schedule-editor': LichengScheduleEditor;
  }
}
