import { css, html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import type { NoticeView } from '../server/procedures/notice-view.ts';

const text = {
  'zh-TW': { heading: '實習處公告', loading: '載入中…', empty: '目前沒有公告', postedBy: '發布' },
  en: { heading: 'Practicum notices', loading: 'Loading…', empty: 'No notices yet', postedBy: 'posted by' },
} as const;

/**
 * `<licheng-practicum-notices>` — the notices of 實習處 (Practicum), newest first.
 * Embeddable on any page: set `token` (or `window.LICHENG_TOKEN`), `api-base`, `limit`.
 *
 * @event licheng-token-expired - from LichengConnectedElement, when the token ran out.
 * @csspart list - the list of notices
 * @csspart notice - one notice
 * @cssprop --licheng-practicum-accent - the colour of notice titles
 */
export class LichengNoticesElement extends LichengConnectedElement {
  static override properties = {
    ...LichengConnectedElement.properties,
    limit: { type: Number },
    notices: { state: true },
    error: { state: true },
  };

  static override styles = css`
    :host { display: block; font: inherit; color: var(--licheng-text, inherit); }
    h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 0.5rem 0; border-bottom: 1px solid var(--licheng-border, #ddd); }
    h3 { font-size: 1rem; margin: 0; color: var(--licheng-practicum-accent, var(--licheng-accent, #1d4ed8)); }
    p { margin: 0.25rem 0; white-space: pre-wrap; }
    small { color: var(--licheng-muted, #555); }
    [role='alert'] { color: var(--licheng-danger, #b91c1c); }
  `;

  declare limit: number;
  declare notices: NoticeView[] | null;
  declare error: string | null;

  constructor() {
    super();
    this.limit = 20;
    this.notices = null;
    this.error = null;
  }

  protected override async load(): Promise<void> {
    this.error = null;
    try {
      this.notices = await this.api.query<NoticeView[]>('practicum.notices.list', { limit: this.limit });
    } catch (error) {
      this.notices = null;
      this.error = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  override render() {
    const t = text[this.locale] ?? text['zh-TW'];
    return html`
      <section aria-labelledby="heading" aria-busy=${this.notices === null && this.error === null ? 'true' : 'false'}>
        <h2 id="heading">${t.heading}</h2>
        ${this.error
          ? html`<p role="alert">${this.error}</p>`
          : this.notices === null
            ? html`<p>${t.loading}</p>`
            : this.notices.length === 0
              ? html`<p>${t.empty}</p>`
              : html`<ul part="list">
                  ${this.notices.map(
                    (n) => html`<li part="notice">
                      <h3>${n.title}</h3>
                      <p>${n.body}</p>
                      <small>${n.postedByName} ${t.postedBy} · <time datetime=${n.postedAt}>${n.postedAt.slice(0, 10)}</time></small>
                    </li>`,
                  )}
                </ul>`}
        ${nothing}
      </section>
    `;
  }
}

export const NOTICES_TAG = 'licheng-practicum-notices';

/** Defines the element once (safe to call from several bundles). */
export function defineNotices(): void {
  if (!customElements.get(NOTICES_TAG)) customElements.define(NOTICES_TAG, LichengNoticesElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'licheng-practicum-notices': LichengNoticesElement;
  }
}
