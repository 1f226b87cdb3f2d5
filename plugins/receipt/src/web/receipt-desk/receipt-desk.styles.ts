import { css } from 'lit';
import { visuallyHiddenRules } from '@licheng/ui';

export const receiptDeskStyles = css`
  :host {
    display: block;
  }
  section[part] {
    margin-block: 1.5rem;
  }
  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .password label:not(.inline) {
    display: block;
    font-weight: 600;
  }
  .password input:not([type='checkbox']) {
    inline-size: min(20rem, 100%);
    box-sizing: border-box;
  }
  .password input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .password label.inline {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    margin-inline-start: 0.75rem;
  }
  .ok {
    color: var(--_success);
  }
  form.resolve textarea {
    width: 100%;
    box-sizing: border-box;
  }

  /*
   * Narrow (a phone, 200 % zoom): each open issue is a card, its cells stacked, so 處理 and the
   * resolve form are on the screen without scrolling sideways; the column names stay for
   * screen readers.
   */
  @media (max-width: 40rem) {
    section[part='issues'] .table-wrap {
      overflow-x: visible;
      border: none;
    }
    section[part='issues'] :is(table, caption, thead, tbody, tr, th, td) {
      display: block;
    }
    section[part='issues'] thead tr {
      ${visuallyHiddenRules}
    }
    section[part='issues'] tbody tr {
      border: 1px solid var(--_border-subtle);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      margin-block-end: 0.75rem;
    }
    section[part='issues'] tbody td {
      border: none;
      padding: 0.125rem 0;
    }
    section[part='issues'] tbody td:first-child {
      font-weight: 600;
    }
    section[part='issues'] tbody td:last-child {
      padding-block-start: 0.5rem;
    }
  }

  .table-wrap + .actions {
    margin-block-start: 0.5rem;
  }
`;
