import { css } from 'lit';

export const certificationQueueStyles = css`
  :host {
    display: block;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    padding: 0.625rem 0.75rem;
    margin-block-end: 1rem;
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .bulk .hint {
    flex: 1;
  }
  .group {
    margin-block-end: 1.5rem;
  }
  .group h2 {
    margin-block-end: 0.125rem;
  }
  .group .code {
    color: var(--_muted);
    font-size: 0.8125rem;
    margin: 0 0 0.5rem;
    font-variant-numeric: tabular-nums;
  }
  td.check,
  th.check {
    width: 2.5rem;
    text-align: center;
  }
  .student {
    white-space: nowrap;
    font-weight: 600;
  }
  .summary {
    min-width: 14rem;
    max-width: 30rem;
    white-space: pre-wrap;
  }
  .files button,
  button.reopen {
    white-space: nowrap;
  }
  .files {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
  }
  .row-actions {
    display: flex;
    gap: 0.375rem;
    flex-wrap: wrap;
  }
  .decided,
  .why,
  .reason {
    display: block;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .reason {
    color: var(--_danger);
  }
  .reason.previous {
    color: var(--_muted);
  }
  .why {
    max-width: 14rem;
    margin-block-start: 0.25rem;
  }
  .submitted {
    display: block;
    font-variant-numeric: tabular-nums;
  }
  /* 重新送出: a resubmission after a failure, marked beside its submission time. */
  .resubmitted {
    display: inline-block;
    padding: 0 0.375rem;
    border: 1px solid var(--_info);
    border-radius: var(--_radius);
    font-size: 0.8125rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .about {
    font-weight: 600;
  }
  .reminder {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_info);
    background: var(--_info-bg);
    border-radius: var(--_radius);
  }
  .count {
    margin: 0 0 0.75rem;
    font-weight: 600;
  }
  .status {
    display: block;
  }
  /* Where focus lands after an action (programmatic, so :focus — sighted keyboard users see it too). */
  .status:focus,
  #outcome:focus {
    outline: 3px solid var(--_focus, currentColor);
    outline-offset: 2px;
  }
  .char-count {
    margin: 0.25rem 0 0;
    font-variant-numeric: tabular-nums;
  }
  .char-count.over {
    color: var(--_danger);
    font-weight: 600;
  }
  ul.results {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }

  /*
   * Narrow (a phone, 200 % zoom): each outcome is a card, its
   * cells stacked, so 通過 / 未通過 and the file buttons are on the screen without scrolling
   * sideways. The header row keeps only its select-all checkbox in sight; the column names stay
   * for screen readers.
   */
  @media (max-width: 48rem) {
    .table-wrap {
      overflow-x: visible;
      border: none;
    }
    table,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead tr {
      position: relative;
      display: flex;
      align-items: center;
      padding: 0.25rem 0;
    }
    thead th:not(.check) {
      position: absolute;
      inset-inline-start: 0;
      width: 1px;
      height: 1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    thead th.check {
      background: none;
      border: none;
      padding: 0.25rem 0.75rem;
      width: auto;
    }
    tbody tr {
      position: relative;
      display: grid;
      grid-template-columns: 2.5rem minmax(0, 1fr);
      border: 1px solid var(--_border-subtle);
      border-radius: var(--_radius);
      padding: 0.5rem 0.5rem 0.75rem 0;
      margin-block-end: 0.75rem;
    }
    tbody td {
      grid-column: 2;
      border: none;
      padding: 0.125rem 0.25rem;
    }
    tbody td.check {
      grid-column: 1;
      grid-row: 1 / span 6;
      width: auto;
      padding-block-start: 0.25rem;
    }
    .summary {
      min-width: 0;
      max-width: none;
    }
    .files {
      flex-direction: row;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .row-actions {
      margin-block-start: 0.375rem;
    }
    .row-actions button {
      min-width: 6rem;
    }
  }
`;
