import { css } from 'lit';

export const recordDeskStyles = css`
  :host {
    display: block;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 1px solid var(--_border-subtle);
    margin-block-end: 1rem;
  }
  .tabs [role='tab'] {
    border-radius: var(--_radius) var(--_radius) 0 0;
    border-block-end: 3px solid transparent;
  }
  .tabs [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_primary);
    font-weight: 600;
  }
  .kind-select {
    max-width: 24rem;
  }
  .desk-actions {
    margin-block-end: 1rem;
  }
  .desk-actions button[aria-expanded='true'] {
    border-color: var(--_primary);
    box-shadow: inset 0 -3px 0 var(--_primary);
  }
  .panel {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 1rem;
    margin-block-end: 1.5rem;
  }
  .panel[hidden] {
    display: none;
  }
  licheng-notice {
    display: block;
    margin-block-end: 1rem;
  }
`;
