// <licheng-outcome-upload> as a widget: one script tag, one element (docs/embedding.md).
import '@licheng/plugin-student/web/outcome-upload/outcome-upload.ts';
