import { html, nothing } from 'lit';
import { RolesApp } from '@licheng/client';
import { screenStyles } from '@licheng/ui';
import '../receipt-desk/receipt-desk.ts';
import '../receipt-reminder/receipt-reminder.ts';

/**
 * `<licheng-receipt-app>` — the office's whole screen as a single-spa application: registry
 * staff get `<licheng-receipt-desk>`, students `<licheng-receipt-reminder persistent>` (their
 * receipts, what was received, confirm and raise issues), chosen from the roles in `platform.me`.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class ReceiptApp extends RolesApp {
  static override styles = [...screenStyles];

  protected renderFor(roles: readonly string[]) {
    const { token, tokenProvider, apiBase, locale } = this;
    return html`${roles.includes('registry-staff') ? html`<licheng-receipt-desk .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-receipt-desk>` : nothing}
    ${roles.includes('student')
      ? html`<licheng-receipt-reminder persistent heading-level="1" .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-receipt-reminder>`
      : nothing}`;
  }
}
