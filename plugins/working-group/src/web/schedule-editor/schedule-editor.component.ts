import { html, nothing } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles, cardTable, cardTableSideLabels } from '@licheng/ui';
import { activityText, dateText, gradesText, scopeText, semesterText } from '../../schedule-text.ts';
import { windowWords } from './window-words.ts';
import { removedList, yearPicker } from './window-lists.ts';
import { editorPaths, type EditorSchedule, type ScheduleLoad, type StoredWindowView } from '../api.ts';
import { t } from '../messages.ts';
import { loadView } from './load-view.ts';
import { scheduleEditorStyles } from './schedule-editor.styles.ts';
import { draftOf, emptyDraft, hasEnd, saveInputOf, windowInputOf, type WindowDraft } from './window-draft.ts';

/** The draft's fields the load depends on (the qualifier, self-check date and reminders do not change it). */
const LOAD_FIELDS: readonly (keyof WindowDraft)[] = ['activity', 'semester', 'grades', 'classes', 'recordKinds', 'end', 'endMode', 'anchor', 'edge', 'offsetDays', 'start', 'startMode', 'startAnchor', 'startEdge', 'startOffsetDays'];
/** Of those, the ones typed letter by letter. */
const TYPED_FIELDS: readonly (keyof WindowDraft)[] = ['classes', 'recordKinds'];
import { windowForm } from './window-form.ts';

/** What the status line says after an action, and the window it concerns. */
interface Outcome {
  text: string;
  /** The window just removed, which 復原 brings back. */
  undo?: StoredWindowView;
}

/**
 * `<licheng-schedule-editor>` — where the working group (學習歷程工作小組) sets the school's
 * 作業期程: every window of an academic year with its audience (grades, classes, record kinds,
 * batch), ROC dates, relative start and end, and self-check date; add, change, remove (with 復原 at once,
 * and in the list of removed windows) and restore. Before an end date is saved it shows the load
 * on every deadline as a chart with a table beside it, and a warning when one day carries far
 * more than the others. Saved changes apply at once on the server. For the working group and
 * the admin (the server refuses anyone else).
 *
 * @attr academic-year - 學年度 to edit; the current one when absent.
 * @attr heading-level - Level of the element's heading, 1–6 (default 2).
 * @event licheng-schedule-changed - A window was saved, removed or restored; `detail: { id, action }`.
 * @event licheng-token-expired - The token has expired (from LichengConnectedElement).
 * @csspart table - The table of windows.
 * @csspart load-table - The table of the load on each deadline.
 */
export class LichengScheduleEditor extends LichengConnectedElement {
  static override styles = [...screenStyles, cardTable, cardTableSideLabels, scheduleEditorStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    academicYear: { type: Number, attribute: 'academic-year' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    data: { state: true },
    draft: { state: true },
    figures: { state: true },
    loadingLoad: { state: true },
    loadFailure: { state: true },
    busy: { state: true },
    outcome: { state: true },
    failure: { state: true },
    lastId: { state: true },
  };

  declare academicYear: number | undefined;
  declare headingLevel: number;
  declare data: EditorSchedule | null;
  /** The form's content while a window is being added or changed; null when the form is closed. */
  declare draft: WindowDraft | null;
  /** The load on each deadline for the draft's end date. */
  declare figures: ScheduleLoad | null;
  declare loadingLoad: boolean;
  /** Why the load could not be worked out (the window can still be saved), or ''. */
  declare loadFailure: string;
  declare busy: boolean;
  declare outcome: Outcome | null;
  declare failure: string;
  /** The window the last action concerned, marked in the list. */
  declare lastId: string;

  #loadTicket = 0;
  #loadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The button that opened the form, for focus when it closes. */
  #opener = '';

  constructor() {
    super();
    this.academicYear = undefined;
    this.headingLevel = 2;
    this.data = null;
    this.draft = null;
    this.figures = null;
    this.loadingLoad = false;
    this.loadFailure = '';
    this.busy = false;
    this.outcome = null;
    this.failure = '';
    this.lastId = '';
  }

  override async load(): Promise<void> {
    await this.updateComplete;
    try {
      this.data = await this.api.query<EditorSchedule>(editorPaths.windows, this.academicYear === undefined ? undefined : { academicYear: this.academicYear });
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  get #format(): 'roc' | 'iso' {
    return this.locale === 'en' ? 'iso' : 'roc';
  }

  get #words() {
    return windowWords(this.locale, this.#format, this.data?.kindNames ?? {});
  }

  #period(w: { start: string; end: string }) {
    return this.#words.period(w);
  }

  #name(w: StoredWindowView) {
    return this.#words.name(w);
  }

