import { css, html, nothing } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { type RecordForm, type RecordKindScreen, type RecordList as RecordListElement, type RecordRow, type RecordSubmission } from '@licheng/ui/records';
import '@licheng/ui/records';
import { recordPaths as paths, type KindView, type Me, type RecordList } from '../api.ts';
import { t } from '../messages.ts';

const CERTIFICATE = 'skill-certificate';
/** Data only: the generic entry takes no scan (the office's own registration does). */
const screenKind = (k: KindView): RecordKindScreen => ({ id: k.id, label: k.label, fields: k.fields, summary: { max: 100, required: false }, files: false, mayEnter: k.mayEnter });
const what = (row: Pick<RecordRow, 'data'>) => [row.data.name, row.data.level].filter(Boolean).join(' ') || String(row.data.organisation ?? '');

/**
 * `<licheng-practicum-mine>` — a student's 實習處 records: skill certificates, internships and
 * work experience the office recorded, and the certificates the student entered (認證中, 通過,
 * 未通過 with its reason). The student enters a certificate (`practicum.records.enter`, pending
 * until the office certifies it), corrects a pending or failed one and withdraws what they
 * entered. Focus lands on the outcome: the row added or corrected, else the message.
 *
 * @event licheng-token-expired - The token has expired.
 */
