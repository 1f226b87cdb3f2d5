import { css } from 'lit';

export const fileFieldStyles = css`
  :host {
    display: block;
  }
  .field {
    margin: 0;
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  input[type='file'] {
    padding: 0.375rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type='file']::file-selector-button {
    font: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    padding: 0.25rem 0.75rem;
    margin-inline-end: 0.75rem;
    cursor: pointer;
  }
  .chosen {
    margin: 0;
    font-size: 0.875rem;
  }
`;
