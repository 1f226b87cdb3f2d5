import { css } from 'lit';

export const myPerformancesStyles = css`
  :host {
    display: block;
  }
  .count {
    font-weight: 700;
    margin-block: 0.5rem 1rem;
    font-variant-numeric: tabular-nums;
  }
  .add {
    margin-block-end: 1.5rem;
  }
  .kind-select select {
    max-width: 100%;
  }
`;
