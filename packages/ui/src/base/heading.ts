import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * A heading of a level chosen at run time, so an embeddable element fits the outline of the
 * page it lands in (`heading-level` attribute). Levels outside 1–6 are clamped.
 */
export function heading(level: number, content: unknown, id?: string): TemplateResult {
  switch (Math.min(6, Math.max(1, Math.round(level)))) {
    case 1:
      return html`<h1 id=${ifDefined(id)}>${content}</h1>`;
    case 2:
      return html`<h2 id=${ifDefined(id)}>${content}</h2>`;
    case 3:
      return html`<h3 id=${ifDefined(id)}>${content}</h3>`;
    case 4:
      return html`<h4 id=${ifDefined(id)}>${content}</h4>`;
    case 5:
      return html`<h5 id=${ifDefined(id)}>${content}</h5>`;
    default:
      return html`<h6 id=${ifDefined(id)}>${content}</h6>`;
  }
}
