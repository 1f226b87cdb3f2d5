import { css } from 'lit';

export const selectionScreenStyles = css`
  :host {
    display: block;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: flex-end;
    margin-block-end: 1rem;
  }
  .toolbar .field {
    margin: 0;
  }
  .count {
    font-size: 1.0625rem;
    font-weight: 700;
    margin: 0;
    padding: 0.375rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    font-variant-numeric: tabular-nums;
  }
  fieldset {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 0.5rem 1rem;
    margin: 0 0 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border-bottom: 1px solid var(--_border-subtle);
  }
  li:last-child {
    border-bottom: none;
  }
  li label {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    align-items: start;
    padding: 0.625rem 0.25rem;
    font-weight: 400;
    cursor: pointer;
  }
  li label input {
    margin-top: 0.2rem;
  }
  .subject {
    font-weight: 600;
  }
  .summary {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  li.disabled label {
    cursor: not-allowed;
  }
`;
