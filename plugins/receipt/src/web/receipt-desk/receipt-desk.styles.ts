import { css } from 'lit';

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
  .table-wrap + .actions {
    margin-block-start: 0.5rem;
  }
`;
