import { css } from 'lit';

export const classProgressStyles = css`
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
`;
