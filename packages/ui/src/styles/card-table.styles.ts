import { css } from 'lit';
import { visuallyHiddenRules } from './tokens.styles.ts';

/**
 * Tables that become cards when their screen is narrow (a phone, 200 % zoom, a narrow host):
 * below 40rem of the element's own width each row is a card and each cell shows its column's
 * name — the cell's `data-label` — above its value. The names are decoration (empty alternative
 * text) and the column headers stay, visually hidden, so screen readers keep reading the table's
 * own headers; tables that set role="table"/"row"/"cell" keep their semantics in every browser.
 * The host becomes a size container for this.
 */
export const cardTable = css`
  :host {
    container-type: inline-size;
  }
  @container (max-width: 40rem) {
    .table-wrap {
      overflow-x: visible;
      border: none;
    }
    table,
    caption,
    tbody,
    tr,
    td,
    tbody th {
      display: block;
    }
    caption {
      padding-inline: 0;
    }
    thead {
      display: block;
      ${visuallyHiddenRules}
    }
    tbody tr {
      border: 1px solid var(--_border-subtle);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      margin-block-end: 0.75rem;
    }
    tbody tr > * {
      border: none;
      padding: 0.125rem 0;
      text-align: start;
    }
    td[data-label]::before {
      content: attr(data-label) / '';
      display: block;
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--_muted);
    }
    td,
    th {
      overflow-wrap: anywhere;
    }
  }
`;
