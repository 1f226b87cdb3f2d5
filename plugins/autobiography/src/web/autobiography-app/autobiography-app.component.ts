import { html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { screenStyles } from '@licheng/ui';
import '../autobiography-editor/autobiography-editor.ts';
import '../autobiography-checks/autobiography-checks.ts';

/**
 * `<licheng-autobiography-app>` — the office's whole screen as a single-spa application: a student
 * gets `<licheng-autobiography-editor>`, a homeroom teacher or counseling staff
 * `<licheng-autobiography-checks>`, chosen from the roles in `platform.me`.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class AutobiographyApp extends LichengConnectedElement {
  static override styles = [...screenStyles];
  static override properties = { ...LichengConnectedElement.properties, roles: { state: true }, failure: { state: true } };

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
      this.roles = (await this.api.query<{ user: { roles: string[] } }>('platform.me')).user.roles;
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  override render() {
    if (this.failure) return html`<p role="alert" class="error-text">${this.failure}</p>`;
    if (this.roles === null) return nothing;
    const checker = this.roles.includes('homeroom-teacher') || this.roles.includes('counseling-staff');
    return html`${this.roles.includes('student')
      ? html`<licheng-autobiography-editor .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${this.locale}></licheng-autobiography-editor>`
      : nothing}
    ${checker
      ? html`<licheng-autobiography-checks .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${this.locale}></licheng-autobiography-checks>`
      : nothing}`;
  }
}
