import { css } from 'lit';

export const recordImportStyles = css`
  :host {
    display: block;
  }
  ol.steps {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
    display: grid;
    gap: 1rem;
  }
  ol.steps > li {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
  }
  ol.steps :is(h3, h4, h5, h6) {
    font-size: 1rem;
    margin-block-end: 0.5rem;
  }
  .disabled-reason {
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-bg);
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
  }
  licheng-upload-progress {
    display: block;
    margin-block-start: 0.75rem;
  }
  licheng-notice {
    display: block;
    margin-block-end: 0.75rem;
  }
  .table-wrap {
    margin-block-end: 1rem;
  }
  .issues td.num {
    white-space: nowrap;
  }
`;
