import { css } from 'lit';

export const recordFormStyles = css`
  :host {
    display: block;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr));
    gap: 0 1rem;
  }
  .grid .wide,
  .grid fieldset.choice {
    grid-column: 1 / -1;
  }
  fieldset {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem 0.75rem;
    margin: 0 0 1rem;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  fieldset.choice[aria-invalid='true'] {
    box-shadow: none;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  label.option {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 400;
    min-height: 2.25rem;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .with-unit input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .counter {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
    text-align: end;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .disabled-reason {
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-bg);
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
  }
  .files licheng-file-field {
    margin-block-end: 1rem;
  }
  ul.errors {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  ul.errors a {
    color: inherit;
  }
  .fixed .label {
    margin-inline-end: 0.5rem;
  }
  licheng-notice {
    display: block;
    margin-block-end: 0.75rem;
  }
`;
