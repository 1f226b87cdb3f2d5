import { css } from 'lit';
import { cardTable, cardTableSideLabels } from '@licheng/ui';

export const proxiesStyles = [
  cardTable,
  cardTableSideLabels,
  css`
    :host {
      display: block;
    }
    ol {
      padding-inline-start: 0;
      list-style: none;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      justify-content: space-between;
      padding-block: 0.375rem;
      border-block-end: 1px solid var(--licheng-color-border, #ccc);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }
    form.add,
    form.staff-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: end;
      margin-block: 1rem;
    }
    form label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      max-width: 100%;
    }
    form .muted,
    form h3,
    form h4 {
      flex-basis: 100%;
      margin: 0;
    }
    select,
    input {
      max-width: 100%;
    }
  `,
];
