import { css, html } from 'lit';
import { downloadFile, errorText, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { officeRecordSource, type RecordDeskSource, type RecordKindScreen } from '@licheng/ui/records';
import '@licheng/ui/records';
import { exportPath, KIND, paths, type KindView } from '../api.ts';
import { t } from '../messages.ts';

interface Me {
  term: { academicYear: number; semester: 1 | 2 };
}

const screenKind = (k: KindView): RecordKindScreen => ({ id: k.id, label: k.label, fields: k.fields, summary: { max: 100, required: false }, mayEnter: k.mayEnter });

/**
 * `<licheng-competitions-desk>` — 校內競賽: an office registers the results of the in-school
 * competitions it ran (kind competition-in) with `<licheng-record-desk>` — add one, correct or
 * withdraw with a reason, import a list (preview, row-level report, all or nothing) — and
 * exports them. Focus lands on each outcome.
 *
 * @event licheng-token-expired - The token has expired.
 */
export class CompetitionsDesk extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host {
        display: block;
      }
      .intro {
        max-width: 48rem;
      }
      .export {
        margin-block-end: 0.75rem;
      }
      licheng-notice {
        display: block;
        margin-block-end: 1rem;
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    me: { state: true },
    kinds: { state: true },
    note: { state: true },
  };

  declare headingLevel: number;
  declare me: Me | null;
  declare kinds: readonly KindView[] | null;
  declare note: { variant: NoticeVariant; text: string };

  constructor() {
    super();
    this.headingLevel = 1;
    this.me = null;
    this.kinds = null;
    this.note = { variant: 'info', text: '' };
  }

  override async load(): Promise<void> {
    try {
      this.#source = officeRecordSource(this.api, 'competitions', (path, name) => downloadFile(this.api, path, name));
      const [me, kinds] = await Promise.all([this.api.query<Me>(paths.me), this.api.query<KindView[]>(paths.kinds)]);
      this.me = me;
      this.kinds = kinds;
    } catch (error) {
      this.kinds = [];
      this.note = { variant: 'error', text: t('load-failed', { message: errorText(error) }, this.locale) };
    }
  }

  #source: RecordDeskSource | null = null;

  async #export() {
    const L = this.locale;
    try {
      await downloadFile(this.api, exportPath(KIND), `${KIND}.xlsx`);
      this.note = { variant: 'success', text: t('export.done', {}, L) };
    } catch (error) {
      this.note = { variant: 'error', text: t('export.failed', { message: errorText(error) }, L) };
    }
    await focusOutcome(this, '#competitions-note');
  }

  // One template around the heading, whatever is below it: the heading the portal focuses on
  // arrival stays the same element as the desk loads.
  override render() {
    return html`${heading(this.headingLevel, t('title', {}, this.locale), 'competitions-heading')}${this.#body()}`;
  }

  #body() {
    const L = this.locale;
    if (this.kinds === null) return html`<p>${t('loading', {}, L)}</p>`;
    const note = html`<licheng-notice id="competitions-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>`;
    const kinds = this.kinds.filter((k) => k.mayEnter || k.mayCertify).map(screenKind);
    if (!kinds.length) return html`${note}${this.note.text ? '' : html`<p>${t('no-office', {}, L)}</p>`}`;
    return html`<p class="intro">${t('intro', {}, L)}</p>
      ${note}
      <div class="actions export"><button type="button" @click=${this.#export}>${t('export.button', {}, L)}</button></div>
      <licheng-record-desk
        .locale=${L}
        heading=${t('desk', {}, L)}
        heading-level=${this.headingLevel + 1}
        .kinds=${kinds}
        .source=${this.#source}
        .defaultYear=${this.me?.term.academicYear ?? null}
        .defaultSemester=${this.me?.term.semester ?? null}
      ></licheng-record-desk>`;
  }
}
