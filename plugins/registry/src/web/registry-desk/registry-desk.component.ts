import { html } from 'lit';
import { LichengConnectedElement } from '@licheng/client';
import { deskStyles, heading, screenStyles } from '@licheng/ui';
import { t } from '../messages.ts';

/**
 * The desk's sections, each its own module loaded when the desk connects (ADR 0024: each load
 * within the budget); an element shows once its module has defined it, keeping the properties
 * the desk gave it before.
 */
const SECTIONS = [
  () => import('../roster-import/roster-import.ts'),
  () => import('../roster-export/roster-export.ts'),
  () => import('../grade-records/grade-records.ts'),
  () => import('../status-changes/status-changes.ts'),
  () => import('../grade-appeals/grade-appeals.ts'),
  () => import('../transfer-package/transfer-package.ts'),
  () => import('../consent-overview/consent-overview.ts'),
  () => import('../audit-trail/audit-trail.ts'),
];

/**
 * `<licheng-registry-desk>` — the registry office's (註冊組) whole screen: roster imports,
 * roster exports and the audit trail (稽核紀錄). Composes `<licheng-roster-import>`,
 * `<licheng-roster-export>`, the course records (`<licheng-grade-records>` 成績,
 * `<licheng-status-changes>` 學籍異動, `<licheng-grade-appeals>` 成績複查), the transfer packages
 * (`<licheng-transfer-package>` 轉學資料包), students' consent (`<licheng-consent-overview>` 同意) and
 * `<licheng-audit-trail>`, which pages may also embed one by one.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class RegistryDesk extends LichengConnectedElement {
  static override styles = [...screenStyles, deskStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    for (const load of SECTIONS) void load();
  }

  override render() {
    const L = this.locale;
    return html`${heading(1, t('title', {}, L))}
      <p class="muted">${t('intro', {}, L)}</p>
      <licheng-roster-import class="panel" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-roster-import>
      <licheng-roster-export class="panel" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-roster-export>
      <licheng-grade-records class="panel" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-grade-records>
      <licheng-status-changes class="panel" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-status-changes>
      <licheng-grade-appeals class="panel" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-grade-appeals>
      <licheng-transfer-package class="panel" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-transfer-package>
      <licheng-consent-overview class="panel" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-consent-overview>
      <licheng-audit-trail class="panel" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-audit-trail>`;
  }
}
