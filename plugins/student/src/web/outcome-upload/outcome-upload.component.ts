import { html, nothing } from 'lit';
import { readFreeText } from '@licheng/core';
import { LichengConnectedElement, errorText, showStoredFile } from '@licheng/client';
import { charCount, focusMark, focusOutcome, heading, screenStyles, type FileChange, type FileField, type FileViewer, type UploadState, type WindowState } from '@licheng/ui';
import { LIMITS, paths, type Course, type CourseList, type Me, type Outcome } from '../api.ts';
import { t } from '../messages.ts';
import { outcomeUploadStyles } from './outcome-upload.styles.ts';

type FieldName = 'course' | 'summary' | 'files';

interface UploadWindow {
  state: WindowState;
  start: string | null;
  end: string | null;
}

const UNSCHEDULED: UploadWindow = { state: 'unscheduled', start: null, end: null };

/** Courses grouped by term, in the order the server gave (newest first). */
function coursesByTerm(courses: Course[]): Array<{ year: number; semester: number; courses: Course[] }> {
  const groups: Array<{ year: number; semester: number; courses: Course[] }> = [];
  for (const c of courses) {
    let group = groups.find((g) => g.year === c.academicYear && g.semester === c.semester);
    if (!group) groups.push((group = { year: c.academicYear, semester: c.semester, courses: [] }));
    group.courses.push(c);
  }
  return groups;
}

/**
 * `<licheng-outcome-upload>` — the upload form of a course learning outcome (課程學習成果):
 * course, 簡述 with a live character counter (at most 100), a document (pdf/jpg/png ≤ 4 MB)
 * and/or a media file (mp3/mp4 ≤ 10 MB), and upload progress. The limits are checked here as
 * hints; the server checks again and has the last word.
 *
 * Outside the upload window (作業期程, set by the school's working group) the form is disabled
 * before anything is typed, saying when it opens or closed and who sets the dates.
 *
 * Set `outcome` to a failed (未通過) outcome to fix and resubmit it instead: the form shows the
 * files sent now and the earlier reason, and sends only once the summary or a file changed.
 *
 * @event licheng-outcome-uploaded - Sent; `detail: { outcome, resubmitted }`.
 * @event licheng-resubmit-cancel - The student left the fix without sending.
 * @event licheng-token-expired - The token has expired.
 */
export class OutcomeUpload extends LichengConnectedElement {
  static override styles = [...screenStyles, outcomeUploadStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    outcome: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    courses: { state: true },
    uploadWindow: { state: true },
    fixWindowOpen: { state: true },
    newFile: { state: true },
    courseId: { state: true },
    summary: { state: true },
    errors: { state: true },
    fileErrors: { state: true },
    uploadState: { state: true },
    progress: { state: true },
    failure: { state: true },
    success: { state: true },
  };

  /** A failed outcome being fixed; null for a new upload. */
  declare outcome: Outcome | null;
  declare headingLevel: number;
  declare courses: Course[] | null;
  /** The upload window as platform.me reports it; null until known. */
  declare uploadWindow: UploadWindow | null;
  /** Whether a fix may be sent now (the upload or the certification window is open); null until known. */
  declare fixWindowOpen: boolean | null;
  /** Whether a new file is chosen in either slot. */
  declare newFile: boolean;
  declare courseId: string;
  declare summary: string;
  declare errors: Partial<Record<FieldName, string>>;
  declare fileErrors: { document: string; media: string };
  declare uploadState: UploadState;
  declare progress: number;
  declare failure: string;
  declare success: string;

  constructor() {
    super();
    this.outcome = null;
    this.headingLevel = 2;
    this.courses = null;
    this.uploadWindow = null;
    this.fixWindowOpen = null;
    this.newFile = false;
    this.courseId = '';
    this.summary = '';
    this.errors = {};
    this.fileErrors = { document: '', media: '' };
    this.uploadState = 'idle';
    this.progress = 0;
    this.failure = '';
    this.success = '';
  }

  override async load(): Promise<void> {
    this.failure = '';
    const [courses, me] = await Promise.allSettled([this.api.query<CourseList>(paths.coursesList), this.api.read<Me>(paths.me)]);
    if (courses.status === 'fulfilled') this.courses = courses.value.courses;
    else this.failure = errorText(courses.reason);
    if (me.status === 'fulfilled') {
      const w = me.value.windows.find((x) => x.activity === 'outcome-upload');
      this.uploadWindow = w ? { state: w.state, start: w.start, end: w.end } : UNSCHEDULED;
      this.fixWindowOpen = me.value.windows.some((x) => (x.activity === 'outcome-upload' || x.activity === 'outcome-certification') && x.state === 'open');
    }
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate?.(changed as never);
    if (changed.has('outcome')) {
      // Starting (or leaving) a fix: the form shows the outcome's summary, no new files yet.
      this.summary = this.outcome?.summary ?? '';
      this.courseId = this.outcome?.course.id ?? '';
      this.errors = {};
      this.failure = '';
      if (this.outcome) this.success = '';
      this.uploadState = 'idle';
      this.newFile = false;
      this.#fileFields().forEach((f) => f.clear());
    }
  }

