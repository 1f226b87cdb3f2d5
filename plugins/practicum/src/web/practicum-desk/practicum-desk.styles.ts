import { css } from 'lit';
import { cardTable } from '@licheng/ui';

/** The desk; its lists and import reports become cards on a narrow screen (cardTable). */
export const practicumDeskStyles = [
  cardTable,
  css`
  :host {
    display: block;
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    border-block-end: 1px solid var(--_border-subtle);
    margin-block-end: 1rem;
  }
  .tabs [role='tab'] {
    border-radius: var(--_radius) var(--_radius) 0 0;
    border-block-end: 3px solid transparent;
  }
  .tabs [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_primary);
    font-weight: 600;
  }
  section {
    margin-block-end: 2rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: 0 1rem;
  }
  .issues td.num {
    white-space: nowrap;
  }
  /* Records just saved or imported: a tinted row, the words 「新增」, and a visible ring when focused. */
  tr.added {
    background: var(--licheng-color-highlight, #fff8d6);
  }
  tr.added:focus-visible,
  tr.added:focus {
    outline: 3px solid var(--_primary);
    outline-offset: -3px;
  }
  .new-mark {
    display: inline-block;
    margin-inline-start: 0.25rem;
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    font-weight: 600;
  }
`,
];
