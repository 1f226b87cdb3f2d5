import { html, nothing } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import '../dialog/dialog.ts';
import type { Dialog } from '../dialog/dialog.component.ts';
import { t } from '../i18n/messages.ts';
import { controls, focusRing, tokens } from '../styles/tokens.styles.ts';
import { fileViewerStyles } from './file-viewer.styles.ts';
import { withPdfTitle } from './pdf-title.ts';

export interface ViewedFile {
  /** An object URL (or any URL the browser may open). */
  url: string;
  /** MIME type: PDFs, images, audio and video are shown inline. */
  type: string;
  name: string;
}

/** A file given as its bytes: the viewer makes (and on close revokes) its object URL. */
export interface ViewedBlob {
  blob: Blob;
  /** MIME type: PDFs, images, audio and video are shown inline. */
  type: string;
  name: string;
}

/**
 * Shows a file in a modal dialog — PDF in a frame, image, audio or video player — with links
 * to open it in a new tab or download it. Object URLs given to `view()` are revoked on close.
 * A PDF given as bytes is titled with its name first, so the frame, the browser's PDF viewer
 * and a tab opened from the link all name the document, not the object URL's random id.
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

  async view(given: ViewedFile | ViewedBlob): Promise<void> {
    const file = 'blob' in given ? { url: await objectUrl(given), type: given.type, name: given.name } : given;
    this.file = file;
    await this.updateComplete;
    await this.renderRoot.querySelector<Dialog>('licheng-dialog')!.show();
    if (file.url.startsWith('blob:')) URL.revokeObjectURL(file.url);
    if (this.file === file) this.file = null;
  }

  #content(file: ViewedFile) {
    const type = file.type.split(';')[0]!.trim();
    if (isPdf(type)) return html`<iframe class="frame" src=${file.url} title=${file.name}></iframe>`;
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

const isPdf = (type: string) => type.split(';')[0]!.trim() === 'application/pdf';

/** The object URL of a file given as bytes; a PDF carries its name as its document title. */
async function objectUrl(file: ViewedBlob): Promise<string> {
  if (!isPdf(file.type)) return URL.createObjectURL(file.blob);
  const titled = withPdfTitle(new Uint8Array(await file.blob.arrayBuffer()), file.name);
  return URL.createObjectURL(new Blob([titled as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
}