  /** Closed for this form: outside its window (as far as is known; the server has the last word). */
  #shut(): boolean {
    if (this.outcome) return this.fixWindowOpen === false;
    return this.uploadWindow !== null && this.uploadWindow.state !== 'open';
  }

  /** A fix that changes nothing yet: the same summary and no new file. */
  #unchanged(): boolean {
    return Boolean(this.outcome) && this.summary.trim() === this.outcome!.summary && !this.newFile;
  }

  async #viewCurrent(slot: 'document' | 'media') {
    const o = this.outcome;
    const id = slot === 'document' ? o?.documentFileId : o?.mediaFileId;
    if (!o || !id) return;
    try {
      const viewer = this.renderRoot.querySelector<FileViewer>('licheng-file-viewer')!;
      await showStoredFile(this.api, id, viewer, `${o.course.subjectName} ${t(`slot-name.${slot}`, {}, this.locale)}`);
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  #fileFields(): FileField[] {
    return Array.from(this.renderRoot?.querySelectorAll?.<FileField>('licheng-file-field') ?? []);
  }

  #field(name: 'document' | 'media'): FileField | null {
    return this.renderRoot.querySelector<FileField>(`licheng-file-field[name="${name}"]`);
  }

  #validate(): Partial<Record<FieldName, string>> {
    const L = this.locale;
    const errors: Partial<Record<FieldName, string>> = {};
    if (!this.outcome && !this.courseId) errors.course = t('error.course-required', {}, L);
    // The server's free-text rule, checked here first: blank once invisible characters are removed, control characters.
    const summary = readFreeText(this.summary, { multiline: true, max: LIMITS.summaryMax });
    if (!summary.ok) {
      if (summary.problem === 'blank') errors.summary = t('error.summary-required', {}, L);
      else if (summary.problem === 'too-long') errors.summary = t('error.summary-too-long', { max: LIMITS.summaryMax }, L);
      else if (summary.problem === 'control-character') errors.summary = t('error.summary-control', summary.params, L);
      else errors.summary = t('error.summary-malformed', {}, L);
    }
    const document = this.#field('document');
    const media = this.#field('media');
    if (this.fileErrors.document || this.fileErrors.media) errors.files = t('error.file-invalid', {}, L);
    else if (!this.outcome && !document?.file && !media?.file) errors.files = t('error.file-required', {}, L);
    return errors;
  }

  #focusField(name: FieldName) {
    if (name === 'files') {
      const target = this.fileErrors.media && !this.fileErrors.document ? this.#field('media') : this.#field('document');
      return focusOutcome(this, target);
    }
    return focusOutcome(this, `#${name}`);
  }

  async #submit(event: Event) {
    event.preventDefault();
    if (this.uploadState === 'uploading' || this.#shut() || this.#unchanged()) return;
    this.success = '';
    this.failure = '';
    this.errors = this.#validate();
    const first = (['course', 'summary', 'files'] as const).find((f) => this.errors[f]);
    if (first) {
      await this.#focusField(first);
      return;
    }
    const mark = focusMark();
    const form = new FormData();
    const resubmit = this.outcome;
    if (resubmit) form.append('recordId', resubmit.id);
    else form.append('courseId', this.courseId);
    form.append('summary', this.summary.trim());
    const document = this.#field('document')?.file;
    const media = this.#field('media')?.file;
    if (document) form.append('document', document);
    if (media) form.append('media', media);

    this.uploadState = 'uploading';
    this.progress = 0;
    try {
      const outcome = await this.api.upload<Outcome>(resubmit ? paths.outcomesResubmit : paths.outcomesUpload, form, {
        onProgress: ({ loaded, total }) => (this.progress = total ? (loaded / total) * 100 : 0),
      });
      this.progress = 100;
      this.uploadState = 'done';
      const subject = outcome.course.subjectName;
      this.success = t(resubmit ? 'upload.resubmitted' : 'upload.done', { subject }, this.locale);
      this.summary = '';
      this.courseId = '';
      this.newFile = false;
      this.#fileFields().forEach((f) => f.clear());
      this.emit('licheng-outcome-uploaded', { outcome, resubmitted: Boolean(resubmit) });
      await focusOutcome(this, '#upload-done', { since: mark });
    } catch (error) {
      this.uploadState = 'error';
      this.failure = errorText(error);
      await focusOutcome(this, '#upload-failure', { since: mark });
    }
  }

  #onFile(slot: 'document' | 'media', event: CustomEvent<FileChange>) {
    this.fileErrors = { ...this.fileErrors, [slot]: event.detail.error };
    this.newFile = this.#fileFields().some((f) => f.file);
    if (this.errors.files) this.errors = { ...this.errors, files: undefined };
  }

  #counter() {
    const L = this.locale;
    const count = charCount(this.summary.trim());
    const max = LIMITS.summaryMax;
    const over = count - max;
    // Announced only near and over the limit, not at every keystroke.
    const announce = over > 0 ? t('upload.counter-over', { max, over }, L) : max - count <= 10 ? t('upload.counter-near', { left: max - count }, L) : '';
    return html`<p id="summary-counter" class="counter ${over > 0 ? 'over' : ''}">${t('upload.counter', { count, max }, L)}</p>
      <p class="sr-only" role="status">${announce}</p>`;
  }

  /** The files the failed outcome holds now, each with a button to open it. */
  #currentFiles(o: Outcome) {
    const L = this.locale;
    const slots = (['document', 'media'] as const).filter((slot) => (slot === 'document' ? o.documentFileId : o.mediaFileId));
    return html`<div class="current-files">
      <p class="label" id="current-files-label">${t('upload.current-files', {}, L)}</p>
      <ul aria-labelledby="current-files-label">
        ${slots.map((slot) => {
          const kind = t(`slot-name.${slot}`, {}, L);
          const name = (slot === 'document' ? o.documentFileName : o.mediaFileName) ?? kind;
          const action = slot === 'document' ? t('list.view-document', {}, L) : t('list.view-media', {}, L);
          return html`<li>
            ${t('upload.current-file', { slot: kind, name }, L)}
            <button type="button" class="link" aria-label=${t('upload.open-current', { action, name }, L)} @click=${() => this.#viewCurrent(slot)}>
              ${action}
            </button>
          </li>`;
        })}
      </ul>
      <p class="hint">${t('upload.keep-files', {}, L)}</p>
    </div>`;
  }

  #courseField(shut: boolean) {
    const L = this.locale;
    if (this.outcome) {
      const c = this.outcome.course;
      return html`<p class="fixed-course">
        <span class="label">${t('upload.course', {}, L)}</span>
        ${c.subjectName}（${t('term', { year: this.outcome.academicYear, semester: this.outcome.semester }, L)}）
      </p>`;
    }
    const error = this.errors.course;
    const courses = this.courses ?? [];
    return html`<div class="field">
      <label for="course">${t('upload.course', {}, L)}<span class="required" aria-hidden="true"> *</span></label>
      <p id="course-hint" class="hint">${courses.length || this.courses === null ? t('upload.course-hint', {}, L) : t('upload.no-courses', {}, L)}</p>
      <select
        id="course"
        required
        ?disabled=${shut || this.courses === null}
        aria-describedby=${error ? 'course-hint course-error' : 'course-hint'}
        aria-invalid=${error ? 'true' : 'false'}
        @change=${(e: Event) => {
          this.courseId = (e.target as HTMLSelectElement).value;
          if (this.errors.course) this.errors = { ...this.errors, course: undefined };
        }}
      >
        <option value="" .selected=${!this.courseId}>${this.courses === null ? t('loading', {}, L) : t('upload.course-placeholder', {}, L)}</option>
        ${coursesByTerm(courses).map(
          (g) => html`<optgroup label=${t('term', { year: g.year, semester: g.semester }, L)}>
            ${g.courses.map((c) => html`<option value=${c.id} .selected=${c.id === this.courseId}>${c.subjectName}（${c.code}）</option>`)}
          </optgroup>`,
        )}
      </select>
      ${error ? html`<p id="course-error" class="error-text">${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    const L = this.locale;
    const fixing = this.outcome;
    const summaryError = this.errors.summary;
    const listed = (['course', 'summary', 'files'] as const).filter((f) => this.errors[f]);
    const busy = this.uploadState === 'uploading';
    const shut = this.#shut();
    const unchanged = !shut && this.#unchanged();
    return html`<section aria-labelledby="upload-heading">
      ${heading(this.headingLevel, fixing ? `${t('upload.resubmit-heading', {}, L)}：${fixing.course.subjectName}` : t('upload.heading', {}, L), 'upload-heading')}
      <p class="muted">${t('upload.intro', {}, L)}</p>
      ${!fixing && this.uploadWindow
        ? html`<licheng-window-banner .locale=${L} activity=${t('activity.outcome-upload', {}, L)} state=${this.uploadWindow.state} .start=${this.uploadWindow.start} .end=${this.uploadWindow.end}></licheng-window-banner>`
        : nothing}
      ${shut
        ? html`<p id="window-shut" class="window-shut">
            ${t(fixing ? 'upload.resubmit-shut' : 'upload.window-shut', {}, L)}${L === 'en' ? ' ' : ''}${t('window.who-sets', {}, L)}
          </p>`
        : nothing}
      ${fixing?.statusReason
        ? html`<licheng-notice variant="warning" .locale=${L} .message=${t('upload.failed-reason', { reason: fixing.statusReason }, L)}></licheng-notice>`
        : nothing}
      <licheng-notice id="upload-failure" tabindex="-1" variant="error" .locale=${L} .message=${this.failure}>
        ${listed.length
          ? html`<span>${t('upload.fix-errors', {}, L)}</span>
              <ul class="errors">
                ${listed.map((f) => html`<li><a href="#${f}" @click=${(e: Event) => (e.preventDefault(), this.#focusField(f))}>${this.errors[f]}</a></li>`)}
              </ul>`
          : nothing}
      </licheng-notice>
      <form novalidate @submit=${this.#submit} aria-busy=${busy ? 'true' : 'false'}>
        ${this.#courseField(shut)}
        <div class="field">
          <label for="summary">${t('upload.summary', {}, L)}<span class="required" aria-hidden="true"> *</span></label>
          <p id="summary-hint" class="hint">${t('upload.summary-hint', { max: LIMITS.summaryMax }, L)}</p>
          <textarea
            id="summary"
            required
            ?disabled=${shut}
            rows="3"
            aria-describedby=${['summary-hint', 'summary-counter', summaryError ? 'summary-error' : ''].filter(Boolean).join(' ')}
            aria-invalid=${summaryError ? 'true' : 'false'}
            .value=${this.summary}
            @input=${(e: Event) => {
              this.summary = (e.target as HTMLTextAreaElement).value;
              if (this.errors.summary) this.errors = { ...this.errors, summary: undefined };
            }}
          ></textarea>
          ${this.#counter()}
          ${summaryError ? html`<p id="summary-error" class="error-text">${summaryError}</p>` : nothing}
        </div>
        <fieldset aria-describedby=${this.errors.files ? 'files-error' : nothing}>
          <legend>${t('upload.files-legend', {}, L)}</legend>
          ${fixing ? this.#currentFiles(fixing) : nothing}
          <licheng-file-field
            name="document"
            .locale=${L}
            label=${t('upload.document', {}, L)}
            hint=${t('upload.document-hint', {}, L)}
            accept=${LIMITS.document.accept}
            max-bytes=${LIMITS.document.maxBytes}
            ?disabled=${busy || shut}
            @licheng-file-change=${(e: CustomEvent<FileChange>) => this.#onFile('document', e)}
          ></licheng-file-field>
          <licheng-file-field
            name="media"
            .locale=${L}
            label=${t('upload.media', {}, L)}
            hint=${t('upload.media-hint', {}, L)}
            accept=${LIMITS.media.accept}
            max-bytes=${LIMITS.media.maxBytes}
            ?disabled=${busy || shut}
            @licheng-file-change=${(e: CustomEvent<FileChange>) => this.#onFile('media', e)}
          ></licheng-file-field>
          ${this.errors.files ? html`<p id="files-error" class="error-text">${this.errors.files}</p>` : nothing}
        </fieldset>
        <licheng-upload-progress .locale=${L} state=${this.uploadState} .value=${this.progress}></licheng-upload-progress>
        <div class="actions">
          <button
            type="submit"
            class="primary"
            ?disabled=${busy || shut || unchanged}
            aria-describedby=${shut ? 'window-shut' : unchanged ? 'unchanged-hint' : nothing}
          >
            ${busy ? t('upload.sending', {}, L) : t(fixing ? 'upload.resubmit' : 'upload.submit', {}, L)}
          </button>
          ${fixing ? html`<button type="button" ?disabled=${busy} @click=${() => this.emit('licheng-resubmit-cancel')}>${t('upload.cancel', {}, L)}</button>` : nothing}
        </div>
        ${unchanged ? html`<p id="unchanged-hint" class="hint">${t('upload.unchanged', {}, L)}</p>` : nothing}
      </form>
      <licheng-notice id="upload-done" tabindex="-1" variant="success" .locale=${L} .message=${this.success}></licheng-notice>
      ${fixing ? html`<licheng-file-viewer .locale=${L}></licheng-file-viewer>` : nothing}
    </section>`;
  }
}
