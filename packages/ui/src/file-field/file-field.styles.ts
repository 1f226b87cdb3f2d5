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
    gap: 0.5rem 0.75rem;
    align-items: center;
    padding: 0.375rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    position: relative;
  }
  /* The native input: invisible but still there to focus and to receive the file. */
  input.native {
    position: absolute;
    inset: 0;
    width: 1px;
    height: 1px;
    opacity: 0;
    overflow: hidden;
  }
  label.choose {
    font-weight: 400;
    background: var(--_bg);
  }
  input.native:focus-visible + label.choose {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input.native:disabled + label.choose {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input.native[aria-invalid='true'] + label.choose {
    border-color: var(--_danger);
  }
  .name {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .name.chosen {
    color: var(--_text);
  }
`;
