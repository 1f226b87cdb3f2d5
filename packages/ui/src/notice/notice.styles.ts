import { css } from 'lit';

export const noticeStyles = css`
  :host {
    display: block;
  }
  .box {
    display: flex;
    gap: 0.625rem;
    align-items: flex-start;
    border: 1px solid currentColor;
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    padding: 0.625rem 0.875rem;
    margin-block: 0 1rem;
    color: var(--_info);
    background: var(--_info-bg);
  }
  .box.success {
    color: var(--_success);
    background: var(--_success-bg);
  }
  .box.error {
    color: var(--_danger);
    background: var(--_danger-bg);
  }
  .box.warning {
    color: var(--_warning);
    background: var(--_warning-bg);
  }
  .icon {
    font-weight: 700;
    line-height: 1.6;
  }
  .body {
    flex: 1;
    color: var(--_text);
  }
  .heading {
    display: block;
    font-weight: 700;
    color: inherit;
  }
  .box .heading {
    color: var(--_text);
  }
  button.dismiss {
    font: inherit;
    border: none;
    background: none;
    color: var(--_text);
    cursor: pointer;
    min-width: 2rem;
    min-height: 2rem;
    border-radius: var(--_radius);
    font-size: 1.125rem;
    line-height: 1;
  }
  button.dismiss:hover {
    background: rgb(0 0 0 / 0.06);
  }
  [hidden] {
    display: none !important;
  }
`;
