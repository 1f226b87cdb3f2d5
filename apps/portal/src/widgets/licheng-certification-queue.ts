// <licheng-certification-queue> as a widget: one script tag, one element (docs/embedding.md).
import '@licheng/plugin-teaching/web/certification-queue/certification-queue.ts';
