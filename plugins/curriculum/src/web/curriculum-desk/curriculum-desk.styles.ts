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
