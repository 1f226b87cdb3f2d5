import { css } from 'lit';

export const rosterImportStyles = css`
  :host {
    display: block;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: flex-end;
    margin-block-end: 1rem;
  }
  .row .field {
    margin: 0;
  }
  details {
    margin-block-end: 1rem;
  }
  summary {
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
    padding: 0.25rem 0;
  }
  details .table-wrap {
    margin-block-start: 0.5rem;
  }
  licheng-file-field {
    margin-block-end: 1rem;
  }
  fieldset {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 0.5rem 1rem 1rem;
    margin: 0 0 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .missing {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.875rem;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  .counts li {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 0.375rem 0.875rem;
    background: var(--_surface);
  }
  .counts strong {
    font-size: 1.125rem;
    margin-inline-start: 0.375rem;
    font-variant-numeric: tabular-nums;
  }
  td.row-no {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .results {
    margin-block-start: 1.25rem;
  }
`;
