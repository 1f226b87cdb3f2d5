import { html, nothing } from 'lit';
import { RolesApp } from '@licheng/client';
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
export class AutobiographyApp extends RolesApp {
  static override styles = [...screenStyles];

  protected renderFor(roles: readonly string[]) {
    const { token, tokenProvider, apiBase, locale } = this;
    const checker = roles.includes('homeroom-teacher') || roles.includes('counseling-staff');
    return html`${roles.includes('student')
      ? html`<licheng-autobiography-editor .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-autobiography-editor>`
      : nothing}
    ${checker ? html`<licheng-autobiography-checks .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-autobiography-checks>` : nothing}`;
  }
}
