import { css } from 'lit';

export const statusBadgeStyles = css`
  :host {
    display: inline-block;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
    line-height: 1.5;
  }
  .pending {
    color: var(--_warning);
    background: var(--_warning-bg);
  }
  .passed {
    color: var(--_success);
    background: var(--_success-bg);
  }
  .failed {
    color: var(--_danger);
    background: var(--_danger-bg);
  }
  .withdrawn {
    color: var(--_muted);
    background: var(--_surface);
    text-decoration: line-through;
  }
  .icon {
    font-size: 0.8em;
  }
`;
