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
  #semester-hint,
  #batch-hint {
    max-width: 18rem;
  }
`;

/** The 名冊提交 cards: one per roster, actions wrapping at 390 px, long hashes breaking. */
export const rosterSubmissionStyles = css`
  .rosters {
    display: grid;
    gap: 1rem;
  }
  article.roster {
    border: 1px solid var(--licheng-border, #ccc);
    border-radius: 0.5rem;
    padding: 0.75rem 1rem;
    min-width: 0;
  }
  article.roster h3 {
    margin: 0 0 0.5rem;
  }
  article.roster .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  article.roster .sha,
  article.roster li {
    overflow-wrap: anywhere;
  }
  .outcome:focus {
    outline: 2px solid var(--licheng-focus, #1a5fb4);
  }
`;
