import { css } from 'lit';

export const performanceSelectionStyles = css`
  .registered {
    margin-block-start: 1.5rem;
  }
  .registered ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .registered li {
    padding: 0.5rem 0;
    border-block-end: 1px solid var(--_border-subtle);
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
  }
  .registered .summary {
    flex-basis: 100%;
  }
  .tag {
    font-size: 0.875rem;
    padding: 0 0.5rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border-subtle);
    background: var(--_surface);
  }
`;
