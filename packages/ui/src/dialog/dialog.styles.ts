import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    padding: 0;
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  dialog.wide {
    width: min(64rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.55);
  }
  .inner {
    display: flex;
    flex-direction: column;
    max-height: calc(100vh - 2rem);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 1rem 1.25rem 0.5rem;
  }
  h2 {
    font-size: 1.1875rem;
    margin: 0;
  }
  .body {
    padding: 0.25rem 1.25rem 1rem;
    overflow: auto;
  }
  footer {
    display: flex;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding: 0.75rem 1.25rem 1rem;
    border-top: 1px solid var(--_border-subtle);
  }
  button.close {
    border: none;
    font-size: 1.25rem;
    min-width: 2.25rem;
  }
`;
