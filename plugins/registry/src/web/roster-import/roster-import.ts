import { RosterImport } from './roster-import.component.ts';

export * from './roster-import.component.ts';

if (!customElements.get('licheng-roster-import')) customElements.define('licheng-roster-import', RosterImport);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-roster-import': RosterImport;
  }
}
