import { html, nothing } from 'lit';
import { RolesApp } from '@licheng/client';
import { screenStyles } from '@licheng/ui';
import '../registry-desk/registry-desk.ts';
import '../my-grades/my-grades.ts';

/**
 * `<licheng-registry-app>` — the office's whole screen as a single-spa application: registry
 * staff and administrators get `<licheng-registry-desk>`, students `<licheng-my-grades>` (their
 * grades and the grade check), chosen from the roles in `platform.me`.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class RegistryApp extends RolesApp {
  static override styles = [...screenStyles];

  protected renderFor(roles: readonly string[]) {
    const { token, tokenProvider, apiBase, locale } = this;
    return html`${roles.includes('registry-staff') || roles.includes('admin')
      ? html`<licheng-registry-desk .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-registry-desk>`
      : nothing}
    ${roles.includes('student') ? html`<licheng-my-grades heading-level="1" .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-my-grades>` : nothing}`;
  }
}
