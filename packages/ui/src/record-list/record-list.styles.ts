import { css } from 'lit';

export const recordListStyles = css`
  :host {
    display: block;
  }
  section.kind {
    margin-block-end: 1.5rem;
  }
  td.nowrap {
    white-space: nowrap;
  }
  td.summary {
    min-width: 12rem;
    max-width: 24rem;
  }
  td.row-actions {
    white-space: nowrap;
  }
  button.danger-link {
    color: var(--_danger);
  }
  /* Records just added or corrected: a tinted row, the words 剛新增 / 剛更正, a ring when focused. */
  tr.added,
  tr.changed {
    background: var(--licheng-color-highlight, #fff8d6);
  }
  tr.added:focus,
  tr.changed:focus {
    outline: 3px solid var(--_primary);
    outline-offset: -3px;
  }
  .new-mark {
    display: inline-block;
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .empty {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
  }
  .empty p {
    margin-block-end: 0.5rem;
  }
  @container (max-width: 40rem) {
    td.nowrap,
    td.row-actions {
      white-space: normal;
    }
    td.summary {
      max-width: none;
      min-width: 0;
    }
    table.cards tbody tr.added,
    table.cards tbody tr.changed {
      border-color: var(--_primary);
    }
  }
`;
