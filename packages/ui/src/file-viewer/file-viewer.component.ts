import { html, nothing } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import '../dialog/dialog.ts';
import type { Dialog } from '../dialog/dialog.component.ts';
import { t } from '../i18n/messages.ts';
import { controls, focusRing, tokens } from '../styles/tokens.styles.ts';
import { fileViewerStyles } from './file-viewer.styles.ts';

export interface ViewedFile {
  /** An object URL (or any URL the browser may open). */
  url: string;
  /** MIME type: PDFs, images, audio and video are shown inline. */
  type: string;
  name: string;
}

/**
 * Shows a file in a modal dialog — PDF in a frame, image, audio or video player — with links
 * to open it in a new tab or download it. Object URLs given to `view()` are revoked on close.
 *
 * @event licheng-dialog-close - The viewer closed.
 */
export class FileViewer extends LichengElement {
  static override styles = [tokens, focusRing, controls, fileViewerStyles];
  static override properties = { file: { attribute: false } };

  declare file: ViewedFile | null;

  constructor() {
    super();
    this.file = null;
  }

  async view(file: ViewedFile): Promise<void> {
    this.file = file;
    await this.updateComplete;
    await this.renderRoot.querySelector<Dialog>('licheng-dialog')!.show();
    if (file.url.startsWith('blob:')) URL.revokeObjectURL(file.url);
    if (this.file === file) this.file = null;
  }

  #content(file: ViewedFile) {
    const type = file.type.split(';')[0]!.trim();
    if (type === 'application/pdf') return html`<iframe class="frame" src=${file.url} title=${file.name}></iframe>`;
    if (type.startsWith('image/')) return html`<img src=${file.url} alt=${file.name} />`;
    if (type.startsWith('audio/')) return html`<audio controls src=${file.url} aria-label=${file.name}></audio>`;
    if (type.startsWith('video/')) return html`<video controls src=${file.url} aria-label=${file.name}></video>`;
    return html`<p>${t('viewer.unsupported', {}, this.locale)}</p>`;
  }

  override render() {
    const file = this.file;
    return html`<licheng-dialog wide hide-confirm .locale=${this.locale} heading=${file?.name ?? ''}>
      ${file
        ? html`${this.#content(file)}
            <p class="links">
              <a href=${file.url} target="_blank" rel="noopener">${t('viewer.open-tab', {}, this.locale)}</a>
              <a href=${file.url} download=${file.name}>${t('viewer.download', {}, this.locale)}</a>
            </p>`
        : nothing}
    </licheng-dialog>`;
  }
}
