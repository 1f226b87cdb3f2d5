import { html, nothing } from 'lit';
import { downloadFile, LichengConnectedElement, errorText } from '@licheng/client';
import { focusMark, focusOutcome, formatDate, heading, screenStyles } from '@licheng/ui';
import { NOTE_MAX, paths, progressXlsxPath, type CheckReason, type ClassList, type ClassSummary, type Progress, type ProgressWindow, type RemindersSent, type StudentRow } from '../api.ts';
import { t } from '../messages.ts';
import { classProgressStyles } from './class-progress.styles.ts';

const WINDOW_ICONS: Record<ProgressWindow['state'], string> = { open: '●', 'not-yet': '◷', closed: '■', unscheduled: '◷' };

/**
 * `<licheng-class-progress>` — a homeroom teacher (導師) follows their class's course learning
 * outcomes this term: who has uploaded, how many wait for certification, passed or failed, and
 * what each student has selected (勾選) for the central database this academic year — with the
 * days left in the upload, certification and selection windows, a filter for the students who
 * need a reminder, and the class's progress as an Excel download. It also runs the completeness
 * check before submission across every record kind — the year's 多元表現 against their cap and
 * the offices' records still pending or failed — per student and for the class, and sends the
 * chosen students a reminder (shown to them as `<licheng-homeroom-reminder>`). With several classes the
 * teacher picks one; `class-name` fixes one (an embedded widget for a single class).
 *
 * @attr class-name - The class to show (班級, e.g. 101); without it, the teacher's own classes are listed.
 * @attr heading-level - The level of the screen's heading (1–6, default 1), to fit the host page's outline.
 * @event licheng-class-progress-loaded - A class's progress was loaded; `detail: { className, totals }`.
 * @event licheng-token-expired - The token has expired.
 * @csspart summary - The class summary line (全班 N 人：…).
 * @csspart table - The table of students.
 * @cssprop --licheng-color-warning-bg - Background of the rows of students who uploaded nothing this term.
 * @cssprop --licheng-color-warning - Text of the reminder flags.
 * @cssprop --licheng-color-primary - The download link and focus.
 * @cssprop --licheng-color-surface - Background of the summary and the table header.
 */
export class ClassProgress extends LichengConnectedElement {
  static override styles = [...screenStyles, classProgressStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    homeroomClass: { attribute: 'class-name' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    classes: { state: true },
    current: { state: true },
    progress: { state: true },
    onlyReminders: { state: true },
    chosen: { state: true },
    note: { state: true },
    loading: { state: true },
    busy: { state: true },
    failure: { state: true },
    success: { state: true },
  };

  /** The class fixed by the `class-name` attribute; '' lets the teacher pick among their classes. */
  declare homeroomClass: string;
  declare headingLevel: number;
  /** The signed-in teacher's classes (null until listed, or when `class-name` fixes one). */
  declare classes: ClassSummary[] | null;
  /** The class shown. */
  declare current: string;
  declare progress: Progress | null;
  /** Show only students who need a reminder. */
  declare onlyReminders: boolean;
  /** students.id of the students chosen for a reminder. */
  declare chosen: ReadonlySet<string>;
  /** The teacher's note sent with the reminder. */
  declare note: string;
  declare loading: boolean;
  declare busy: boolean;
  declare failure: string;
  declare success: string;

  constructor() {
    super();
    this.homeroomClass = '';
    this.headingLevel = 1;
    this.classes = null;
    this.current = '';
    this.progress = null;
    this.onlyReminders = false;
    this.chosen = new Set();
    this.note = '';
    this.loading = true;
    this.busy = false;
    this.failure = '';
    this.success = '';
  }

  override async load(): Promise<void> {
    this.loading = true;
    this.failure = '';
    try {
      let name = this.homeroomClass.trim();
      if (!name) {
        const list = await this.api.query<ClassList>(paths.classes);
        this.classes = list.classes;
        name = list.classes.some((c) => c.className === this.current) ? this.current : (list.classes[0]?.className ?? '');
      } else this.classes = null;
      this.current = name;
      if (name) await this.#loadProgress(name);
      else this.progress = null;
    } catch (error) {
      this.#fail(error);
    } finally {
      this.loading = false;
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    if (changed.has('homeroomClass') && changed.get('homeroomClass') !== undefined) void this.load();
  }

  async #loadProgress(className: string) {
    this.success = '';
    const progress = await this.api.query<Progress>(paths.progress, { className });
    if (this.progress?.class.className !== progress.class.className) this.chosen = new Set();
    this.progress = progress;
    this.emit('licheng-class-progress-loaded', { className: progress.class.className, totals: progress.totals });
  }

  #fail(error: unknown) {
    this.progress = null;
    this.failure = errorText(error);
  }

