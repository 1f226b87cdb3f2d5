import { css } from 'lit';
import { visuallyHiddenRules } from '@licheng/ui';

export const scheduleStyles = css`
  :host {
    display: block;
    --_open-bg: var(--licheng-schedule-open-background, var(--_success-bg));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
    align-items: flex-end;
    margin-block-end: 0.75rem;
  }
  .toolbar .field {
    margin: 0;
  }
  .summary {
    font-weight: 600;
    margin-block-end: 0.5rem;
  }
  .today {
    font-size: 0.875rem;
    margin-block-end: 0.5rem;
  }
  tbody th {
    font-weight: 600;
  }
  /* The self-check date's own label shows only on a card, where no column header is above it. */
  .card-label {
    display: none;
  }
  td.self-check {
    white-space: nowrap;
  }
  tr.open > * {
    background: var(--_open-bg);
  }
  tr.open > th {
    box-shadow: inset 4px 0 0 var(--_success);
  }
  tr.closed > * {
    color: var(--_muted);
  }
  tr.closed > th {
    font-weight: 400;
  }
  td.date {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .badge {
    display: inline-flex;
    gap: 0.25rem;
    align-items: baseline;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.open {
    color: var(--_success);
  }
  .badge.not-yet {
    color: var(--_warning);
  }
  .badge.closed {
    color: var(--_muted);
  }
  .badge.unscheduled {
    color: var(--_info);
  }
  .days {
    display: block;
    font-size: 0.875rem;
  }
  tr.open .days {
    font-weight: 600;
  }
  .sub {
    display: block;
    font-weight: 400;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  :host([compact]) table {
    font-size: 0.875rem;
  }
  :host([compact]) th,
  :host([compact]) td {
    padding: 0.375rem 0.5rem;
  }

  /*
   * A phone or 200 % zoom: each window is a card — the activity, then term, grades, dates and
   * state — so nothing is cut off at the side. The column names stay for
   * screen readers; the dash between the dates is decoration (empty alternative text).
   */
  @media (max-width: 40rem) {
    .table-wrap {
      overflow-x: visible;
    }
    table,
    caption,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      display: block;
      ${visuallyHiddenRules}
    }
    tbody tr {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.125rem 0.75rem;
      padding: 0.5rem 0.75rem;
      border-block-start: 1px solid var(--_border-subtle);
    }
    tr.open {
      background: var(--_open-bg);
      box-shadow: inset 4px 0 0 var(--_success);
    }
    tbody tr > *,
    tbody tr.open > * {
      padding: 0;
      border: none;
      background: none;
      box-shadow: none;
    }
    tbody th {
      flex: 0 0 100%;
    }
    td.date {
      white-space: nowrap;
    }
    td.date + td.date {
      margin-inline-start: -0.5rem;
    }
    td.date + td.date::before {
      content: ' – ' / '';
    }
    td.self-check.none {
      display: none;
    }
    .card-label {
      display: inline;
      margin-inline-end: 0.25rem;
    }
    .days {
      display: inline;
      margin-inline-start: 0.375rem;
    }
  }
`;
