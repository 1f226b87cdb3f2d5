import { css } from 'lit';
import { cardTable } from '@licheng/ui';

export const classProgressStyles = [
  cardTable,
  css`
  :host {
    display: block;
  }
  .picker {
    max-width: 16rem;
  }
  .term {
    color: var(--_muted);
    margin-block-end: 0.5rem;
  }
  .summary {
    padding: 0.625rem 0.75rem;
    margin-block-end: 1rem;
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .summary p {
    margin: 0;
  }
  .summary p + p {
    margin-block-start: 0.25rem;
  }
  .summary .flag,
  .reminders li {
    color: var(--_warning);
    font-weight: 600;
  }
  .windows ul {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
  }
  .windows li.closed,
  .windows li.unscheduled {
    color: var(--_muted);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
    justify-content: space-between;
    margin-block-end: 0.5rem;
  }
  .filter {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  .count {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  tr.no-upload {
    background: var(--_warning-bg);
  }
  tbody th {
    font-weight: 600;
    white-space: nowrap;
  }
  ul.reminders {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  /*
   * Narrow (a phone, 200 % zoom): each student is a card (cardTable) — seat, 學號 and name on
   * top, the counts below beside their column names, then the reminders — so 提醒事項 is on the
   * screen without scrolling sideways.
   */
  @container (max-width: 40rem) {
    tbody tr {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1rem;
    }
    tbody tr > * {
      padding: 0;
    }
    tbody th {
      flex: 1 1 auto;
    }
    td[data-label]::before {
      content: attr(data-label) ' ' / '';
      display: inline;
      font-weight: normal;
      font-size: 0.875rem;
    }
    td.stat,
    td.student-no,
    td.seat {
      white-space: nowrap;
    }
    td.reminders-cell,
    td.wrap {
      flex: 1 0 100%;
    }
    td.reminders-cell::before {
      display: block;
    }
  }

  .remind {
    margin-block: 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--licheng-color-border, #c8ced6);
    border-radius: 6px;
  }
  .remind textarea {
    width: 100%;
    max-width: 40rem;
    box-sizing: border-box;
  }
  .remind-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 0.5rem;
  }
  .hint,
  .last-reminder {
    font-size: 0.875rem;
    margin: 0.25rem 0 0;
  }
  td.choose input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .summary .check {
    font-weight: 600;
  }
`,
];