  async #pick(event: Event) {
    this.current = (event.target as HTMLSelectElement).value;
    this.loading = true;
    this.failure = '';
    const mark = focusMark();
    try {
      await this.#loadProgress(this.current);
    } catch (error) {
      this.#fail(error);
    } finally {
      this.loading = false;
    }
    // The picker was disabled while loading: back on it (the table follows it), or on the refusal.
    await focusOutcome(this, this.failure ? '#progress-failure' : '#class', { since: mark });
  }

  async #download() {
    const progress = this.progress;
    if (!progress || this.busy) return;
    this.busy = true;
    this.failure = '';
    this.success = '';
    const mark = focusMark();
    try {
      const { className } = progress.class;
      const name = await downloadFile(this.api, progressXlsxPath(className, progress.term), `${className}-progress.xlsx`);
      this.success = t('downloaded', { name }, this.locale);
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#progress-failure' : '#progress-downloaded', { since: mark });
  }

  #choose(id: string, on: boolean) {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
  }

  #chooseFlagged() {
    this.chosen = new Set((this.progress?.students ?? []).filter((s) => s.reminders.length > 0).map((s) => s.id));
  }

  async #remind() {
    const progress = this.progress;
    if (!progress || this.busy || this.chosen.size === 0) return;
    this.busy = true;
    this.failure = '';
    this.success = '';
    const mark = focusMark();
    try {
      const note = this.note.trim();
      const sent = await this.api.mutation<RemindersSent>(paths.send, { className: progress.class.className, studentIds: [...this.chosen], ...(note ? { note } : {}) });
      this.chosen = new Set();
      this.note = '';
      await this.#loadProgress(progress.class.className);
      this.success = t('remind.sent', { n: sent.sent, names: sent.students.map((s) => s.name).join('、') }, this.locale);
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#progress-failure' : '#progress-downloaded', { since: mark });
  }

  #remindForm(progress: Progress) {
    const L = this.locale;
    const n = this.chosen.size;
    const flagged = progress.students.some((s) => s.reminders.length > 0);
    return html`<div class="remind" role="group" aria-labelledby="remind-heading">
      ${heading(this.headingLevel + 1, t('remind.heading', {}, L), 'remind-heading')}
      <div class="field">
        <label for="remind-note">${t('remind.note', {}, L)}</label>
        <textarea id="remind-note" rows="2" maxlength=${NOTE_MAX} .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="remind-actions">
        <button type="button" class="secondary" ?disabled=${!flagged || this.busy} @click=${this.#chooseFlagged}>${t('remind.choose-flagged', {}, L)}</button>
        <button type="button" id="remind-send" ?disabled=${n === 0 || this.busy} aria-describedby=${n === 0 ? 'remind-why' : nothing} @click=${this.#remind}>${t('remind.send', { n }, L)}</button>
      </div>
      ${n === 0 ? html`<p id="remind-why" class="hint">${t('remind.none-chosen', {}, L)}</p>` : nothing}
    </div>`;
  }

  #picker() {
    const classes = this.classes ?? [];
    if (this.homeroomClass || classes.length < 2) return nothing;
    const L = this.locale;
    return html`<div class="field picker">
      <label for="class">${t('class.label', {}, L)}</label>
      <select id="class" ?disabled=${this.loading} @change=${this.#pick}>
        ${classes.map((c) => html`<option value=${c.className} .selected=${c.className === this.current}>${t('class.option', { className: c.className, grade: c.grade }, L)}</option>`)}
      </select>
    </div>`;
  }

  #summary(progress: Progress) {
    const L = this.locale;
    const totals = progress.totals;
    const { check: _check, ...counts } = totals;
    return html`<div part="summary" class="summary" role="status">
      <p>${t('summary', counts, L)}</p>
      ${totals.studentsWithoutUploads > 0 ? html`<p class="flag">${t('summary.none', { n: totals.studentsWithoutUploads }, L)}</p>` : nothing}
      ${totals.studentsNeedingReminder > 0 ? html`<p>${t('summary.reminders', { n: totals.studentsNeedingReminder }, L)}</p>` : nothing}
      ${totals.studentsIncomplete > 0
        ? html`<p class="check">
            ${t('summary.check', { n: totals.studentsIncomplete }, L)}
            ${(Object.entries(totals.check) as Array<[CheckReason, number]>)
              .filter(([, n]) => n > 0)
              .map(([reason, n]) => t('summary.check.reason', { reason: t(`reminder.${reason}`, {}, L), n }, L))
              .join(L === 'zh-TW' ? '；' : '; ')}
          </p>`
        : nothing}
    </div>`;
  }

  #window(w: ProgressWindow) {
    const L = this.locale;
    const params = { activity: t(`activity.${w.activity}`, {}, L), start: formatDate(w.start, L), end: formatDate(w.end, L) };
    const key = w.state === 'open' ? (w.daysLeft === 1 ? 'window.last-day' : 'window.open') : (`window.${w.state}` as const);
    const days = w.state === 'open' ? w.daysLeft : w.daysUntilOpen;
    return html`<li class=${w.state}><span aria-hidden="true">${WINDOW_ICONS[w.state]}</span> ${t(key, { ...params, days: days ?? 0 }, L)}</li>`;
  }

  #row(s: StudentRow, cap: number, performanceCap: number) {
    const L = this.locale;
    const none = s.uploaded === 0;
    const p = s.other.performance;
    const o = s.other.office;
    // data-label: the column's name, shown beside the value when the rows stack as cards on a narrow screen.
    return html`<tr class=${none ? 'no-upload' : ''}>
      <td class="choose" data-label=${t('col.choose', {}, L)}>
        <input type="checkbox" aria-label=${t('choose.student', { name: s.name }, L)} .checked=${this.chosen.has(s.id)} @change=${(e: Event) => this.#choose(s.id, (e.target as HTMLInputElement).checked)} />
      </td>
      <td class="num seat" data-label=${t('col.seat', {}, L)}>${s.seatNo}</td>
      <td class="student-no" data-label=${t('col.studentNo', {}, L)}>${s.studentNo}</td>
      <th scope="row">${s.name}</th>
      <td class="num stat" data-label=${t('col.uploaded', {}, L)}>${s.uploaded}</td>
      <td class="num stat" data-label=${t('col.pending', {}, L)}>${s.pending}</td>
      <td class="num stat" data-label=${t('col.passed', {}, L)}>${s.passed}</td>
      <td class="num stat" data-label=${t('col.failed', {}, L)}>${s.failed}</td>
      <td class="num stat" data-label=${t('col.selected', { cap }, L)}>${t('selected.of', { selected: s.selected, cap }, L)}</td>
      <td class="wrap" data-label=${t('col.performances', { cap: performanceCap }, L)}>${t('performances.of', { selected: p.selected, cap: performanceCap, counting: p.counting, exempt: p.exempt }, L)}</td>
      <td class="wrap" data-label=${t('col.other', {}, L)}>${t('other.counts', { pending: p.pending + o.pending, failed: p.failed + o.failed }, L)}</td>
      <td class="reminders-cell" data-label=${t('col.reminders', {}, L)}>
        ${s.check.length
          ? html`<ul class="reminders">
              ${s.check.map((r) => html`<li class=${r}><span aria-hidden="true">${r === 'pending' ? '◔ ' : '⚠ '}</span>${t(`reminder.${r}`, {}, L)}</li>`)}
            </ul>`
          : html`<span aria-hidden="true">${t('reminder.none', {}, L)}</span><span class="sr-only">${t('reminder.none.label', {}, L)}</span>`}
        ${s.lastReminder ? html`<p class="last-reminder">${t('reminder.last', { date: formatDate(s.lastReminder.at.slice(0, 10), L), name: s.lastReminder.byName }, L)}</p>` : nothing}
      </td>
    </tr>`;
  }

  #table(progress: Progress) {
    const L = this.locale;
    const { className } = progress.class;
    const { academicYear: year, semester } = progress.term;
    const rows = this.onlyReminders ? progress.students.filter((s) => s.reminders.length > 0) : progress.students;
    if (progress.students.length === 0) return html`<p>${t('empty.students', {}, L)}</p>`;
    return html`<p class="count">${t('shown.count', { shown: rows.length, students: progress.students.length }, L)}</p>
      ${rows.length === 0
        ? html`<p>${t('empty.reminders', {}, L)}</p>`
        : html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="students-caption">
            <table part="table">
              <caption id="students-caption">${t('caption', { className, year, semester }, L)}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('col.choose', {}, L)}</th>
                  <th scope="col" class="num">${t('col.seat', {}, L)}</th>
                  <th scope="col">${t('col.studentNo', {}, L)}</th>
                  <th scope="col">${t('col.name', {}, L)}</th>
                  <th scope="col" class="num">${t('col.uploaded', {}, L)}</th>
                  <th scope="col" class="num">${t('col.pending', {}, L)}</th>
                  <th scope="col" class="num">${t('col.passed', {}, L)}</th>
                  <th scope="col" class="num">${t('col.failed', {}, L)}</th>
                  <th scope="col" class="num">${t('col.selected', { cap: progress.selectionCap }, L)}</th>
                  <th scope="col">${t('col.performances', { cap: progress.performanceCap }, L)}</th>
                  <th scope="col">${t('col.other', {}, L)}</th>
                  <th scope="col">${t('col.reminders', {}, L)}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((s) => this.#row(s, progress.selectionCap, progress.performanceCap))}
              </tbody>
            </table>
          </div>`}`;
  }

  #body() {
    const L = this.locale;
    const progress = this.progress;
    if (this.loading && !progress) return html`<p>${t('loading', {}, L)}</p>`;
    if (!progress) return this.failure || this.current ? nothing : html`<p>${t('no-class', {}, L)}</p>`;
    const { className } = progress.class;
    return html`<p class="term">${t('term', { className, year: progress.term.academicYear, semester: progress.term.semester }, L)}</p>
      ${this.#summary(progress)}
      <div class="windows">
        ${heading(this.headingLevel + 1, t('windows.heading', {}, L), 'windows-heading')}
        <ul aria-labelledby="windows-heading">
          ${progress.windows.map((w) => this.#window(w))}
        </ul>
      </div>
      <div class="toolbar">
        <label class="filter">
          <input type="checkbox" .checked=${this.onlyReminders} @change=${(e: Event) => (this.onlyReminders = (e.target as HTMLInputElement).checked)} />
          ${t('filter.reminders', {}, L)}
        </label>
        <button type="button" class="link" ?disabled=${this.busy} @click=${this.#download}>${t('download', { className }, L)}</button>
      </div>
      ${this.#table(progress)} ${progress.students.length > 0 ? this.#remindForm(progress) : nothing}`;
  }

  override render() {
    const L = this.locale;
    return html`<section aria-labelledby="progress-heading" aria-busy=${this.loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, t('title', {}, L), 'progress-heading')}
      ${this.#picker()}
      <licheng-notice id="progress-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      <licheng-notice id="progress-downloaded" variant="success" .locale=${L} .message=${this.success}></licheng-notice>
      ${this.#body()}
    </section>`;
  }
}
