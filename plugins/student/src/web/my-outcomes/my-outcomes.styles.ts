import { css } from 'lit';

export const myOutcomesStyles = css`
  :host {
    display: block;
  }
  .term + .term {
    margin-block-start: 1.5rem;
  }
  .course-name {
    font-weight: 600;
  }
  .code {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
    word-break: break-all;
  }
  .summary {
    min-width: 12rem;
    max-width: 28rem;
    white-space: pre-wrap;
  }
  .reason {
    display: block;
    margin-block-start: 0.25rem;
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .decided {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .files {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.125rem;
  }
  td.actions-cell {
    white-space: nowrap;
  }
`;
