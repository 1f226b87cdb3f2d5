import { css } from 'lit';

export const dateFieldStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    max-width: 14em;
    font-variant-numeric: tabular-nums;
  }
  .reading {
    margin: 0.25rem 0 0;
    color: var(--_muted);
  }
`;
