import { css, html, nothing } from 'lit';
import { errorText, LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, formatDate, formatDateTime, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { STUDY_PLAN_SECTIONS, studyPlanSectionLabels, type StudyPlanSection } from '@licheng/core';
import { paths, type DocumentDetail, type EssayKind, type EssayLanguage, type Mine, type MineDocument, type StudyPlanSections, type VersionTextView } from '../api.ts';
import { t } from '../messages.ts';

const count = (text: string) => [...text].length;
const emptySections = (): StudyPlanSections => ({ self: '', career: '', goals: '', strengths: '', interests: '' });

/**
 * `<licheng-autobiography-editor>` — the student's 自傳與學習計畫: a tab per document (自傳 / 學習計畫,
 * per language the school keeps), the text (a study plan in its headed sections) with a live
 * character counter against the school's limit, 儲存草稿 (each save a new version), 送出檢核 and
 * 取消送出, the version history (檢視 / 以此版本為新草稿), the status and the checker's comments.
 * What cannot be done now is disabled with the reason shown; focus lands on each outcome.
 *
 * @event licheng-autobiography-changed - A draft was saved, restored, submitted or its submission cancelled; `detail: { kind, language, action }`.
 * @event licheng-token-expired - The token has expired.
 */
export class AutobiographyEditor extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host { display: block; }
      [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 1rem 0; }
      [role='tab'][aria-selected='true'] { font-weight: bold; border-bottom: 3px solid var(--licheng-color-primary, #1d4ed8); }
      textarea { width: 100%; box-sizing: border-box; min-height: 12rem; font: inherit; }
      .section textarea { min-height: 5rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
      .why { color: var(--licheng-color-muted, #555); margin: 0.25rem 0; }
      .over { color: var(--licheng-color-danger, #b91c1c); }
      ol.versions { padding-inline-start: 1.25rem; }
      ol.versions li { margin: 0.5rem 0; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; border: 1px solid #999; padding: 0.5rem; }
      section + section { margin-top: 1.5rem; }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    mine: { state: true },
    current: { state: true },
    detail: { state: true },
    text: { state: true },
    sections: { state: true },
    dirty: { state: true },
    viewing: { state: true },
    busy: { state: true },
    note: { state: true },
  };

  declare headingLevel: number;
  declare mine: Mine | null;
  declare current: { kind: EssayKind; language: EssayLanguage };
  declare detail: DocumentDetail | null;
  declare text: string;
  declare sections: StudyPlanSections;
  /** Whether the editor holds changes not saved as a version. */
  declare dirty: boolean;
  declare viewing: VersionTextView | null;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  #viewOpener: HTMLElement | null = null;

  constructor() {
    super();
    this.headingLevel = 1;
    this.mine = null;
    this.current = { kind: 'autobiography', language: 'zh' };
    this.detail = null;
    this.text = '';
    this.sections = emptySections();
    this.dirty = false;
    this.viewing = null;
    this.busy = false;
    this.note = { variant: 'info', text: '' };
  }

  override async load(): Promise<void> {
    try {
      this.mine = await this.api.query<Mine>(paths.mine);
      await this.#loadDocument();
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    }
  }

  async #loadDocument(keepText = false) {
    this.mine = await this.api.query<Mine>(paths.mine);
    this.detail = await this.api.query<DocumentDetail>(paths.get, this.current);
    if (keepText) return;
    this.text = this.detail.latest?.text ?? '';
    this.sections = this.detail.latest?.sections ?? emptySections();
    this.dirty = false;
    this.viewing = null;
  }

  get #doc(): MineDocument | undefined {
    return this.mine?.documents.find((d) => d.kind === this.current.kind && d.language === this.current.language);
  }

  get #count(): number {
    return this.current.kind === 'study-plan' ? STUDY_PLAN_SECTIONS.reduce((n, s) => n + count(this.sections[s]), 0) : count(this.text);
  }

  get #baseVersion(): number {
    return this.detail?.document?.latestVersion ?? 0;
  }

  /** Why the text cannot be changed now, or null. */
  get #lockedReason(): string | null {
    const L = this.locale;
    const w = this.mine?.window;
    if (w && w.state !== 'open') return t('why.closed', { window: this.#windowText() }, L);
    if (this.detail?.document?.status === 'submitted') return t('why.submitted', {}, L);
    return null;
  }

  #windowText(): string {
    const w = this.mine!.window;
    const L = this.locale;
    const span = w.start ? `${formatDate(w.start, L)} – ${formatDate(w.end, L)}` : '';
    return `${t('activity', {}, L)} ${span}`.trim();
  }

  get #saveReason(): string | null {
    const L = this.locale;
    const max = this.mine?.settings.maxChars ?? 0;
    if (this.#lockedReason) return this.#lockedReason;
    if (this.#count === 0) return t('why.empty', {}, L);
    if (this.#count > max) return t('counter.over', { over: this.#count - max }, L);
    return null;
  }

  get #submitReason(): string | null {
    const L = this.locale;
    if (this.#lockedReason) return this.#lockedReason;
    if (!this.detail?.document) return t('why.empty', {}, L);
    if (this.dirty) return t('why.unsaved', {}, L);
    if (this.detail.document.status === 'passed') return t('why.passed', {}, L);
    if (this.detail.document.status === 'returned' && this.detail.document.submittedVersion === this.detail.document.latestVersion) return t('why.returned', {}, L);
    return null;
  }

  #docLabel(kind: EssayKind, language: EssayLanguage): string {
    const L = this.locale;
    return t('tab', { kind: t(`kind.${kind}`, {}, L), language: t(`lang.${language}`, {}, L) }, L);
  }

  async #select(kind: EssayKind, language: EssayLanguage, focus = true) {
    this.current = { kind, language };
    this.note = { variant: 'info', text: '' };
    try {
      await this.#loadDocument();
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    }
    if (focus) await focusOutcome(this, `#tab-${kind}-${language}`);
  }

  #tabKey(event: KeyboardEvent) {
    const docs = this.mine?.documents ?? [];
    const i = docs.findIndex((d) => d.kind === this.current.kind && d.language === this.current.language);
    const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: docs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const d = docs[(next + docs.length) % docs.length]!;
    void this.#select(d.kind, d.language);
  }

  async #run(action: string, work: () => Promise<string>, target = '#editor-note') {
    if (this.busy) return;
    const mark = focusMark();
    this.busy = true;
    let failed = false;
    try {
      this.note = { variant: 'success', text: await work() };
      this.emit('licheng-autobiography-changed', { ...this.current, action });
    } catch (error) {
      failed = true;
      if (error instanceof LichengApiError && error.code === 'version-conflict') {
        this.note = { variant: 'warning', text: t('conflict', { latest: Number(error.params.latest ?? 0) }, this.locale) };
        await this.#loadDocument(true).catch(() => undefined);
      } else {
        this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
      }
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, failed ? '#editor-note' : target, { since: mark });
  }

  #save() {
    const L = this.locale;
    const input = this.current.kind === 'study-plan' ? { ...this.current, baseVersion: this.#baseVersion, sections: this.sections } : { ...this.current, baseVersion: this.#baseVersion, text: this.text };
    return this.#run('save', async () => {
      const saved = await this.api.mutation<{ version: { number: number; charCount: number } }>(paths.save, input);
      await this.#loadDocument();
      return t('saved', { version: saved.version.number, count: saved.version.charCount }, L);
    });
  }

  #submit() {
    const L = this.locale;
    return this.#run('submit', async () => {
      const sent = await this.api.mutation<{ submittedVersion: number }>(paths.submit, { ...this.current, version: this.#baseVersion });
      await this.#loadDocument();
      return t('submitted.done', { version: sent.submittedVersion, checker: t(`checker.${this.mine!.settings.checker}`, {}, L) }, L);
    });
  }

  #cancel() {
    return this.#run('cancel', async () => {
      await this.api.mutation(paths.cancel, this.current);
      await this.#loadDocument();
      return t('cancelled', {}, this.locale);
    });
  }

  #restore(number: number) {
    return this.#run(
      'restore',
      async () => {
        const saved = await this.api.mutation<{ version: { number: number } }>(paths.restore, { ...this.current, number, baseVersion: this.#baseVersion });
        await this.#loadDocument();
        return t('restored', { from: number, version: saved.version.number }, this.locale);
      },
    );
  }

  async #view(number: number, opener: HTMLElement) {
    this.#viewOpener = opener;
    try {
      this.viewing = await this.api.query<VersionTextView>(paths.version, { ...this.current, number });
      await focusOutcome(this, '#viewing-heading');
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
      await focusOutcome(this, '#editor-note');
    }
  }

  async #closeView() {
    this.viewing = null;
    await this.updateComplete;
    if (this.#viewOpener?.isConnected) this.#viewOpener.focus();
    else await focusOutcome(this, '#versions-heading');
  }

  #why(id: string, reason: string | null) {
    return reason ? html`<p class="why" id=${id}>${reason}</p>` : nothing;
  }

  #editor() {
    const L = this.locale;
    const locked = this.#lockedReason;
    const max = this.mine!.settings.maxChars;
    const n = this.#count;
    const described = locked ? 'counter locked-reason' : 'counter';
    const field = this.current.kind === 'study-plan'
      ? STUDY_PLAN_SECTIONS.map((s: StudyPlanSection) => html`<div class="section">
          <label for="section-${s}">${studyPlanSectionLabels[s][L]}</label>
          <textarea id="section-${s}" aria-describedby=${described} ?disabled=${Boolean(locked)} .value=${this.sections[s]}
            @input=${(e: Event) => { this.sections = { ...this.sections, [s]: (e.target as HTMLTextAreaElement).value }; this.dirty = true; }}></textarea>
        </div>`)
      : html`<label for="essay-text">${t('text', {}, L)}</label>
          <textarea id="essay-text" aria-describedby=${described} ?disabled=${Boolean(locked)} .value=${this.text}
            @input=${(e: Event) => { this.text = (e.target as HTMLTextAreaElement).value; this.dirty = true; }}></textarea>`;
    const saveWhy = this.#saveReason;
    const submitWhy = this.#submitReason;
    const submitted = this.detail?.document?.status === 'submitted';
    return html`${this.#why('locked-reason', locked)} ${field}
      <p id="counter" aria-live="polite" class=${n > max ? 'over' : ''}>${t('counter', { count: n, max }, L)}</p>
      <div class="actions">
        <button type="button" class="primary" id="save" aria-describedby="save-why" ?disabled=${this.busy || Boolean(saveWhy)} @click=${() => this.#save()}>${t('save', {}, L)}</button>
        <button type="button" id="submit" aria-describedby="submit-why" ?disabled=${this.busy || Boolean(submitWhy)} @click=${() => this.#submit()}>${t('submit', {}, L)}</button>
        ${submitted ? html`<button type="button" id="cancel-submit" ?disabled=${this.busy || this.mine!.window.state !== 'open'} @click=${() => this.#cancel()}>${t('cancel-submit', {}, L)}</button>` : nothing}
      </div>
      ${saveWhy && !locked ? html`<p class="why" id="save-why">${t('save', {}, L)}：${saveWhy}</p>` : nothing}
      ${submitWhy && !locked && submitWhy !== saveWhy ? html`<p class="why" id="submit-why">${t('submit', {}, L)}：${submitWhy}</p>` : nothing}`;
  }

  #status() {
    const L = this.locale;
    const doc = this.#doc;
    if (!doc) return nothing;
    const s = doc.standing;
    return html`<p id="status-line">${t('status.line', { status: t(`status.${doc.status}`, {}, L) }, L)}</p>
      ${s
        ? html`<p id="standing">${t(`standing.${s.decision}`, { name: s.decidedByName, at: formatDateTime(s.decidedAt, L), version: s.version, comment: s.comment ?? '' }, L)}</p>`
        : nothing}
      ${doc.status === 'passed' ? html`<p class="why">${t('passed-redo', {}, L)}</p>` : nothing}
`;
  }

  #versions(level: number) {
    const L = this.locale;
    const versions = this.detail?.versions ?? [];
    const restoreWhy = this.#lockedReason ?? (this.dirty ? t('why.restore-unsaved', {}, L) : null);
    return html`<section aria-labelledby="versions-heading">
      ${heading(level, t('versions', {}, L), 'versions-heading')}
      ${versions.length === 0
        ? html`<p>${t('versions.empty', {}, L)}</p>`
        : html`${restoreWhy ? html`<p class="why" id="restore-why">${restoreWhy}</p>` : nothing}
            <ol class="versions" reversed>
              ${versions.map(
                (v) => html`<li id="version-${v.number}">
                  ${t('version.line', { number: v.number, at: formatDateTime(v.savedAt, L), count: v.charCount }, L)}${v.restoredFrom ? t('version.restored', { from: v.restoredFrom }, L) : ''}
                  <div class="actions">
                    <button type="button" aria-label=${t('view.label', { number: v.number }, L)} @click=${(e: Event) => this.#view(v.number, e.currentTarget as HTMLElement)}>${t('view', {}, L)}</button>
                    <button type="button" aria-label=${t('restore.label', { number: v.number }, L)} aria-describedby="restore-why" ?disabled=${this.busy || Boolean(restoreWhy)} @click=${() => this.#restore(v.number)}>${t('restore', {}, L)}</button>
                  </div>
                </li>`,
              )}
            </ol>`}
      ${this.viewing
        ? html`<section aria-labelledby="viewing-heading">
            ${heading(level + 1, t('viewing', { number: this.viewing.number }, L), 'viewing-heading')}
            <pre>${this.viewing.text}</pre>
            <button type="button" @click=${() => this.#closeView()}>${t('close', {}, L)}</button>
          </section>`
        : nothing}
    </section>`;
  }

  #checks(level: number) {
    const L = this.locale;
    const checks = this.detail?.checks ?? [];
    if (checks.length === 0) return nothing;
    return html`<section aria-labelledby="checks-heading">
      ${heading(level, t('checks', {}, L), 'checks-heading')}
      <ul>
        ${checks.map(
          (c) => html`<li>
            ${t('check.line', { version: c.version, decision: t(`status.${c.decision}`, {}, L), name: c.decidedByName, at: formatDateTime(c.decidedAt, L) }, L)}
            ${c.comment ? html`<br />${t('check.comment', { comment: c.comment }, L)}` : nothing}
            ${c.reopenedAt ? html`<br />${t('check.reopened', { reason: c.reopenReason ?? '' }, L)}` : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  override render() {
    const L = this.locale;
    const h = this.headingLevel;
    const note = html`<licheng-notice id="editor-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>`;
    if (!this.mine) return html`${heading(h, t('title', {}, L))} ${note}<p>${t('loading', {}, L)}</p>`;
    const { settings, window, documents } = this.mine;
    const panel = `panel-${this.current.kind}-${this.current.language}`;
    return html`${heading(h, t('title', {}, L))}
      <licheng-window-banner .locale=${L} activity=${t('activity', {}, L)} state=${window.state} .start=${window.start} .end=${window.end}></licheng-window-banner>
      <p>${t('checked-by', { checker: t(`checker.${settings.checker}`, {}, L), max: settings.maxChars }, L)}</p>
      ${note}
      <div role="tablist" aria-label=${t('documents', {}, L)} @keydown=${(e: KeyboardEvent) => this.#tabKey(e)}>
        ${documents.map((d) => {
          const selected = d.kind === this.current.kind && d.language === this.current.language;
          return html`<button type="button" role="tab" id="tab-${d.kind}-${d.language}" aria-selected=${selected ? 'true' : 'false'} aria-controls=${panel} tabindex=${selected ? 0 : -1}
            @click=${() => this.#select(d.kind, d.language)}>${this.#docLabel(d.kind, d.language)}<span class="sr-only">，</span> <small>${t(`status.${d.status}`, {}, L)}</small></button>`;
        })}
      </div>
      <div role="tabpanel" id=${panel} aria-labelledby="tab-${this.current.kind}-${this.current.language}">
        ${heading(h + 1, this.#docLabel(this.current.kind, this.current.language), 'document-heading')}
        ${this.#status()} ${this.detail ? this.#editor() : html`<p>${t('loading', {}, L)}</p>`} ${this.#versions(h + 2)} ${this.#checks(h + 2)}
      </div>`;
  }
}
