import { html, nothing } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import { formatBytes } from '../i18n/i18n.ts';
import { t } from '../i18n/messages.ts';
import { controls, focusRing, tokens, visuallyHidden } from '../styles/tokens.styles.ts';
import { fileFieldStyles } from './file-field.styles.ts';

export interface FileChange {
  file: File | null;
  /** Why the file is refused on this side (size or type), or '' when it looks acceptable. */
  error: string;
}

/** Extensions of an `accept` list ('.pdf,.jpg' → ['pdf','jpg']); MIME entries are ignored. */
function extensionsOf(accept: string): string[] {
  return accept
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a.startsWith('.'))
    .map((a) => a.slice(1));
}

/**
 * A labelled file chooser with the limits shown up front and checked as soon as a file is
 * chosen (size, extension). The check is only a hint: the server sniffs and limits again.
 *
 * The native input stays the focusable control (keyboard and screen readers use it as they
 * always do); it is drawn as a button whose text follows `locale` rather than the browser's
 * language.
 *
 * @event licheng-file-change - A file was chosen or removed; `detail: { file, error }`.
 * @csspart input - The native file input (visually hidden).
 * @csspart button - The visible 選擇檔案 button.
 */
export class FileField extends LichengElement {
  static override styles = [tokens, focusRing, controls, visuallyHidden, fileFieldStyles];
  static override properties = {
    label: {},
    hint: {},
    accept: {},
    maxBytes: { type: Number, attribute: 'max-bytes' },
    required: { type: Boolean },
    disabled: { type: Boolean },
    file: { attribute: false },
    error: { state: true },
  };

  declare label: string;
  declare hint: string;
  declare accept: string;
  declare maxBytes: number;
  declare required: boolean;
  declare disabled: boolean;
  declare file: File | null;
  declare error: string;

  constructor() {
    super();
    this.label = '';
    this.hint = '';
    this.accept = '';
    this.maxBytes = 0;
    this.required = false;
    this.disabled = false;
    this.file = null;
    this.error = '';
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  /** Checks a file against the limits; '' when acceptable. */
  check(file: File): string {
    const extensions = extensionsOf(this.accept);
    const extension = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
    if (extensions.length && !extensions.includes(extension)) {
      const allowed = [...new Set(extensions.map((e) => (e === 'jpeg' ? 'jpg' : e)))].map((e) => e.toUpperCase()).join('、');
      return t('file.type-not-allowed', { allowed }, this.locale);
    }
    if (this.maxBytes > 0 && file.size > this.maxBytes) {
      return t('file.too-large', { size: formatBytes(file.size), max: formatBytes(this.maxBytes) }, this.locale);
    }
    return '';
  }

  /** Sets or clears the file (as if chosen), running the check. */
  setFile(file: File | null): void {
    this.file = file;
    this.error = file ? this.check(file) : '';
    if (!file && this.#input) this.#input.value = '';
    this.emit<FileChange>('licheng-file-change', { file, error: this.error });
  }

  clear(): void {
    this.setFile(null);
  }

  override focus(options?: FocusOptions): void {
    this.#input?.focus(options);
  }

  #changed(event: Event) {
    const input = event.target as HTMLInputElement;
    this.setFile(input.files?.[0] ?? null);
  }

  override render() {
    const describedBy = [this.hint ? 'hint' : '', this.file ? 'chosen' : '', this.error ? 'error' : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="input">${this.label}${this.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${this.hint ? html`<p id="hint" class="hint">${this.hint}</p>` : nothing}
      <div class="picker">
        <input
          id="input"
          part="input"
          class="native"
          type="file"
          accept=${this.accept || nothing}
          ?required=${this.required}
          ?disabled=${this.disabled}
          aria-describedby=${describedBy || nothing}
          aria-invalid=${this.error ? 'true' : 'false'}
          @change=${this.#changed}
        />
        <label for="input" class="choose button" part="button" aria-hidden="true">${t('file.choose', {}, this.locale)}</label>
        ${this.file
          ? html`<span class="name chosen" id="chosen">${t('file.chosen', { name: this.file.name, size: formatBytes(this.file.size) }, this.locale)}</span>`
          : html`<span class="name" aria-hidden="true">${t('file.none', {}, this.locale)}</span>`}
        ${this.file
          ? html`<button type="button" class="link" ?disabled=${this.disabled} @click=${() => this.clear()}>
              ${t('file.remove', { label: this.label }, this.locale)}
            </button>`
          : nothing}
      </div>
      ${this.error ? html`<p id="error" class="error-text">${this.error}</p>` : nothing}
    </div>`;
  }
}
