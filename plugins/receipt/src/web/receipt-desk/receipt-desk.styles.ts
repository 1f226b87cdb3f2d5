import { css } from 'lit';

export const receiptDeskStyles = css`
  :host {
    display: block;
  }
  section[part] {
    margin-block: 1.5rem;
  }
  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .ok {
    color: var(--_success);
  }
  form.resolve textarea {
    width: 100%;
    box-sizing: border-box;
  }
`;
