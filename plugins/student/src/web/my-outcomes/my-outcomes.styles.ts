import { css } from 'lit';

export const myOutcomesStyles = css`
  :host {
    display: block;
    container-type: inline-size;
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

  /* Narrow (a phone, a sidebar): each outcome becomes a card with its column names shown. */
  @container (max-width: 40rem) {
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--_border-subtle);
    }
    tbody tr:last-child {
      border-bottom: none;
    }
    td,
    tbody tr:last-child > * {
      border: none;
      padding: 0.25rem 0.875rem;
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--_muted);
    }
    .summary {
      max-width: none;
      min-width: 0;
    }
    .code {
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
`;
