import { html, nothing } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles, type FocusMark, type NoticeVariant } from '@licheng/ui';
import type { RecordForm, RecordKindScreen, RecordList, RecordRow, RecordSubmission, RecordWithdrawal } from '@licheng/ui/records';
import '@licheng/ui/records';
import { paths, type Performance, type PerformanceChange, type PerformanceKinds, type PerformanceList } from '../api.ts';
import { t } from '../messages.ts';
import { myPerformancesStyles } from './my-performances.styles.ts';

/**
 * `<licheng-my-performances>` — the student's 多元表現: the ten types' form (the type's
 * national fields, 內容簡述, a document, a media file and an external video link), disabled with
 * the reason while the upload window is shut or the school's yearly cap is reached; and what they
 * entered, by type with its term, status and files, to correct or withdraw. Records an office
 * registered are listed too, without actions. Focus lands on the outcome of every action.
 *
 * @event licheng-performances-changed - A performance was added, corrected or withdrawn; `detail: { id, action }`.
 * @event licheng-token-expired - The token has expired.
 */
export class MyPerformances extends LichengConnectedElement {
  static override styles = [...screenStyles, myPerformancesStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    info: { state: true },
    rows: { state: true },
    kindId: { state: true },
    correcting: { state: true },
    busy: { state: true },
    note: { state: true },
    highlight: { state: true },
  };

  declare headingLevel: number;
  declare info: PerformanceKinds | null;
  declare rows: Performance[] | null;
  declare kindId: string;
  declare correcting: Performance | null;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  declare highlight: Record<string, 'added' | 'changed'>;

  constructor() {
    super();
    this.headingLevel = 2;
    this.info = null;
    this.rows = null;
    this.kindId = '';
    this.correcting = null;
    this.busy = false;
    this.note = { variant: 'info', text: '' };
    this.highlight = {};
  }

  override async load(): Promise<void> {
    try {
      const [info, list] = await Promise.all([this.api.query<PerformanceKinds>(paths.performancesKinds), this.api.query<PerformanceList>(paths.performancesList, { pageSize: 200 })]);
      this.info = info;
      this.rows = list.rows;
      if (!this.kindId) this.kindId = info.kinds[0]?.id ?? '';
    } catch (error) {
      this.rows ??= [];
      this.note = { variant: 'error', text: t('perf.failed', { message: errorText(error) }, this.locale) };
    }
  }

