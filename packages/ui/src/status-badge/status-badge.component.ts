import { html } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import { t } from '../i18n/messages.ts';
import { tokens } from '../styles/tokens.styles.ts';
import { statusBadgeStyles } from './status-badge.styles.ts';

export type CertificationStatus = 'pending' | 'passed' | 'failed' | 'withdrawn';

const ICONS: Record<CertificationStatus, string> = { pending: '◔', passed: '✓', failed: '✕', withdrawn: '⊘' };

/**
 * A certification status — 認證中 / 通過 / 未通過, or 已撤銷 for a withdrawn record — shown as
 * words with a shape, never by colour alone.
 *
 * @csspart badge - The badge.
 */
export class StatusBadge extends LichengElement {
  static override styles = [tokens, statusBadgeStyles];
  static override properties = { status: { reflect: true } };

  declare status: CertificationStatus;

  constructor() {
    super();
    this.status = 'pending';
  }

  override render() {
    const status = ICONS[this.status] ? this.status : 'pending';
    return html`<span part="badge" class="badge ${status}"><span class="icon" aria-hidden="true">${ICONS[status]}</span>${t(`status.${status}`, {}, this.locale)}</span>`;
  }
}
