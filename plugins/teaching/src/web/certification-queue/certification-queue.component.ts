import { html, nothing } from 'lit';
import { LichengConnectedElement, errorText, showStoredFile } from '@licheng/client';
import { charCount, focusOutcome, heading, screenStyles, type Dialog, type FileViewer } from '@licheng/ui';
import { reasonField } from './reason-field.ts';
import { courseName, courseTable, decidable, groupByCourse, type TableActions } from './course-table.ts';
import { paths, REASON_MAX, type Decided, type DecidedMany, type Reopened, type MeWindows, type Queue, type QueueItem, type QueueStatus } from '../api.ts';
import { t } from '../messages.ts';
import { certificationQueueStyles } from './certification-queue.styles.ts';

const STATUSES: QueueStatus[] = ['pending', 'passed', 'failed', 'all'];

/**
 * `<licheng-certification-queue>` — a subject teacher certifies (認證) the course learning
 * outcomes of their students: filter by status and course, open each file, pass, fail with a
 * required reason, or pass many at once (after confirming how many) with a per-item report; take
 * back one's own decision with a reason. Certification confirms only
 * that the work is the student's own and belongs to the course — never its quality.
 *
 * @event licheng-certified - Items were decided; `detail: { ids, status }`.
 * @event licheng-token-expired - The token has expired.
 * @csspart table - Each course's table.
 */
export class CertificationQueue extends LichengConnectedElement {
  static override styles = [...screenStyles, certificationQueueStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    status: { reflect: true },
    courseId: { attribute: 'course-id' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    queue: { state: true },
    certWindow: { state: true },
    selected: { state: true },
    busy: { state: true },
    failure: { state: true },
    success: { state: true },
    bulkFailures: { state: true },
    failing: { state: true },
    reason: { state: true },
    reasonError: { state: true },
    dialogError: { state: true },
    reopening: { state: true },
    bulkCount: { state: true },
  };

  /** Status filter: pending (default), passed, failed or all. */
  declare status: QueueStatus;
  /** Course filter; '' for every course. */
  declare courseId: string;
  declare headingLevel: number;
  declare queue: Queue | null;
  declare certWindow: MeWindows['windows'][number] | null;
  declare selected: Set<string>;
  declare busy: boolean;
  declare failure: string;
  declare success: string;
  declare bulkFailures: string[];
  declare failing: QueueItem | null;
  declare reason: string;
  declare reasonError: string;
  declare dialogError: string;
  /** The decided item whose decision is being taken back (the reopen dialog shares reason state with the fail dialog). */
  declare reopening: QueueItem | null;
  /** How many items the bulk pass about to be confirmed will change. */
  declare bulkCount: number;

  constructor() {
    super();
    this.status = 'pending';
    this.courseId = '';
    this.headingLevel = 1;
    this.queue = null;
    this.certWindow = null;
    this.selected = new Set();
    this.busy = false;
    this.failure = '';
    this.success = '';
    this.bulkFailures = [];
    this.failing = null;
    this.reason = '';
    this.reasonError = '';
    this.dialogError = '';
    this.reopening = null;
    this.bulkCount = 0;
  }

  override async load(): Promise<void> {
    this.failure = '';
    const [queue, me] = await Promise.allSettled([
      this.api.query<Queue>(paths.queue, { kind: 'outcome', status: this.status }),
      this.certWindow ? Promise.resolve(null) : this.api.query<MeWindows>(paths.me),
    ]);
    if (queue.status === 'fulfilled') {
      this.queue = queue.value;
      const pending = new Set(queue.value.items.filter(decidable).map((i) => i.id));
      this.selected = new Set([...this.selected].filter((id) => pending.has(id)));
    } else {
      this.failure = errorText(queue.reason);
    }
    if (me.status === 'fulfilled' && me.value) this.certWindow = me.value.windows.find((w) => w.activity === 'outcome-certification') ?? null;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    if (changed.has('status') && changed.get('status') !== undefined) void this.load();
    this.#syncGroupBoxes();
  }

  #student(item: QueueItem): string {
    return t('student', { className: item.student.className, seatNo: item.student.seatNo, name: item.student.name }, this.locale);
  }

