import { GroupEvaluation } from './group-evaluation.component.ts';

export * from './group-evaluation.component.ts';

if (!customElements.get('licheng-group-evaluation')) customElements.define('licheng-group-evaluation', GroupEvaluation);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-group-evaluation': GroupEvaluation;
  }
}
