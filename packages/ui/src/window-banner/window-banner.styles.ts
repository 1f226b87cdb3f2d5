import { css } from 'lit';

export const windowBannerStyles = css`
  :host {
    display: block;
  }
  p {
    margin: 0 0 1rem;
    padding: 0.5rem 0.875rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    font-weight: 600;
  }
  .open {
    color: var(--_success);
    background: var(--_success-bg);
  }
  .not-yet,
  .unscheduled {
    color: var(--_info);
    background: var(--_info-bg);
  }
  .closed {
    color: var(--_danger);
    background: var(--_danger-bg);
  }
`;