  get #kinds(): RecordKindScreen[] {
    return (this.info?.kinds ?? []) as RecordKindScreen[];
  }

  /** Why a new performance cannot be entered now ('' when it can). */
  get #off(): string {
    const info = this.info;
    if (!info) return '';
    const L = this.locale;
    if (info.window.state !== 'open') return `${t('perf.window-shut', {}, L)}${L === 'en' ? ' ' : ''}${t('window.who-sets', {}, L)}`;
    if (info.upload.cap !== null && info.upload.used >= info.upload.cap) return t('perf.cap-reached', { cap: info.upload.cap }, L);
    return '';
  }

  #label(kind: string): string {
    const k = this.#kinds.find((x) => x.id === kind);
    return k ? (k.label[this.locale] ?? k.label['zh-TW']) : kind;
  }

  /** After an action: the list reloaded, focus on the row it changed, or on the message. */
  async #done(variant: NoticeVariant, text: string, id: string | null, mark?: 'added' | 'changed', since?: FocusMark) {
    this.highlight = id && mark ? { [id]: mark } : {};
    if (variant === 'success') await this.load();
    this.note = { variant, text };
    await this.updateComplete;
    const list = this.renderRoot.querySelector<RecordList>('licheng-record-list');
    if (id && mark && list && (await list.focusRecord(id))) return;
    await focusOutcome(this, '#perf-note', since === undefined ? {} : { since });
  }

  async #submit(event: CustomEvent<RecordSubmission>) {
    if (this.busy) return;
    const submission = event.detail;
    const fixing = this.correcting;
    const kind = fixing?.kind ?? this.kindId;
    const mark = focusMark();
    this.busy = true;
    const L = this.locale;
    try {
      let saved: PerformanceChange;
      if (fixing) {
        saved = await this.api.mutation<PerformanceChange>(paths.performancesCorrect, { id: fixing.id, version: fixing.version, summary: submission.summary, data: { ...submission.data, videoUrl: submission.videoLink || null } });
      } else {
        const form = new FormData();
        form.append('kind', kind);
        form.append('summary', submission.summary);
        form.append('data', JSON.stringify(submission.data));
        if (submission.videoLink) form.append('videoUrl', submission.videoLink);
        if (submission.files.document) form.append('document', submission.files.document);
        if (submission.files.media) form.append('media', submission.files.media);
        saved = await this.api.upload<PerformanceChange>(paths.performancesUpload, form);
      }
      this.renderRoot.querySelector<RecordForm>('licheng-record-form')?.reset();
      this.correcting = null;
      this.emit('licheng-performances-changed', { id: saved.id, action: fixing ? 'correct' : 'enter' });
      this.busy = false;
      await this.#done('success', t(fixing ? 'perf.corrected' : 'perf.entered', { kind: this.#label(kind), summary: submission.summary }, L), saved.id, fixing ? 'changed' : 'added', mark);
    } catch (error) {
      this.busy = false;
      await this.#done('error', t('perf.failed', { message: errorText(error) }, L), null, undefined, mark);
    }
  }

  async #correct(event: CustomEvent<{ record: RecordRow }>) {
    this.correcting = (this.rows ?? []).find((r) => r.id === event.detail.record.id) ?? null;
    if (this.correcting) this.kindId = this.correcting.kind;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<RecordForm>('licheng-record-form');
    await form?.updateComplete;
    form?.shadowRoot?.querySelector<HTMLElement>('input:not([type="radio"]), textarea, select, input:checked')?.focus();
  }

  async #cancel() {
    const id = this.correcting?.id;
    this.correcting = null;
    await this.updateComplete;
    if (id) await this.renderRoot.querySelector<RecordList>('licheng-record-list')?.focusRecord(id);
  }

  async #withdraw(event: CustomEvent<RecordWithdrawal>) {
    const { record, reason } = event.detail;
    const L = this.locale;
    try {
      await this.api.mutation(paths.performancesWithdraw, { id: record.id, version: record.version, reason });
      this.emit('licheng-performances-changed', { id: record.id, action: 'withdraw' });
      await this.#done('success', t('perf.withdrawn', { kind: this.#label(record.kind), summary: record.summary ?? '' }, L), null);
    } catch (error) {
      await this.#done('error', t('perf.failed', { message: errorText(error) }, L), null);
    }
  }

  #form() {
    const L = this.locale;
    const fixing = this.correcting;
    const base = this.#kinds.find((k) => k.id === (fixing?.kind ?? this.kindId));
    if (!base) return nothing;
    // A correction keeps the files sent; only the link can change.
    const kind: RecordKindScreen = fixing ? { ...base, files: { videoLink: true } } : base;
    const h = this.headingLevel + 1;
    return html`<section aria-labelledby="add-heading" class="add">
      ${heading(h, t('perf.add', {}, L), 'add-heading')}
      ${fixing
        ? html`<p class="hint">${t('perf.correcting', {}, L)}</p>`
        : html`<div class="field kind-select">
            <label for="kind">${t('perf.type', {}, L)}</label>
            <select id="kind" @change=${(e: Event) => (this.kindId = (e.target as HTMLSelectElement).value)}>
              ${this.#kinds.map((k) => html`<option value=${k.id} .selected=${k.id === this.kindId}>${k.label[L] ?? k.label['zh-TW']}</option>`)}
            </select>
          </div>`}
      <licheng-record-form
        .locale=${L}
        heading-level=${h + 1}
        .kind=${kind}
        .record=${fixing as RecordRow | null}
        disabled-reason=${fixing ? '' : this.#off}
        ?busy=${this.busy}
        @licheng-record-submit=${this.#submit}
        @licheng-record-cancel=${this.#cancel}
      ></licheng-record-form>
    </section>`;
  }

  override render() {
    const L = this.locale;
    const info = this.info;
    const loading = (info === null || this.rows === null) && this.note.variant !== 'error';
    // The list shows each record's own term; the student is the caller.
    const records = (this.rows ?? []).map(({ student: _student, ...r }) => r) as RecordRow[];
    return html`<section aria-labelledby="perf-heading" aria-busy=${loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, t('perf.heading', {}, L), 'perf-heading')}
      <p class="muted">${t('perf.intro', {}, L)}</p>
      ${info
        ? html`<licheng-window-banner .locale=${L} activity=${t('activity.performance-upload', {}, L)} state=${info.window.state} .start=${info.window.start} .end=${info.window.end}></licheng-window-banner>
            <p class="count" role="status">
              ${info.upload.cap === null
                ? t('perf.count', { year: info.term.academicYear, used: info.upload.used }, L)
                : t('perf.count-cap', { year: info.term.academicYear, used: info.upload.used, cap: info.upload.cap }, L)}
            </p>`
        : nothing}
      <licheng-notice id="perf-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${loading
        ? html`<p>${t('loading', {}, L)}</p>`
        : html`${this.#form()}
            <section aria-labelledby="perf-list-heading">
              ${heading(this.headingLevel + 1, t('perf.list', {}, L), 'perf-list-heading')}
              <licheng-record-list
                .locale=${L}
                actions
                heading-level=${this.headingLevel + 2}
                .kinds=${this.#kinds}
                .records=${records}
                .highlight=${this.highlight}
                @licheng-record-correct=${this.#correct}
                @licheng-record-withdraw=${this.#withdraw}
              ></licheng-record-list>
            </section>`}
    </section>`;
  }
}
