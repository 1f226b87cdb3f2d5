import { css } from 'lit';

export const outcomeUploadStyles = css`
  :host {
    display: block;
  }
  form {
    max-width: 44rem;
  }
  form + licheng-notice {
    max-width: 44rem;
  }
  select {
    width: 100%;
  }
  .counter {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 700;
  }
  fieldset {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem 0.25rem;
    margin: 0 0 1rem;
    display: grid;
    gap: 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .fixed-course {
    margin: 0 0 1rem;
  }
  .fixed-course .label {
    display: block;
  }
  ul.errors {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  ul.errors a {
    color: inherit;
  }
  .window-shut {
    max-width: 44rem;
    margin: 0 0 1rem;
    font-weight: 600;
  }
  .current-files ul {
    margin: 0.25rem 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  .current-files .label {
    margin: 0;
    font-weight: 600;
  }
`;