  #relative(w: StoredWindowView, which: 'start' | 'end' = 'end') {
    const text = this.#words.relative(w, this.data?.windows ?? [], which);
    return text ? html`<span class="sub">${text}</span>` : nothing;
  }

  #open(draft: WindowDraft, opener: string) {
    this.#opener = opener;
    this.draft = draft;
    this.figures = null;
    this.failure = '';
    void this.#refreshLoad();
    void focusOutcome(this, '#form-heading');
  }

  #change(patch: Partial<WindowDraft>) {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...patch };
    const keys = Object.keys(patch) as (keyof WindowDraft)[];
    if (!keys.some((k) => LOAD_FIELDS.includes(k))) return;
    // Typed names (classes, record kinds) ask once the typing pauses, not at every key.
    clearTimeout(this.#loadTimer);
    if (keys.every((k) => TYPED_FIELDS.includes(k))) this.#loadTimer = setTimeout(() => void this.#refreshLoad(), 400);
    else void this.#refreshLoad();
  }

  /** The load for the draft's end date; only the latest answer is kept. */
  async #refreshLoad() {
    const draft = this.draft;
    const ticket = ++this.#loadTicket;
    if (!draft || !this.data || !hasEnd(draft)) {
      this.figures = null;
      return;
    }
    this.loadingLoad = true;
    this.loadFailure = '';
    try {
      const input = { window: windowInputOf(draft, this.data.academicYear), ...(draft.id ? { id: draft.id } : {}) };
      const load = await this.api.query<ScheduleLoad>(editorPaths.load, input);
      if (ticket === this.#loadTicket) this.figures = load;
    } catch (error) {
      if (ticket === this.#loadTicket) {
        this.figures = null;
        this.loadFailure = errorText(error);
      }
    } finally {
      if (ticket === this.#loadTicket) this.loadingLoad = false;
    }
  }

  async #act(run: () => Promise<StoredWindowView>, outcome: (w: StoredWindowView) => Outcome, action: string) {
    if (this.busy) return;
    this.busy = true;
    this.failure = '';
    const mark = focusMark();
    try {
      const w = await run();
      this.outcome = outcome(w);
      this.lastId = w.id;
      this.draft = null;
      this.figures = null;
      await this.load();
      this.emit('licheng-schedule-changed', { id: w.id, action });
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#editor-failure' : '#editor-status', { since: mark });
  }

  #save(event: Event) {
    event.preventDefault();
    const draft = this.draft;
    if (!draft || !this.data) return;
    const year = this.data.academicYear;
    void this.#act(
      () => this.api.mutation<StoredWindowView>(editorPaths.save, saveInputOf(draft, year)),
      (w) => ({ text: t('editor.saved', { activity: activityText(w.activity, this.locale), period: this.#period(w), version: w.version }, this.locale) }),
      'save',
    );
  }

  #remove(w: StoredWindowView) {
    void this.#act(
      () => this.api.mutation<StoredWindowView>(editorPaths.remove, { id: w.id, version: w.version }),
      (removed) => ({ text: t('editor.removed', { activity: activityText(w.activity, this.locale), period: this.#period(w) }, this.locale), undo: removed }),
      'remove',
    );
  }

  #restore(w: StoredWindowView) {
    void this.#act(
      () => this.api.mutation<StoredWindowView>(editorPaths.restore, { id: w.id, version: w.version }),
      (restored) => ({ text: t('editor.restored', { activity: activityText(restored.activity, this.locale), period: this.#period(restored) }, this.locale) }),
      'restore',
    );
  }

  #cancel() {
    this.draft = null;
    this.figures = null;
    this.outcome = { text: t('editor.cancelled', {}, this.locale) };
    void focusOutcome(this, [this.#opener, '#add']);
  }

  #row(w: StoredWindowView) {
    const L = this.locale;
    const period = this.#period(w);
    const label = { activity: activityText(w.activity, L), period };
    const anchorOfOthers = this.data!.windows.some((x) => x.id !== w.id && (x.endFrom?.anchor === w.id || x.startFrom?.anchor === w.id));
    const scope = scopeText(w, L, this.data?.kindNames ?? {});
    return html`<tr id=${`row-${w.id}`} class=${w.id === this.lastId ? 'done' : ''}>
      <th scope="row" class="card-title">${activityText(w.activity, L)}${w.qualifier ? html`<span class="sub">${w.qualifier}</span>` : nothing}</th>
      <td data-label=${t('col.semester', {}, L)}>${semesterText(w.semester, L)}</td>
      <td data-label=${t('editor.col.audience', {}, L)}>${gradesText(w.grades ?? null, L)}${scope ? html`<span class="sub">${scope}</span>` : nothing}</td>
      <td data-label=${t('col.start', {}, L)}><time datetime=${w.start}>${dateText(w.start, this.#format)}</time>${this.#relative(w, 'start')}</td>
      <td data-label=${t('col.end', {}, L)}><time datetime=${w.end}>${dateText(w.end, this.#format)}</time>${this.#relative(w)}</td>
      <td data-label=${t('col.selfCheck', {}, L)}>${w.selfCheck ? html`<time datetime=${w.selfCheck}>${dateText(w.selfCheck, this.#format)}</time>` : '—'}</td>
      <td data-label=${t('editor.col.actions', {}, L)} class="row-actions">
        <button type="button" id=${`edit-${w.id}`} aria-label=${t('editor.edit.label', label, L)} ?disabled=${this.busy} @click=${() => this.#open(draftOf(w), `#edit-${w.id}`)}>${t('editor.edit', {}, L)}</button>
        <button type="button" aria-label=${t('editor.remove.label', label, L)} ?disabled=${this.busy || anchorOfOthers} aria-describedby=${anchorOfOthers ? `why-${w.id}` : nothing} @click=${() => this.#remove(w)}>
          ${t('editor.remove', {}, L)}
        </button>
        ${anchorOfOthers ? html`<span class="hint" id=${`why-${w.id}`}>${t('editor.remove.blocked', {}, L)}</span>` : nothing}
      </td>
    </tr>`;
  }

  /** Another year to edit (next year's windows are set before it starts). */
  #chooseYear(event: Event) {
    const year = Number((event.target as HTMLSelectElement).value);
    if (!Number.isInteger(year) || year === this.data?.academicYear) return;
    this.academicYear = year;
    this.draft = null;
    this.figures = null;
    this.outcome = null;
    void this.load();
  }

  #table(d: EditorSchedule) {
    const L = this.locale;
    if (d.windows.length === 0) return html`<p>${t('editor.empty', { year: d.academicYear }, L)}</p>`;
    return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="editor-caption">
      <table class="cards" part="table">
        <caption id="editor-caption">${t('editor.caption', { year: d.academicYear }, L)}</caption>
        <thead>
          <tr>
            <th scope="col">${t('col.activity', {}, L)}</th>
            <th scope="col">${t('col.semester', {}, L)}</th>
            <th scope="col">${t('editor.col.audience', {}, L)}</th>
            <th scope="col">${t('col.start', {}, L)}</th>
            <th scope="col">${t('col.end', {}, L)}</th>
            <th scope="col">${t('col.selfCheck', {}, L)}</th>
            <th scope="col">${t('editor.col.actions', {}, L)}</th>
          </tr>
        </thead>
        <tbody>
          ${d.windows.map((w) => this.#row(w))}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const L = this.locale;
    const d = this.data;
    const draft = this.draft;
    return html`<section aria-labelledby="editor-heading">
      ${heading(this.headingLevel, t('editor.heading', {}, L), 'editor-heading')}
      <p class="muted">${t('editor.intro', {}, L)}</p>
      <p id="editor-status" role="status" class="status">
        ${this.outcome?.text ?? (d ? '' : t('editor.loading', {}, L))}
        ${this.outcome?.undo ? html`<button type="button" class="undo" ?disabled=${this.busy} @click=${() => this.#restore(this.outcome!.undo!)}>${t('editor.restore', {}, L)}</button>` : nothing}
      </p>
      ${this.failure ? html`<p id="editor-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${d
        ? html`${yearPicker(d, { locale: L, busy: this.busy, choose: (e) => this.#chooseYear(e) })} ${this.#table(d)}
            ${draft
              ? html`<div class="editing">
                  ${windowForm({
                    draft,
                    locale: L,
                    busy: this.busy,
                    kindNames: d.kindNames,
                    anchors: d.windows.filter((w) => w.id !== draft.id),
                    anchorName: (w) => `${this.#name(w)} ${this.#period(w)}`,
                    change: (patch) => this.#change(patch),
                    save: (e) => this.#save(e),
                    cancel: () => this.#cancel(),
                  })}
                  <section class="load-panel" aria-labelledby="load-heading" aria-busy=${this.loadingLoad ? 'true' : 'false'}>
                    <h3 id="load-heading">${t('load.heading', {}, L)}</h3>
                    ${loadView(this.figures, { loading: this.loadingLoad, failure: this.loadFailure, academicYear: d.academicYear, locale: L, format: this.#format })}
                  </section>
                </div>`
              : html`<p><button type="button" id="add" class="primary" ?disabled=${this.busy} @click=${() => this.#open(emptyDraft(), '#add')}>${t('editor.add', {}, L)}</button></p>`}
            ${removedList(d, { locale: L, busy: this.busy, words: this.#words, restore: (w) => this.#restore(w) })}`
        : nothing}
    </section>`;
  }
}
