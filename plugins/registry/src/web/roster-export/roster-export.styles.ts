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
  /* A long roster name (English) wraps within the screen instead of widening the form. */
  form .row .field {
    min-width: 0;
    max-width: 100%;
  }
  select {
    max-width: 100%;
  }
  /* The year-roster hint wraps under its select instead of widening the row. */
  #semester-hint {
    max-width: 18rem;
  }
`;