export class PracticumMine extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host {
        display: block;
      }
      .intro {
        max-width: 48rem;
      }
      licheng-notice {
        display: block;
        margin-block: 0.5rem 1rem;
      }
      .form {
        margin-block: 1rem;
      }
      .actions {
        margin-block-end: 1rem;
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    me: { state: true },
    kinds: { state: true },
    rows: { state: true },
    open: { state: true },
    correcting: { state: true },
    highlight: { state: true },
    busy: { state: true },
    note: { state: true },
  };

  declare headingLevel: number;
  declare me: Me | null;
  declare kinds: readonly KindView[] | null;
  declare rows: readonly RecordRow[];
  declare open: boolean;
  declare correcting: RecordRow | null;
  declare highlight: Record<string, 'added' | 'changed'>;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };

  constructor() {
    super();
    this.headingLevel = 1;
    this.me = null;
    this.kinds = null;
    this.rows = [];
    this.open = false;
    this.correcting = null;
    this.highlight = {};
    this.busy = false;
    this.note = { variant: 'info', text: '' };
  }

  override async load(): Promise<void> {
    try {
      const [me, kinds, list] = await Promise.all([this.api.query<Me>(paths.me), this.api.query<KindView[]>(paths.kinds), this.api.query<RecordList>(paths.list, { pageSize: 200 })]);
      this.me = me;
      this.kinds = kinds;
      this.rows = list.rows;
    } catch (error) {
      this.kinds = [];
      this.note = { variant: 'error', text: t('mine.load-failed', { message: errorText(error) }, this.locale) };
    }
  }

  get #certificate(): RecordKindScreen | null {
    const kind = this.kinds?.find((k) => k.id === CERTIFICATE);
    return kind ? screenKind(kind) : null;
  }

  async #say(variant: NoticeVariant, text: string) {
    this.note = { variant, text };
    await focusOutcome(this, '#mine-note');
  }

  async #submit(event: CustomEvent<RecordSubmission>) {
    if (this.busy || !this.me) return;
    const fixing = this.correcting;
    const s = event.detail;
    this.busy = true;
    try {
      const saved = fixing
        ? await this.api.mutation<{ id: string }>(paths.correct, { id: fixing.id, version: fixing.version, summary: s.summary, data: s.data, ...(s.reason ? { reason: s.reason } : {}) })
        : await this.api.mutation<{ id: string }>(paths.enter, { kind: CERTIFICATE, academicYear: this.me.term.academicYear, semester: this.me.term.semester, summary: s.summary, data: s.data });
      this.renderRoot.querySelector<RecordForm>('licheng-record-form')?.reset();
      this.correcting = null;
      this.open = false;
      this.highlight = { [saved.id]: fixing ? 'changed' : 'added' };
      this.note = { variant: 'success', text: t(fixing ? 'mine.corrected' : 'mine.entered', { what: what(s) }, this.locale) };
      this.rows = (await this.api.query<RecordList>(paths.list, { pageSize: 200 })).rows;
      await this.updateComplete;
      const shown = await this.renderRoot.querySelector<RecordListElement>('licheng-record-list')?.focusRecord(saved.id);
      if (!shown) await focusOutcome(this, '#mine-note');
    } catch (error) {
      await this.#say('error', t('mine.failed', { message: errorText(error) }, this.locale));
    } finally {
      this.busy = false;
    }
  }

  async #correct(event: CustomEvent<{ record: RecordRow }>) {
    this.correcting = event.detail.record;
    this.open = true;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<RecordForm>('licheng-record-form');
    await form?.updateComplete;
    form?.shadowRoot?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }

  async #withdraw(event: CustomEvent<{ record: RecordRow; reason: string }>) {
    const { record, reason } = event.detail;
    try {
      await this.api.mutation(paths.withdraw, { id: record.id, version: record.version, reason });
      this.rows = (await this.api.query<RecordList>(paths.list, { pageSize: 200 })).rows;
      await this.#say('success', t('mine.withdrawn', { what: what(record) }, this.locale));
    } catch (error) {
      await this.#say('error', t('mine.failed', { message: errorText(error) }, this.locale));
    }
  }

  async #toggle() {
    this.open = !this.open;
    this.correcting = null;
    await this.updateComplete;
    if (this.open) this.renderRoot.querySelector<RecordForm>('licheng-record-form')?.shadowRoot?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }

  /** What failed and why: the office's reason is what the student must fix. */
  #failures() {
    const L = this.locale;
    const failed = this.rows.filter((r) => r.status === 'failed');
    if (!failed.length) return nothing;
    return html`<section class="failures" aria-labelledby="failures-heading">
      ${heading(this.headingLevel + 1, t('mine.failures', { count: failed.length }, L), 'failures-heading')}
      <ul>
        ${failed.map((r) => html`<li>${t('mine.failure', { what: what(r), reason: r.statusReason ?? '' }, L)}</li>`)}
      </ul>
    </section>`;
  }

  override render() {
    const L = this.locale;
    const head = heading(this.headingLevel, t('mine.title', {}, L), 'mine-heading');
    if (this.kinds === null) return html`${head}<p>${t('import.busy', {}, L)}</p>`;
    const kinds = this.kinds.map(screenKind);
    const certificate = this.#certificate;
    const blocked = certificate && !certificate.mayEnter ? t('mine.not-enterer', {}, L) : '';
    return html`${head}
      <p class="intro">${t('mine.intro', {}, L)}</p>
      <licheng-notice id="mine-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${certificate
        ? html`<div class="actions">
            <button type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="mine-form" ?disabled=${Boolean(blocked)} aria-describedby=${blocked ? 'mine-blocked' : nothing} @click=${this.#toggle}>
              ${t(this.open ? 'mine.add-close' : 'mine.add', {}, L)}
            </button>
            ${blocked ? html`<p id="mine-blocked" class="hint">${blocked}</p>` : nothing}
          </div>`
        : nothing}
      <div id="mine-form" class="form" ?hidden=${!this.open}>
        ${this.open && certificate
          ? html`${heading(this.headingLevel + 1, this.correcting ? t('mine.correct-heading', { what: what(this.correcting) }, L) : t('mine.form-heading', {}, L), 'mine-form-heading')}
              <licheng-record-form
                .locale=${L}
                .kind=${certificate}
                .record=${this.correcting}
                ?busy=${this.busy}
                @licheng-record-submit=${this.#submit}
                @licheng-record-cancel=${() => this.#toggle()}
              ></licheng-record-form>`
          : nothing}
      </div>
      ${this.#failures()}
      <licheng-record-list
        .locale=${L}
        actions
        heading-level=${this.headingLevel + 1}
        .kinds=${kinds}
        .records=${this.rows}
        .highlight=${this.highlight}
        @licheng-record-correct=${this.#correct}
        @licheng-record-withdraw=${this.#withdraw}
      ></licheng-record-list>`;
  }
}
