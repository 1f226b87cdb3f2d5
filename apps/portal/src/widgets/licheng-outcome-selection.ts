// <licheng-outcome-selection> as a widget: one script tag, one element (docs/embedding.md).
import '@licheng/plugin-student/web/outcome-selection/outcome-selection.ts';
