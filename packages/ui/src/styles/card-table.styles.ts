import { css } from 'lit';
import { visuallyHiddenRules } from './tokens.styles.ts';

/**
 * A table that becomes a stack of cards when its element is narrower than 48rem (a phone, a
 * sidebar, 200 % zoom): put `class="cards"` on the table and `data-label="<column name>"` on each
 * cell; the host gets `container-type: inline-size` from here. A first cell with
 * `class="card-title"` and no data-label heads the card; cells with `class="blank"` are left
 * out. The names shown beside the values are decoration (empty alternative text): screen
 * readers keep the table's own headers.
 */
export const cardTable = css`
  :host {
    container-type: inline-size;
  }
  @container (max-width: 48rem) {
    .table-wrap:has(table.cards) {
      overflow-x: visible;
      border: none;
    }
    table.cards,
    table.cards caption,
    table.cards tbody,
    table.cards tr,
    table.cards td,
    table.cards tbody th {
      display: block;
    }
    table.cards caption {
      padding-inline: 0;
    }
    table.cards thead {
      display: block;
      ${visuallyHiddenRules}
    }
    table.cards tbody tr {
      border: 1px solid var(--_border-subtle);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      margin-block-end: 0.75rem;
    }
    table.cards tbody tr > * {
      border: none;
      padding: 0.125rem 0;
      text-align: start;
      overflow-wrap: anywhere;
    }
    /* The column's name on the left, the value beside it (and under it when long). */
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
      font-weight: 600;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    /* A card leaves out what is empty; its first cell without a name is the card's title. */
    table.cards td.blank {
      display: none;
    }
    table.cards tr > td.card-title:first-child {
      font-weight: 600;
      padding-block-end: 0.25rem;
    }
  }
`;
