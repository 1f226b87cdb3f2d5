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

/**
 * On top of cardTable, for tables with `class="cards"` (the record screens): each column's name
 * sits beside its value (under it when long), a first cell with `class="card-title"` and no
 * data-label heads the card, and cells with `class="blank"` are left out of the card.
 */
export const cardTableSideLabels = css`
  @container (max-width: 40rem) {
    table.cards td[data-label] {
      display: flow-root;
      padding-inline-start: 7.5rem;
    }
    /* A float in the cell's padding: a long name wraps and the cell grows to hold it. */
    table.cards td[data-label]::before {
      content: attr(data-label) ' ' / '';
      float: inline-start;
      width: 7rem;
      margin-inline-start: -7.5rem;
      font-size: 0.875rem;
    }
    table.cards td.blank {
      display: none;
    }
    table.cards tr > td.card-title:first-child {
      font-weight: 600;
      padding-block-end: 0.25rem;
    }
  }
`;
