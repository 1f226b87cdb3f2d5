import { LichengGroupDashboard } from './group-dashboard.component.ts';

export * from './group-dashboard.component.ts';

if (!customElements.get('licheng-group-dashboard')) customElements.define('licheng-group-dashboard', LichengGroupDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-group-dashboard': LichengGroupDashboard;
  }
}
