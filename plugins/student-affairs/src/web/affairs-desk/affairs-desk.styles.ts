import { css } from 'lit';

export const affairsDeskStyles = css`
  :host {
    display: block;
  }
  .export {
    margin-block-end: 0.75rem;
  }
  licheng-notice {
    display: block;
    margin-block-end: 1rem;
  }
`;

export const certifyStyles = css`
  :host {
    display: block;
  }
  licheng-notice {
    display: block;
    margin-block: 0.5rem 1rem;
  }
  .summary {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }
  .fields {
    margin: 0;
    display: grid;
    gap: 0.125rem;
  }
  .fields div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .fields dt {
    color: var(--_muted);
  }
  .fields dt::after {
    content: '：';
  }
  .fields dd {
    margin: 0;
  }
  .term {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .row-actions {
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
  }
`;
