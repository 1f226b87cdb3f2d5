import { css } from 'lit';
import { cardTable } from '@licheng/ui';

export const curriculumDeskStyles = [
  cardTable,
  css`
    :host {
      display: block;
    }
    section[part] {
      margin-block: 1.5rem;
    }
    /* A select sizes itself to its longest option: keep it, and every field, within a 390 px screen. */
    select,
    input {
      max-width: 100%;
      box-sizing: border-box;
    }
    .field {
      min-width: 0;
      max-width: 100%;
    }
    p,
    li {
      overflow-wrap: anywhere;
    }
    .inline {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: end;
    }
    .code {
      font-family: ui-monospace, monospace;
      white-space: nowrap;
    }
    .wrap {
      overflow-wrap: anywhere;
    }
    ul.status {
      padding-inline-start: 1.25rem;
    }
    .ok {
      color: var(--_success);
    }
    .warn {
      color: var(--_danger, #a4262c);
    }
    tr.just-done {
      background: var(--licheng-highlight, #fff6d5);
    }
  `,
];
