import { html, nothing } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import { t } from '../i18n/messages.ts';
import { focusRing, tokens } from '../styles/tokens.styles.ts';
import { noticeStyles } from './notice.styles.ts';

export type NoticeVariant = 'info' | 'success' | 'warning' | 'error';

const ICONS: Record<NoticeVariant, string> = { info: 'ℹ', success: '✓', warning: '!', error: '✕' };

/**
 * A message region that screen readers announce when its text changes: errors assertively
 * (role=alert), everything else politely (role=status). Keep the element on the page and
 * change `message` (or the slotted content); an empty notice shows nothing.
 *
 * @slot - Rich content, shown after `message`.
 * @event licheng-dismiss - The dismiss button was pressed (the notice clears itself).
 * @csspart box - The visible box.
 */
export class Notice extends LichengElement {
  static override styles = [tokens, focusRing, noticeStyles];
  static override properties = {
    variant: { reflect: true },
    heading: {},
    message: {},
    dismissible: { type: Boolean },
    hasSlotted: { state: true },
  };

  declare variant: NoticeVariant;
  declare heading: string;
  declare message: string;
  declare dismissible: boolean;
  declare hasSlotted: boolean;

  constructor() {
    super();
    this.variant = 'info';
    this.heading = '';
    this.message = '';
    this.dismissible = false;
    this.hasSlotted = false;
  }

  /** Shows a message (replacing any shown). */
  show(message: string, variant: NoticeVariant = 'info', heading = ''): void {
    this.variant = variant;
    this.heading = heading;
    this.message = message;
  }

  clear(): void {
    this.message = '';
    this.heading = '';
  }

  #slotChanged(event: Event) {
    const slot = event.target as HTMLSlotElement;
    this.hasSlotted = slot.assignedNodes({ flatten: true }).some((n) => n.nodeType === Node.ELEMENT_NODE || (n.textContent ?? '').trim() !== '');
  }

  #dismiss() {
    this.clear();
    this.emit('licheng-dismiss');
  }

  #content(active: boolean) {
    if (!active) return nothing;
    const visible = Boolean(this.message || this.heading || this.hasSlotted);
    return html`<div part="box" class="box ${this.variant}" ?hidden=${!visible}>
      <span class="icon" aria-hidden="true">${ICONS[this.variant] ?? ICONS.info}</span>
      <div class="body">
        ${this.heading ? html`<strong class="heading">${this.heading}</strong>` : nothing}
        ${this.message ? html`<span>${this.message}</span>` : nothing}
        <slot @slotchange=${this.#slotChanged}></slot>
      </div>
      ${this.dismissible && visible
        ? html`<button class="dismiss" type="button" aria-label=${t('notice.dismiss', {}, this.locale)} @click=${this.#dismiss}>×</button>`
        : nothing}
    </div>`;
  }

  override render() {
    const assertive = this.variant === 'error';
    // Both regions stay in the page so a change of text is announced in either.
    return html`<div role="alert">${this.#content(assertive)}</div>
      <div role="status">${this.#content(!assertive)}</div>`;
  }
}
