// <licheng-schedule> as a widget: one script tag, one element (docs/embedding.md).
import '@licheng/plugin-working-group/web/schedule/schedule.ts';
