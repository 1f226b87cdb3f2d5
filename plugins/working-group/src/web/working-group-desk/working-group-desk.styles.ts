import { css } from 'lit';

export const workingGroupDeskStyles = css`
  :host {
    display: block;
  }
  .panel + .panel {
    margin-block-start: 2rem;
    padding-block-start: 1.5rem;
    border-top: 1px solid var(--_border-subtle);
  }
`;
