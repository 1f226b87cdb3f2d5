import { html, nothing } from 'lit';
import { RolesApp } from '@licheng/client';
import { screenStyles } from '@licheng/ui';

const isStaff = (roles: readonly string[]) => roles.includes('registry-staff') || roles.includes('admin');

/**
 * `<licheng-registry-app>` — the office's whole screen as a single-spa application: registry
 * staff and administrators get `<licheng-registry-desk>`, students `<licheng-my-grades>` (their
 * grades and the grade check), chosen from the roles in `platform.me`. Each is loaded only for
 * the user who gets it: a student does not load the desk, nor the staff the student's screen.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class RegistryApp extends RolesApp {
  static override styles = [...screenStyles];

  protected override loadPartsFor(roles: readonly string[]): Promise<unknown> {
    return Promise.all([isStaff(roles) ? import('../registry-desk/registry-desk.ts') : null, roles.includes('student') ? import('../my-grades/my-grades.ts') : null]);
  }

  protected renderFor(roles: readonly string[]) {
    const { token, tokenProvider, apiBase, locale } = this;
    return html`${isStaff(roles)
      ? html`<licheng-registry-desk .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-registry-desk>`
      : nothing}
    ${roles.includes('student') ? html`<licheng-my-grades heading-level="1" .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-my-grades>` : nothing}`;
  }
}
