import { StatusChanges } from './status-changes.component.ts';

export * from './status-changes.component.ts';

if (!customElements.get('licheng-status-changes')) customElements.define('licheng-status-changes', StatusChanges);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-status-changes': StatusChanges;
  }
}
