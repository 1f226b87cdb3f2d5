import { StatusBadge } from './status-badge.component.ts';

export * from './status-badge.component.ts';

if (!customElements.get('licheng-status-badge')) customElements.define('licheng-status-badge', StatusBadge);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-status-badge': StatusBadge;
  }
}
