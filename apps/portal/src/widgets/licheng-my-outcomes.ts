// <licheng-my-outcomes> as a widget: one script tag, one element (docs/embedding.md).
import '@licheng/plugin-student/web/my-outcomes/my-outcomes.ts';
