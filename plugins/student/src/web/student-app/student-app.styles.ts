import { css } from 'lit';

export const studentAppStyles = css`
  :host {
    display: block;
  }
  header {
    margin-block-end: 1rem;
  }
  nav ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0 0 1.25rem;
    padding: 0 0 0.75rem;
    border-bottom: 1px solid var(--_border-subtle);
  }
  [hidden] {
    display: none !important;
  }
`;
