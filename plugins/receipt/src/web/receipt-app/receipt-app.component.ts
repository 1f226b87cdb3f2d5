import { html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { screenStyles } from '@licheng/ui';
import '../receipt-desk/receipt-desk.ts';
import '../receipt-reminder/receipt-reminder.ts';
import { paths, type Me } from '../api.ts';

/**
 * `<licheng-receipt-app>` — the office's whole screen as a single-spa application: registry
 * staff get `<licheng-receipt-desk>`, students `<licheng-receipt-reminder persistent>` (their
 * receipts, what was received, confirm and raise issues), chosen from the roles in `platform.me`.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class ReceiptApp extends LichengConnectedElement {
  static override styles = [...screenStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    roles: { state: true },
    failure: { state: true },
  };

  declare roles: string[] | null;
  declare failure: string;

  constructor() {
    super();
    this.roles = null;
    this.failure = '';
  }

  override async load(): Promise<void> {
    this.failure = '';
    try {
      const me = await this.api.query<Me>(paths.me);
      this.roles = me.user.roles;
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  override render() {
    if (this.failure) return html`<p role="alert" class="error-text">${this.failure}</p>`;
    if (this.roles === null) return nothing;
    const connection = { token: this.token, tokenProvider: this.tokenProvider, apiBase: this.apiBase, locale: this.locale };
    return html`${this.roles.includes('registry-staff')
      ? html`<licheng-receipt-desk .token=${connection.token} .tokenProvider=${connection.tokenProvider} .apiBase=${connection.apiBase} .locale=${connection.locale}></licheng-receipt-desk>`
      : nothing}
    ${this.roles.includes('student')
      ? html`<licheng-receipt-reminder persistent heading-level="1" .token=${connection.token} .tokenProvider=${connection.tokenProvider} .apiBase=${connection.apiBase} .locale=${connection.locale}></licheng-receipt-reminder>`
      : nothing}`;
  }
}
