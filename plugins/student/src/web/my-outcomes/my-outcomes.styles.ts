import { css } from 'lit';
import { cardTable } from '@licheng/ui';

export const myOutcomesStyles = [
  cardTable,
  css`
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
    white-space: nowrap;
  }
  td.nowrap,
  .course-name {
    white-space: nowrap;
  }
  td.status-cell {
    min-width: 9rem;
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
  .submitted {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .submitted.resubmitted {
    font-weight: 600;
  }
  .decided {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .files button {
    white-space: nowrap;
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

  /* Narrow (a phone, a sidebar): each outcome is a card (cardTable); long words and codes may break. */
  @container (max-width: 40rem) {
    .summary {
      max-width: none;
      min-width: 0;
    }
    .code {
      white-space: normal;
    }
  }
`,
];
