import { html, nothing } from 'lit';
import { RolesApp } from '@licheng/client';
import { screenStyles } from '@licheng/ui';
import '../practicum-desk/practicum-desk.ts';
import '../practicum-mine/practicum-mine.ts';
import '../practicum-pending/practicum-pending.ts';

/**
 * `<licheng-practicum-app>` — the office's whole screen as a single-spa application: practicum
 * staff get `<licheng-practicum-desk>` with `<licheng-practicum-pending>` (certificates students
 * entered, to certify) below it; students get `<licheng-practicum-mine>` (their records), chosen
 * from the roles in `platform.me`.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class PracticumApp extends RolesApp {
  static override styles = [...screenStyles];

  protected renderFor(roles: readonly string[]) {
    const { token, tokenProvider, apiBase, locale } = this;
    const staff = roles.includes('practicum-staff');
    return html`${staff
      ? html`<licheng-practicum-desk .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-practicum-desk>
          <licheng-practicum-pending heading-level="2" .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-practicum-pending>`
      : nothing}
    ${roles.includes('student') ? html`<licheng-practicum-mine heading-level=${staff ? 2 : 1} .token=${token} .tokenProvider=${tokenProvider} .apiBase=${apiBase} .locale=${locale}></licheng-practicum-mine>` : nothing}`;
  }
}
