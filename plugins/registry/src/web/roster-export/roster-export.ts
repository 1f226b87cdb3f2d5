import { RosterExport } from './roster-export.component.ts';

export * from './roster-export.component.ts';

if (!customElements.get('licheng-roster-export')) customElements.define('licheng-roster-export', RosterExport);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-roster-export': RosterExport;
  }
}
