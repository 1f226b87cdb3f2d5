import { html, nothing } from 'lit';
import { deepActiveElement, LichengElement } from '../base/licheng-element.ts';
import { returnFocus } from '../focus/focus-outcome.ts';
import { t } from '../i18n/messages.ts';
import { controls, focusRing, tokens } from '../styles/tokens.styles.ts';
import { dialogStyles } from './dialog.styles.ts';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native `<dialog>`: the page behind is inert (focus stays inside),
 * Escape cancels, and focus returns to what opened it when the dialog closes (`returnFocus`). `show()` resolves
 * true when confirmed, false when cancelled.
 *
 * Initial focus goes to a slotted element with `autofocus`, else the first slotted control,
 * else the cancel button.
 *
 * @slot - The dialog's content.
 * @event licheng-dialog-confirm - The confirm button was pressed; cancelable: call
 *   `preventDefault()` to keep the dialog open (e.g. a required field is empty).
 * @event licheng-dialog-close - The dialog closed; `detail: { confirmed }`.
 * @csspart dialog - The native dialog.
 * @csspart confirm - The confirm button.
 */
export class Dialog extends LichengElement {
  static override styles = [tokens, focusRing, controls, dialogStyles];
  static override properties = {
    heading: {},
    confirmLabel: { attribute: 'confirm-label' },
    cancelLabel: { attribute: 'cancel-label' },
    tone: {},
    hideConfirm: { type: Boolean, attribute: 'hide-confirm' },
    wide: { type: Boolean },
    busy: { type: Boolean },
    open: { type: Boolean, reflect: true },
  };

  declare heading: string;
  declare confirmLabel: string;
  declare cancelLabel: string;
  /** 'primary' (default) or 'danger' for the confirm button. */
  declare tone: 'primary' | 'danger';
  /** Only a close button (for dialogs that show something). */
  declare hideConfirm: boolean;
  declare wide: boolean;
  /** Disables the buttons while the confirmed action runs. */
  declare busy: boolean;
  declare open: boolean;

  #returnFocus: HTMLElement | null = null;
  #resolve: ((confirmed: boolean) => void) | null = null;

  constructor() {
    super();
    this.heading = '';
    this.confirmLabel = '';
    this.cancelLabel = '';
    this.tone = 'primary';
    this.hideConfirm = false;
    this.wide = false;
    this.busy = false;
    this.open = false;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog; resolves when it closes (true = confirmed). */
  async show(): Promise<boolean> {
    if (this.open && this.#resolve) return new Promise((resolve) => (this.#resolve = resolve));
    this.#returnFocus = deepActiveElement() as HTMLElement | null;
    this.open = true;
    await this.updateComplete;
    const dialog = this.#dialog!;
    if (!dialog.open) dialog.showModal();
    this.#focusInitial();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  /** Closes the dialog, resolving `show()` with `confirmed`. */
  close(confirmed = false): void {
    const dialog = this.#dialog;
    if (dialog?.open) dialog.close();
    this.#finish(confirmed);
  }

  #focusInitial() {
    const slotted = (this.renderRoot.querySelector('slot') as HTMLSlotElement | null)?.assignedElements({ flatten: true }) ?? [];
    const candidates = slotted.flatMap((el) => [el, ...Array.from(el.querySelectorAll('*'))]);
    const auto = candidates.find((el) => el.hasAttribute('autofocus')) as HTMLElement | undefined;
    const first = candidates.find((el) => el.matches(FOCUSABLE)) as HTMLElement | undefined;
    const target = auto ?? first ?? (this.renderRoot.querySelector('button.cancel') as HTMLElement | null);
    target?.focus();
  }

  #finish(confirmed: boolean) {
    if (!this.open) return;
    this.open = false;
    const resolve = this.#resolve;
    this.#resolve = null;
    const back = this.#returnFocus;
    this.#returnFocus = null;
    // Back to what opened the dialog (the focus rule, packages/ui/src/focus).
    returnFocus(back);
    this.emit('licheng-dialog-close', { confirmed });
    resolve?.(confirmed);
  }

  #confirm() {
    if (this.busy) return;
    const go = this.emit('licheng-dialog-confirm', undefined, { cancelable: true });
    if (go) this.close(true);
  }

  #onCancel(event: Event) {
    // Escape: close as cancelled, unless an action is running.
    event.preventDefault();
    if (!this.busy) this.close(false);
  }

  override render() {
    const cancel = this.cancelLabel || t(this.hideConfirm ? 'dialog.close' : 'dialog.cancel', {}, this.locale);
    return html`<dialog part="dialog" class=${this.wide ? 'wide' : ''} aria-labelledby="heading" @cancel=${this.#onCancel} @close=${() => this.#finish(false)}>
      <div class="inner">
        <header>
          <h2 id="heading">${this.heading}</h2>
          <button type="button" class="close" aria-label=${t('dialog.close', {}, this.locale)} ?disabled=${this.busy} @click=${() => this.close(false)}>×</button>
        </header>
        <div class="body"><slot></slot></div>
        <footer>
          <button type="button" class="cancel" ?disabled=${this.busy} @click=${() => this.close(false)}>${cancel}</button>
          ${this.hideConfirm
            ? nothing
            : html`<button type="button" part="confirm" class=${this.tone === 'danger' ? 'danger' : 'primary'} ?disabled=${this.busy} @click=${this.#confirm}>
                ${this.confirmLabel || t('dialog.confirm', {}, this.locale)}
              </button>`}
        </footer>
      </div>
    </dialog>`;
  }
}
