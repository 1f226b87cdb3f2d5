import { AuditTrail } from './audit-trail.component.ts';

export * from './audit-trail.component.ts';

if (!customElements.get('licheng-audit-trail')) customElements.define('licheng-audit-trail', AuditTrail);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-audit-trail': AuditTrail;
  }
}
