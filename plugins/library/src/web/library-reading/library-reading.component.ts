import { css, html, nothing } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { officeRecordSource, type RecordDeskSource, type RecordForm, type RecordKindScreen, type RecordList, type RecordSubmission, type RecordWithdrawal } from '@licheng/ui/records';
import '@licheng/ui/records';
import { termOfInstant } from '@licheng/core';
import { paths, readingScreen, type KindView, type ReadingRow } from '../api.ts';
import { t } from '../messages.ts';

/**
 * `<licheng-library-reading>` — a student's own reading records (閱讀紀錄): the form to add one
 * (書名, 作者, 閱讀日期 in 民國, 心得) for this term, and the list of what they entered with its
 * certification (認證中, 通過, 未通過 with the library's reason); 更正 and 撤銷 as the list offers
 * them. After saving, focus lands on the new or corrected row (else on the message).
 *
 * @event licheng-record-changed - A record was added, corrected or withdrawn; `detail: { action, id }`.
 * @event licheng-token-expired - The token has expired.
 */
export class LibraryReading extends LichengConnectedElement {
  static override styles = [...screenStyles, css`:host { display: block; }`];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    kind: { state: true },
    rows: { state: true },
    correcting: { state: true },
    highlight: { state: true },
    busy: { state: true },
    note: { state: true },
  };

  declare headingLevel: number;
  declare kind: RecordKindScreen | null;
  declare rows: ReadingRow[] | null;
  declare correcting: ReadingRow | null;
  declare highlight: Record<string, 'added' | 'changed'>;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  #source: RecordDeskSource | null = null;

  constructor() {
    super();
    this.headingLevel = 1;
    this.kind = null;
    this.rows = null;
    this.correcting = null;
    this.highlight = {};
    this.busy = false;
    this.note = { variant: 'info', text: '' };
  }

  override async load(): Promise<void> {
    try {
      this.#source = officeRecordSource(this.api, 'library');
      const view = (await this.api.query<KindView[]>(paths.kinds)).find((k) => k.id === 'reading');
      this.kind = view ? readingScreen(view) : null;
      await this.#reload();
    } catch (error) {
      this.rows ??= [];
      await this.#say('error', t('failed', { message: errorText(error) }, this.locale));
    }
  }

  async #reload() {
    this.rows = (await this.#source!.list('reading')) as ReadingRow[];
  }

  async #say(variant: NoticeVariant, text: string) {
    this.note = { variant, text };
    await focusOutcome(this, '#reading-note');
  }

  async #submit(event: CustomEvent<RecordSubmission>) {
    if (this.busy || !this.#source) return;
    const fixing = this.correcting;
    const { academicYear, semester } = termOfInstant(new Date())!;
    this.busy = true;
    try {
      const saved = fixing ? await this.#source.correct(fixing, event.detail) : await this.#source.enter('reading', { ...event.detail, academicYear, semester });
      this.renderRoot.querySelector<RecordForm>('licheng-record-form')?.reset();
      this.correcting = null;
      this.highlight = { [saved.id]: fixing ? 'changed' : 'added' };
      this.emit('licheng-record-changed', { action: fixing ? 'correct' : 'enter', id: saved.id });
      await this.#reload();
      this.note = { variant: 'success', text: t(fixing ? 'mine.corrected' : 'mine.added', { title: String(event.detail.data.title ?? '') }, this.locale) };
      await this.updateComplete;
      const shown = await this.renderRoot.querySelector<RecordList>('licheng-record-list')?.focusRecord(saved.id);
      if (!shown) await this.#say('success', this.note.text);
    } catch (error) {
      await this.#say('error', t('failed', { message: errorText(error) }, this.locale));
    } finally {
      this.busy = false;
    }
  }

  async #correct(event: CustomEvent<{ record: ReadingRow }>) {
    this.correcting = event.detail.record;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<RecordForm>('licheng-record-form');
    await form?.updateComplete;
    form?.shadowRoot?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }

  async #withdraw(event: CustomEvent<RecordWithdrawal>) {
    try {
      await this.#source!.withdraw(event.detail.record, event.detail.reason);
      this.emit('licheng-record-changed', { action: 'withdraw', id: event.detail.record.id });
      await this.#reload();
      await this.#say('success', t('mine.withdrawn', { title: String(event.detail.record.data.title ?? '') }, this.locale));
    } catch (error) {
      await this.#say('error', t('failed', { message: errorText(error) }, this.locale));
    }
  }

  override render() {
    const L = this.locale;
    const h = this.headingLevel;
    const { academicYear, semester } = termOfInstant(new Date())!;
    return html`${heading(h, t('mine.heading', {}, L))}
      <p>${t('mine.intro', {}, L)}</p>
      <licheng-notice id="reading-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${this.kind
        ? html`<licheng-record-form
            .locale=${L}
            heading-level=${h + 1}
            .kind=${this.kind}
            .record=${this.correcting}
            default-year=${academicYear}
            default-semester=${semester}
            ?busy=${this.busy}
            @licheng-record-submit=${this.#submit}
            @licheng-record-cancel=${() => (this.correcting = null)}
          ></licheng-record-form>`
        : nothing}
      <section aria-labelledby="mine-list">
        ${heading(h + 1, t('mine.list', {}, L), 'mine-list')}
        ${this.rows === null || !this.kind
          ? html`<p>${t('loading', {}, L)}</p>`
          : html`<licheng-record-list .locale=${L} actions heading-level=${h + 2} .kinds=${[this.kind]} .records=${this.rows} .highlight=${this.highlight} @licheng-record-correct=${this.#correct} @licheng-record-withdraw=${this.#withdraw}></licheng-record-list>`}
      </section>`;
  }
}
