import { css } from 'lit';

export const uploadProgressStyles = css`
  :host {
    display: block;
  }
  .wrap {
    margin-block: 0.5rem;
  }
  .text {
    display: flex;
    justify-content: space-between;
    font-size: 0.875rem;
    margin-block-end: 0.25rem;
  }
  .track {
    height: 0.625rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    overflow: hidden;
  }
  .bar {
    height: 100%;
    background: var(--_primary);
    transition: width 0.2s ease;
  }
  .done .bar {
    background: var(--_success);
  }
  .error .bar {
    background: var(--_danger);
  }
  .announce {
    margin: 0;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .done .announce {
    color: var(--_success);
  }
  .error .announce {
    color: var(--_danger);
  }
`;
