// <licheng-class-progress> as a widget: one script tag, one element (docs/embedding.md).
import '@licheng/plugin-homeroom/web/class-progress/class-progress.ts';
