import { css } from 'lit';

export const rosterExportStyles = css`
  :host {
    display: block;
  }
  form .row {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: flex-start;
  }
  input[type='number'] {
    width: 8rem;
  }
  /* The year-roster hint wraps under its select instead of widening the row. */
  #semester-hint {
    max-width: 18rem;
  }
`;
