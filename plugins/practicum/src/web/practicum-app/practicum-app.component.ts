import { html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { screenStyles } from '@licheng/ui';
import '../practicum-desk/practicum-desk.ts';
import '../practicum-mine/practicum-mine.ts';
import '../practicum-pending/practicum-pending.ts';
import { recordPaths, type Me } from '../api.ts';

/**
 * `<licheng-practicum-app>` — the office's whole screen as a single-spa application: practicum
 * staff get `<licheng-practicum-desk>` with `<licheng-practicum-pending>` (certificates students
 * entered, to certify) below it; students get `<licheng-practicum-mine>` (their records), chosen
 * from the roles in `platform.me`.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class PracticumApp extends LichengConnectedElement {
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
      this.roles = (await this.api.query<Me>(recordPaths.me)).user.roles;
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  override render() {
    if (this.failure) return html`<p role="alert" class="error-text">${this.failure}</p>`;
    if (this.roles === null) return nothing;
    const { token, tokenProvider, apiBase, locale } = this;
    const staff = this.roles.includes('practicum-staff');
    return html`${staff
      ? html`<licheng-practicum-desk .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-practicum-desk>
          <licheng-practicum-pending heading-level="2" .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-practicum-pending>`
      : nothing}
    ${this.roles.includes('student') ? html`<licheng-practicum-mine heading-level=${staff ? 2 : 1} .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-practicum-mine>` : nothing}`;
  }
}
