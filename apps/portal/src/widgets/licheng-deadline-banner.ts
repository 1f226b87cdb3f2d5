// <licheng-deadline-banner> as a widget: one script tag, one element (docs/embedding.md).
import './deadline-banner/deadline-banner.ts';
