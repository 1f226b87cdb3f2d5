import { css } from 'lit';

export const auditTrailStyles = css`
  :host {
    display: block;
  }
  /* Filters in even columns: six across a desktop, one under another on a phone. */
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    align-items: start;
  }
  .filters input[type='text'],
  .filters select {
    width: 100%;
    box-sizing: border-box;
  }
  .count {
    padding: 0.25rem 0;
    font-weight: 600;
  }
  .results {
    margin-block-start: 1.25rem;
  }
  .count:focus,
  .entry:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .entry {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    background: var(--_bg);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    color: var(--_muted);
    font-size: 0.875rem;
    margin: 0 0 0.25rem;
  }
  .meta time {
    font-variant-numeric: tabular-nums;
  }
  h3.action {
    font-size: 1rem;
    margin: 0 0 0.25rem;
  }
  code {
    font-size: 0.8125rem;
    color: var(--_muted);
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .subject {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    margin: 0 0 0.5rem;
  }
  .entity {
    font-weight: 600;
  }
  table th[scope='row'] {
    font-weight: 600;
    white-space: nowrap;
  }
  td.before {
    color: var(--_muted);
  }
  td {
    overflow-wrap: anywhere;
  }
  .entry-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin-block-start: 0.5rem;
  }
  .operation {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
`;
