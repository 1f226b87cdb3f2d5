import { html, nothing } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import { t } from '../i18n/messages.ts';
import { visuallyHidden, tokens } from '../styles/tokens.styles.ts';
import { uploadProgressStyles } from './upload-progress.styles.ts';

export type UploadState = 'idle' | 'uploading' | 'done' | 'error';

/**
 * Upload progress: a progressbar (role=progressbar, aria-valuenow) while sending, and a
 * polite live region that announces only the end ("上傳完成" or the failure), not every step.
 *
 * @csspart bar - The filled part of the bar.
 */
export class UploadProgress extends LichengElement {
  static override styles = [tokens, visuallyHidden, uploadProgressStyles];
  static override properties = {
    value: { type: Number },
    state: { reflect: true },
    label: {},
    message: {},
  };

  /** Percent sent, 0–100. */
  declare value: number;
  declare state: UploadState;
  /** Accessible name of the bar (default 上傳進度). */
  declare label: string;
  /** Text announced when done or failed (default 上傳完成 / 上傳未完成). */
  declare message: string;

  constructor() {
    super();
    this.value = 0;
    this.state = 'idle';
    this.label = '';
    this.message = '';
  }

  override render() {
    const percent = Math.max(0, Math.min(100, Math.round(this.value)));
    const label = this.label || t('progress.label', {}, this.locale);
    const finished = this.state === 'done' ? this.message || t('progress.done', {}, this.locale) : this.state === 'error' ? this.message || t('progress.failed', {}, this.locale) : '';
    return html`<div class="wrap ${this.state}">
      ${this.state === 'idle'
        ? nothing
        : html`<div class="text" aria-hidden="true"><span>${label}</span><span>${percent}%</span></div>
            <div
              class="track"
              role="progressbar"
              aria-label=${label}
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow=${percent}
              aria-valuetext=${this.state === 'uploading' ? t('progress.uploading', { percent }, this.locale) : finished || `${percent}%`}
            >
              <div class="bar" part="bar" .style=${`width: ${percent}%`}></div>
            </div>`}
      <p class="announce" role="status" aria-live="polite">${finished}</p>
    </div>`;
  }
}
