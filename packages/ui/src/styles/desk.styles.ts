import { css } from 'lit';

/**
 * An office desk: one screen of sections (`class="panel"`, each an element with its own h2)
 * under the desk's h1, a rule and some room between them.
 */
export const deskStyles = css`
  :host {
    display: block;
  }
  .panel + .panel {
    margin-block-start: 2rem;
    padding-block-start: 1.5rem;
    border-top: 1px solid var(--_border-subtle);
  }
`;
