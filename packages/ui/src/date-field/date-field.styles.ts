import { css } from 'lit';

export const dateFieldStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  /* Spacing around the field is the screen's (give the host class="field"). */
  .field {
    margin: 0;
  }
  input {
    font-variant-numeric: tabular-nums;
  }
  /* The same date in the other calendar, under the input. */
  .reading {
    margin: 0.25rem 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
`;