  #visibleItems(): QueueItem[] {
    const items = this.queue?.items ?? [];
    return this.courseId ? items.filter((i) => i.course?.id === this.courseId) : items;
  }

  #toggle(ids: string[], on: boolean) {
    const next = new Set(this.selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    this.selected = next;
  }

  /** Group "select all" boxes show checked / mixed from the rows. */
  #syncGroupBoxes() {
    for (const box of this.renderRoot.querySelectorAll<HTMLInputElement>('input[data-group]')) {
      const ids = (box.dataset.ids ?? '').split(' ').filter(Boolean);
      const chosen = ids.filter((id) => this.selected.has(id)).length;
      box.checked = ids.length > 0 && chosen === ids.length;
      box.indeterminate = chosen > 0 && chosen < ids.length;
    }
  }

  async #view(item: QueueItem, slot: 'document' | 'media') {
    const id = slot === 'document' ? item.documentFileId : item.mediaFileId;
    if (!id) return;
    try {
      const viewer = this.renderRoot.querySelector<FileViewer>('licheng-file-viewer')!;
      await showStoredFile(this.api, id, viewer, `${item.student.name} ${courseName(item.course, this.locale)}`);
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  #clearMessages() {
    this.failure = '';
    this.success = '';
    this.bulkFailures = [];
  }

  async #pass(item: QueueItem) {
    if (this.busy) return;
    this.#clearMessages();
    this.busy = true;
    try {
      await this.api.mutation<Decided>(paths.decide, { recordId: item.id, decision: 'pass' });
      this.success = t('passed.one', { student: this.#student(item), subject: courseName(item.course, this.locale) }, this.locale);
      this.emit('licheng-certified', { ids: [item.id], status: 'passed' });
      await this.load();
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }    await this.#focusOutcome(item.id);
  }

  async #openFail(item: QueueItem) {
    this.#clearMessages();
    this.failing = item;
    this.reason = '';
    this.reasonError = '';
    this.dialogError = '';
    await this.updateComplete;
    const confirmed = await this.renderRoot.querySelector<Dialog>('licheng-dialog#fail-dialog')!.show();
    this.failing = null;
    if (confirmed) await this.#focusOutcome(item.id);
  }

  async #confirmFail(event: Event) {
    event.preventDefault(); // the dialog closes only when the server accepted
    const item = this.failing;
    const dialog = event.currentTarget as Dialog;
    if (!item) return;
    const reason = this.reason.trim();
    const L = this.locale;
    this.reasonError = this.#reasonProblem(reason, 'dialog');
    if (this.reasonError) {
      await focusOutcome(this, '#reason');
      return;
    }
    dialog.busy = true;
    this.dialogError = '';
    try {
      await this.api.mutation<Decided>(paths.decide, { recordId: item.id, decision: 'fail', reason });
      this.success = t('failed.one', { student: this.#student(item), subject: courseName(item.course, this.locale) }, L);
      // Closed once the list shows the decision, so focus lands on its outcome and not on a row about to vanish.
      await this.load();
      dialog.busy = false;
      dialog.close(true);
      this.emit('licheng-certified', { ids: [item.id], status: 'failed' });
    } catch (error) {
      dialog.busy = false;
      this.dialogError = errorText(error);
    }
  }

  #reasonProblem(reason: string, prefix: 'dialog' | 'reopen'): string {
    const L = this.locale;
    if (!reason) return t(`${prefix}.reason-required`, {}, L);
    return charCount(reason) > REASON_MAX ? t(`${prefix}.reason-too-long`, { max: REASON_MAX }, L) : '';
  }

  /** After an action: focus its outcome — the item's status when it is still listed, else the message. */
  async #focusOutcome(itemId?: string) {
    await focusOutcome(this, [itemId ? `[data-status-of="${itemId}"]` : null, '#outcome']);
  }

  async #openReopen(item: QueueItem) {
    this.#clearMessages();
    this.reopening = item;
    this.reason = '';
    this.reasonError = '';
    this.dialogError = '';
    await this.updateComplete;
    const confirmed = await this.renderRoot.querySelector<Dialog>('licheng-dialog#reopen-dialog')!.show();
    this.reopening = null;
    if (confirmed) await this.#focusOutcome(item.id);
  }

  async #confirmReopen(event: Event) {
    event.preventDefault(); // the dialog closes only when the server accepted
    const item = this.reopening;
    const dialog = event.currentTarget as Dialog;
    if (!item) return;
    const reason = this.reason.trim();
    const L = this.locale;
    this.reasonError = this.#reasonProblem(reason, 'reopen');
    if (this.reasonError) {
      await focusOutcome(this, '#reopen-reason');
      return;
    }
    dialog.busy = true;
    this.dialogError = '';
    try {
      await this.api.mutation<Reopened>(paths.reopen, { recordId: item.id, reason });
      this.success = t('reopen.done', { student: this.#student(item), subject: courseName(item.course, this.locale) }, L);
      this.emit('licheng-certified', { ids: [item.id], status: 'pending' });
      await this.load();
      dialog.busy = false;
      dialog.close(true);
    } catch (error) {
      dialog.busy = false;
      this.dialogError = errorText(error);
    }
  }

  /** 通過所選 says how many items it will change and asks first; cancelling returns to the button. */
  async #confirmPassSelected() {
    const count = (this.queue?.items ?? []).filter((i) => this.selected.has(i.id)).length;
    if (!count || this.busy) return;
    this.bulkCount = count;
    await this.updateComplete;
    if (await this.renderRoot.querySelector<Dialog>('licheng-dialog#bulk-dialog')!.show()) await this.#passSelected();
  }

  async #passSelected() {
    // In queue order, whatever order they were ticked in.
    const ids = (this.queue?.items ?? []).filter((i) => this.selected.has(i.id)).map((i) => i.id);
    if (!ids.length || this.busy) return;
    this.#clearMessages();
    this.busy = true;
    const byId = new Map((this.queue?.items ?? []).map((i) => [i.id, i]));
    try {
      const result = await this.api.mutation<DecidedMany>(paths.decideMany, { recordIds: ids, decision: 'pass' });
      const L = this.locale;
      this.success = t('bulk.result', { passed: result.passed, failed: result.failed }, L);
      this.bulkFailures = result.results
        .filter((r) => !r.ok)
        .map((r) => {
          const item = byId.get(r.id);
          return t('bulk.item-failed', { student: item ? this.#student(item) : r.id, subject: courseName(item?.course ?? null, this.locale), message: r.error?.message ?? '' }, L);
        });
      this.selected = new Set();
      this.emit('licheng-certified', { ids: result.results.filter((r) => r.ok).map((r) => r.id), status: 'passed' });
      await this.load();
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await this.#focusOutcome();
  }

  #filters() {
    const L = this.locale;
    const courses = this.queue?.courses ?? [];
    return html`<div class="filters" role="group" aria-label=${t('filter.label', {}, L)}>
      <div class="field">
        <label for="status">${t('filter.status', {}, L)}</label>
        <select id="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as QueueStatus)}>
          ${STATUSES.map((s) => html`<option value=${s} .selected=${s === this.status}>${t(`status.${s}`, {}, L)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="course">${t('filter.course', {}, L)}</label>
        <select id="course" @change=${(e: Event) => (this.courseId = (e.target as HTMLSelectElement).value)}>
          <option value="" .selected=${!this.courseId}>${t('filter.all-courses', {}, L)}</option>
          ${courses.map((c) => html`<option value=${c.id} .selected=${c.id === this.courseId}>${t('course.option', { course: courseName(c, L), pending: c.pending }, L)}</option>`)}
        </select>
      </div>
    </div>`;
  }

  /** What the course tables show and do: this element's state and actions. */
  #tableActions(): TableActions {
    return {
      locale: this.locale,
      headingLevel: this.headingLevel,
      selected: this.selected,
      busy: this.busy,
      student: (item) => this.#student(item),
      toggle: (ids, on) => this.#toggle(ids, on),
      view: (item, slot) => this.#view(item, slot),
      pass: (item) => this.#pass(item),
      openFail: (item) => this.#openFail(item),
      openReopen: (item) => this.#openReopen(item),
    };
  }

  #failDialog() {
    const L = this.locale;
    const item = this.failing;
    return html`<licheng-dialog
      id="fail-dialog"
      .locale=${L}
      heading=${t('dialog.heading', {}, L)}
      confirm-label=${t('dialog.confirm', {}, L)}
      tone="danger"
      @licheng-dialog-confirm=${this.#confirmFail}
    >
      ${item ? html`<p class="about">${t('dialog.about', { student: this.#student(item), subject: courseName(item.course, this.locale) }, L)}</p>` : nothing}
      <p class="reminder">${t('reminder', {}, L)}</p>
      ${this.#reasonField('reason', 'dialog')}
      <licheng-notice variant="error" .locale=${L} .message=${this.dialogError}></licheng-notice>
    </licheng-dialog>`;
  }

  #reasonField(id: string, prefix: 'dialog' | 'reopen') {
    const L = this.locale;
    return reasonField({
      id,
      label: t(`${prefix}.reason`, {}, L),
      hint: t(`${prefix}.reason-hint`, { max: REASON_MAX }, L),
      value: this.reason,
      error: this.reasonError,
      locale: L,
      onInput: (value) => {
        this.reason = value;
        if (this.reasonError) this.reasonError = '';
      },
    });
  }

  #reopenDialog() {
    const L = this.locale;
    const item = this.reopening;
    return html`<licheng-dialog id="reopen-dialog" .locale=${L} heading=${t('reopen.heading', {}, L)} confirm-label=${t('reopen.confirm', {}, L)} @licheng-dialog-confirm=${this.#confirmReopen}>
      ${item
        ? html`<p class="about">${t('reopen.about', { student: this.#student(item), subject: courseName(item.course, this.locale), status: t(`status.${item.status}`, {}, L) }, L)}</p>
            ${this.#reasonField('reopen-reason', 'reopen')}`
        : nothing}
      <licheng-notice variant="error" .locale=${L} .message=${this.dialogError}></licheng-notice>
    </licheng-dialog>`;
  }

  #bulkDialog() {
    const L = this.locale;
    return html`<licheng-dialog id="bulk-dialog" .locale=${L} heading=${t('bulk.confirm-heading', {}, L)} confirm-label=${t('bulk.confirm', { count: this.bulkCount }, L)}>
      <p class="about">${t('bulk.confirm-about', { count: this.bulkCount }, L)}</p>
      <p class="reminder">${t('reminder', {}, L)}</p>
    </licheng-dialog>`;
  }

  override render() {
    const L = this.locale;
    const items = this.#visibleItems();
    const pendingCount = items.filter((i) => i.status === 'pending').length;
    const loading = this.queue === null && !this.failure;
    return html`<section aria-labelledby="queue-heading" aria-busy=${loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, t('title', {}, L), 'queue-heading')}
      <p class="reminder">${t('reminder', {}, L)}</p>
      ${this.certWindow
        ? html`<licheng-window-banner .locale=${L} activity=${t('activity.outcome-certification', {}, L)} state=${this.certWindow.state} .start=${this.certWindow.start} .end=${this.certWindow.end}></licheng-window-banner>`
        : nothing}
      ${items.some((i) => i.reopenBlocked === 'window' || (i.status === 'pending' && !decidable(i))) ? html`<p id="window-who" class="hint">${t('window.who-sets', {}, L)}</p>` : nothing}
      ${this.#filters()}
      <licheng-notice variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      <div id="outcome" tabindex="-1">
        <licheng-notice variant="success" .locale=${L} .message=${this.success}>
          ${this.bulkFailures.length ? html`<ul class="results">${this.bulkFailures.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
        </licheng-notice>
      </div>
      <p class="count" role="status">${loading ? t('loading', {}, L) : t('summary', { count: items.length, pending: pendingCount }, L)}</p>
      ${pendingCount > 0
        ? html`<div class="bulk">
            <p class="hint">${t('bulk.hint', {}, L)}</p>
            <button type="button" class="primary" ?disabled=${this.selected.size === 0 || this.busy} @click=${this.#confirmPassSelected}>
              ${t('bulk.pass', { count: this.selected.size }, L)}
            </button>
          </div>`
        : nothing}
      ${!loading && items.length === 0 ? html`<p>${t(this.status === 'pending' ? 'empty.pending' : 'empty', {}, L)}</p>` : nothing}
      ${groupByCourse(items, L).map((g) => courseTable(g, this.#tableActions()))}
      ${this.#failDialog()} ${this.#reopenDialog()} ${this.#bulkDialog()}
      <licheng-file-viewer .locale=${L}></licheng-file-viewer>
    </section>`;
  }
}
