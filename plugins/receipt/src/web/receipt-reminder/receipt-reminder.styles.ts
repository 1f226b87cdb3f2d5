import { css } from 'lit';

export const receiptReminderStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  [part='panel'] {
    border: 2px solid var(--licheng-receipt-accent, var(--_primary));
    border-radius: var(--_radius);
    background: var(--licheng-receipt-panel-bg, var(--_bg));
    padding: 1rem 1.25rem;
  }
  .sentence {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  ul.items {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.items > li {
    border-top: 1px solid var(--_border-subtle);
    padding: 0.75rem 0;
  }
  .badge {
    display: inline-block;
    border-radius: 999px;
    padding: 0 0.6em;
    font-size: 0.875rem;
    margin-inline-start: 0.5em;
    background: var(--_surface);
    color: var(--_text);
  }
  .badge.pending {
    background: var(--_info-bg);
    color: var(--_info);
  }
  .badge.confirmed,
  .badge.deemed-confirmed {
    background: var(--_success-bg);
    color: var(--_success);
  }
  .badge.issue {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  dl.fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0.5rem 0;
  }
  dl.fields dt {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  dl.fields dd {
    margin: 0;
  }
  form.issue {
    margin-top: 0.5rem;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
  }

  details[open] + .actions {
    margin-block-start: 0.75rem;
  }
  /* A phone or 200 % zoom: a long code (課程代碼) may break, so the other columns keep their width. */
  @media (max-width: 40rem) {
    td {
      overflow-wrap: anywhere;
    }
  }
  form.issue select {
    max-inline-size: 100%;
  }
  ol.steps {
    margin-block: 0.5rem;
    padding-inline-start: 1.5rem;
  }
  ol.steps li {
    margin-block: 0.25rem;
    overflow-wrap: anywhere;
  }
  ol.steps li.waiting {
    color: var(--_muted, inherit);
  }
`;
