import { css } from 'lit';
import { visuallyHiddenRules } from '@licheng/ui';

export const receiptIssuesStyles = css`
  :host {
    display: block;
    /* The list's own width decides the layout: a narrow column of a wide desk gets the cards too. */
    container-type: inline-size;
  }
  form.answer textarea {
    width: 100%;
    box-sizing: border-box;
  }
  form.answer fieldset {
    border: none;
    padding: 0;
    margin-block: 0.5rem;
  }
  form.answer fieldset label {
    display: flex;
    gap: 0.375rem;
    align-items: flex-start;
    margin-block: 0.25rem;
  }
  td p {
    margin-block: 0.125rem;
  }

  /*
   * Narrow (a phone, 200 % zoom): each issue is a card, its cells stacked, so 回覆 and the
   * answer form are on the screen without scrolling sideways; the column names stay for
   * screen readers.
   */
  @container (max-width: 40rem) {
    .table-wrap {
      overflow-x: visible;
      border: none;
    }
    :is(table, caption, thead, tbody, tr, th, td) {
      display: block;
    }
    thead tr {
      ${visuallyHiddenRules}
    }
    tbody tr {
      border: 1px solid var(--_border-subtle);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      margin-block-end: 0.75rem;
    }
    tbody td {
      border: none;
      padding: 0.125rem 0;
    }
    tbody td:first-child {
      font-weight: 600;
    }
    tbody td:last-child {
      padding-block-start: 0.5rem;
    }
  }
`;
