import { html, nothing } from 'lit';
import { downloadFile, LichengApiError, LichengConnectedElement } from '@licheng/client';
import { termOfInstant } from '@licheng/core';
import { focusMark, focusOutcome, formatDateTime, heading, screenStyles, type FileChange } from '@licheng/ui';
import { exportPath, KINDS, paths, PLAN_MAX_BYTES, type ClassGroupRow, type DifferenceView, type PlanCommitView, type PlanPreviewView, type PlanVersionDetailView, type PlanVersionView, type PrecheckRunView, type PrecheckStatusView } from '../api.ts';
import { t } from '../messages.ts';
import { curriculumDeskStyles } from './curriculum-desk.styles.ts';
import { changesLine, previewReport, versionDetail, versionsTable } from './plan-views.ts';
import { differenceTables, statusLines } from './precheck-views.ts';

/**
 * `<licheng-curriculum-desk>` — 教學組: import the approved course plan (check first, then import
 * all or nothing, each import a version with what it changed), set the classes' 班群, and run the
 * pre-check (開課預檢及比對) of a term: the 4-week rule, a warning when the plan changed after the
 * last run, every 「不同」 grouped by kind, filtered, exported to Excel.
 *
 * @event licheng-plan-imported - `detail: { versionId, planYear, version }`.
 * @event licheng-precheck-run - `detail: { runId, differences }`.
 * @event licheng-token-expired - The token has expired.
 */
export class CurriculumDesk extends LichengConnectedElement {
  static override styles = [...screenStyles, curriculumDeskStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    academicYear: { type: Number, attribute: 'academic-year' },
    semester: { type: Number },
    planYear: { state: true },
    preview: { state: true },
    committed: { state: true },
    restoredFrom: { state: true },
    planError: { state: true },
    busy: { state: true },
    versions: { state: true },
    detail: { state: true },
    groups: { state: true },
    groupClass: { state: true },
    groupValue: { state: true },
    groupOutcome: { state: true },
    groupError: { state: true },
    status: { state: true },
    runId: { state: true },
    differences: { state: true },
    kindFilter: { state: true },
    fixerFilter: { state: true },
    checkOutcome: { state: true },
    checkError: { state: true },
  };

  declare headingLevel: number;
  declare academicYear: number;
  declare semester: number;
  declare planYear: string;
  declare preview: PlanPreviewView | null;
  declare committed: PlanCommitView | null;
  /** The version an undo went back to, while its outcome shows. */
  declare restoredFrom: number | null;
  declare planError: string;
  declare busy: boolean;
  declare versions: PlanVersionView[] | null;
  declare detail: PlanVersionDetailView | null;
  declare groups: ClassGroupRow[];
  declare groupClass: string;
  declare groupValue: string;
  declare groupOutcome: string;
  declare groupError: string;
  declare status: PrecheckStatusView | null;
  declare runId: string;
  declare differences: DifferenceView[];
  declare kindFilter: string;
  declare fixerFilter: string;
  declare checkOutcome: string;
  declare checkError: string;

  #file: File | null = null;
  #fileError = '';

  constructor() {
    super();
    // termOfInstant, not academicTermOf: the screen carries no error catalogue (a browser's clock is always a valid date).
    const term = termOfInstant(new Date())!;
    this.headingLevel = 1;
    this.academicYear = term.academicYear;
    this.semester = term.semester;
    this.planYear = String(term.academicYear);
    this.preview = null;
    this.committed = null;
    this.restoredFrom = null;
    this.planError = '';
    this.busy = false;
    this.versions = null;
    this.detail = null;
    this.groups = [];
    this.groupClass = '';
    this.groupValue = '';
    this.groupOutcome = '';
    this.groupError = '';
    this.status = null;
    this.runId = '';
    this.differences = [];
    this.kindFilter = '';
    this.fixerFilter = '';
    this.checkOutcome = '';
    this.checkError = '';
  }

  override async load(): Promise<void> {
    try {
      const [versions, groups] = await Promise.all([
        this.api.query<PlanVersionView[]>(paths.versions, {}),
        this.api.query<ClassGroupRow[]>(paths.groups, { academicYear: this.academicYear }),
      ]);
      this.versions = versions;
      this.groups = groups;
      if (!groups.some((g) => g.className === this.groupClass)) this.groupClass = groups[0]?.className ?? '';
      await this.#loadStatus();
    } catch (error) {
      this.checkError = message(error);
    }
  }

  async #loadStatus(keepRun = false) {
    // The status, the run and its differences appear together: a screen never shows a run without its list.
    const status = await this.api.query<PrecheckStatusView>(paths.status, { academicYear: this.academicYear, semester: this.semester });
    const runId = keepRun && status.runs.some((r) => r.id === this.runId) ? this.runId : (status.runs[0]?.id ?? '');
    this.differences = runId ? await this.api.query<DifferenceView[]>(paths.differences, { runId }) : [];
    this.runId = runId;
    this.status = status;
  }

  #planForm(): FormData | null {
    const L = this.locale;
    if (!/^\d{3}$/.test(this.planYear) || Number(this.planYear) < 108) {
      this.planError = t('plan.year-invalid', {}, L);
      return null;
    }
    if (!this.#file || this.#fileError) {
      this.planError = this.#fileError || t('plan.file-required', {}, L);
      return null;
    }
    const form = new FormData();
    form.set('planYear', this.planYear);
    form.set('file', this.#file);
    return form;
  }

  async #check() {
    if (this.busy) return;
    this.planError = '';
    this.preview = null;
    this.committed = null;
    const form = this.#planForm();
    if (!form) {
      await focusOutcome(this, '#plan-error');
      return;
    }
    const mark = focusMark();
    this.busy = true;
    try {
      this.preview = await this.api.upload<PlanPreviewView>(paths.preview, form);
    } catch (error) {
      this.planError = message(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.planError ? '#plan-error' : '#plan-outcome > p', { since: mark });
  }

  async #commit() {
    const form = this.#planForm();
    if (this.busy || !form || !this.preview || this.preview.issues.length) return;
    const mark = focusMark();
    this.busy = true;
    this.planError = '';
    try {
      this.committed = await this.api.upload<PlanCommitView>(paths.commit, form);
      this.restoredFrom = null;
      this.preview = null;
      const v = this.committed.version;
      this.emit('licheng-plan-imported', { versionId: v.id, planYear: v.planYear, version: v.version });
      await this.load();
    } catch (error) {
      this.planError = message(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.planError ? '#plan-error' : '#plan-outcome > p', { since: mark });
  }

  /** Takes the import just made back: the version before it becomes the next version. */
  async #undo() {
    const c = this.committed?.version;
    const previous = c && this.versions?.find((v) => v.planYear === c.planYear && v.version === c.version - 1);
    if (this.busy || !previous) return;
    const mark = focusMark();
    this.busy = true;
    this.planError = '';
    try {
      this.committed = await this.api.mutation<PlanCommitView>(paths.restore, { versionId: previous.id });
      this.restoredFrom = previous.version;
      await this.load();
    } catch (error) {
      this.planError = message(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.planError ? '#plan-error' : '#plan-outcome > p', { since: mark });
  }

  async #show(v: PlanVersionView) {
    try {
      this.detail = await this.api.query<PlanVersionDetailView>(paths.version, { versionId: v.id });
      await focusOutcome(this, '#detail-heading');
    } catch (error) {
      this.planError = message(error);
      await focusOutcome(this, '#plan-error');
    }
  }

  async #saveGroup(event: Event) {
    event.preventDefault();
    const L = this.locale;
    this.groupOutcome = '';
    this.groupError = '';
    const group = this.groupValue.trim().toUpperCase();
    try {
      await this.api.mutation(paths.setGroup, { academicYear: this.academicYear, className: this.groupClass, classGroup: group });
      this.groupOutcome = t('groups.saved', { className: this.groupClass, group }, L);
      this.groups = await this.api.query<ClassGroupRow[]>(paths.groups, { academicYear: this.academicYear });
    } catch (error) {
      this.groupError = message(error);
    }
    await focusOutcome(this, this.groupError ? '#group-error' : '#group-outcome');
  }

  async #run() {
    if (this.busy || this.#runBlocked()) return;
    const L = this.locale;
    const mark = focusMark();
    this.busy = true;
    this.checkOutcome = '';
    this.checkError = '';
    try {
      const run = await this.api.mutation<PrecheckRunView>(paths.run, { academicYear: this.academicYear, semester: this.semester });
      this.runId = run.id;
      this.kindFilter = '';
      this.fixerFilter = '';
      await this.#loadStatus(true);
      this.checkOutcome = run.differenceCount ? t('check.done', { count: run.differenceCount }, L) : t('check.done-none', {}, L);
      this.emit('licheng-precheck-run', { runId: run.id, differences: run.differenceCount });
    } catch (error) {
      this.checkError = message(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.checkError ? '#check-error' : '#check-outcome', { since: mark });
  }

  async #changeTerm(year: number, semester: number) {
    this.academicYear = year;
    this.semester = semester;
    this.checkOutcome = '';
    this.checkError = '';
    try {
      await this.#loadStatus();
      this.groups = await this.api.query<ClassGroupRow[]>(paths.groups, { academicYear: year });
    } catch (error) {
      this.checkError = message(error);
      await focusOutcome(this, '#check-error');
    }
  }

  async #selectRun(id: string) {
    this.runId = id;
    try {
      this.differences = await this.api.query<DifferenceView[]>(paths.differences, { runId: id });
    } catch (error) {
      this.checkError = message(error);
      await focusOutcome(this, '#check-error');
    }
  }

  async #export() {
    this.checkError = '';
    try {
      await downloadFile(this.api, exportPath(this.runId), 'precheck.xlsx');
    } catch (error) {
      this.checkError = message(error);
      await focusOutcome(this, '#check-error');
    }
  }

  /** Why the pre-check cannot run now, or '' when it can. */
  #runBlocked(): string {
    const L = this.locale;
    const s = this.status;
    if (!s) return t('loading', {}, L);
    if (s.cohorts.length === 0) return t('check.run.reason-empty', { year: s.academicYear, semester: s.semester }, L);
    if (s.cohorts.every((c) => c.version === null)) return t('check.run.reason', { years: s.cohorts.map((c) => c.planYear).join('、') }, L);
    return s.runRefusal ?? '';
  }

  override render() {
    const L = this.locale;
    return html`${heading(this.headingLevel, t('desk.title', {}, L))}
      <p class="muted">${t('desk.intro', {}, L)}</p>
      ${this.#planSection()} ${this.#groupsSection()} ${this.#checkSection()}`;
  }

  #planSection() {
    const L = this.locale;
    const sub = this.headingLevel + 1;
    const reason = !this.preview ? t('plan.commit.reason', {}, L) : this.preview.issues.length ? t('plan.commit.reason-issues', {}, L) : '';
    const highlight = this.committed?.version.id ?? '';
    return html`<section part="plan" aria-labelledby="plan-heading">
      ${heading(sub, t('plan.heading', {}, L), 'plan-heading')}
      <p class="hint">${t('plan.intro', {}, L)}</p>
      <form @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label class="label" for="plan-year">${t('plan.year', {}, L)}</label>
          <input id="plan-year" inputmode="numeric" maxlength="3" .value=${this.planYear} @input=${(e: Event) => { this.planYear = (e.target as HTMLInputElement).value.trim(); this.preview = null; }} />
        </div>
        <licheng-file-field .locale=${L} label=${t('plan.file', {}, L)} accept=".json,.xlsx,.csv,application/json,text/csv" max-bytes=${PLAN_MAX_BYTES} ?disabled=${this.busy}
          @licheng-file-change=${(e: CustomEvent<FileChange>) => { this.#file = e.detail.file; this.#fileError = e.detail.error; this.preview = null; this.committed = null; }}></licheng-file-field>
        <div class="actions">
          <button type="button" id="plan-check" ?disabled=${this.busy} @click=${() => this.#check()}>${t('plan.preview', {}, L)}</button>
          <button type="button" id="plan-commit" class="primary" ?disabled=${this.busy || !!reason} aria-describedby=${reason ? 'commit-reason' : nothing} @click=${() => this.#commit()}>${t('plan.commit', {}, L)}</button>
        </div>
        ${reason ? html`<p id="commit-reason" class="hint">${reason}</p>` : nothing}
      </form>
      <div aria-live="polite">
        ${this.planError ? html`<p id="plan-error" role="alert" class="error-text">${this.planError}</p>` : nothing}
        <div id="plan-outcome">
          ${this.committed ? this.#committedView(this.committed) : this.preview ? previewReport(this.preview, L) : nothing}
        </div>
      </div>
      ${heading(sub + 1, t('versions.heading', {}, L), 'versions-heading')}
      ${this.versions === null ? html`<p>${t('loading', {}, L)}</p>` : versionsTable(this.versions, L, (v) => this.#show(v), highlight)}
      ${this.detail ? versionDetail(this.detail, L) : nothing}
    </section>`;
  }

  #committedView(c: PlanCommitView) {
    const L = this.locale;
    const v = c.version;
    const done = this.restoredFrom !== null
      ? t('plan.restored', { from: this.restoredFrom, year: v.planYear, version: v.version }, L)
      : t('plan.imported', { year: v.planYear, version: v.version, lines: v.lineCount }, L);
    return html`<p>${done}</p>
      <p>${changesLine(v.version > 1 ? v.version - 1 : null, v.planYear, c.diff, L)}</p>
      ${this.restoredFrom === null && v.version > 1
        ? html`<div class="actions"><button type="button" id="plan-undo" ?disabled=${this.busy} @click=${() => this.#undo()}>${t('plan.undo', { version: v.version - 1 }, L)}</button></div>`
        : nothing}`;
  }

  #groupsSection() {
    const L = this.locale;
    const current = this.groups.find((g) => g.className === this.groupClass);
    return html`<section part="groups" aria-labelledby="groups-heading">
      ${heading(this.headingLevel + 1, t('groups.heading', {}, L), 'groups-heading')}
      <p class="hint">${t('groups.intro', {}, L)}</p>
      ${this.groups.length === 0
        ? html`<p>${t('groups.none', { year: this.academicYear }, L)}</p>`
        : html`<form class="inline" @submit=${(e: Event) => this.#saveGroup(e)}>
            <div class="field">
              <label class="label" for="group-class">${t('groups.class', {}, L)}</label>
              <select id="group-class" @change=${(e: Event) => (this.groupClass = (e.target as HTMLSelectElement).value)}>
                ${this.groups.map((g) => html`<option value=${g.className} ?selected=${g.className === this.groupClass}>${g.className}（${g.classGroup ?? t('groups.unset', {}, L)}）</option>`)}
              </select>
            </div>
            <div class="field">
              <label class="label" for="group-value">${t('groups.group', {}, L)}</label>
              <input id="group-value" maxlength="1" size="3" aria-describedby="group-current" .value=${this.groupValue} @input=${(e: Event) => (this.groupValue = (e.target as HTMLInputElement).value)} />
              <span id="group-current" class="hint">${t('groups.current', { group: current?.classGroup ?? t('groups.unset', {}, L) }, L)}</span>
            </div>
            <div class="actions"><button type="submit">${t('groups.save', {}, L)}</button></div>
          </form>`}
      <div aria-live="polite">
        ${this.groupError ? html`<p id="group-error" role="alert" class="error-text">${this.groupError}</p>` : nothing}
        ${this.groupOutcome ? html`<p id="group-outcome">${this.groupOutcome}</p>` : nothing}
      </div>
    </section>`;
  }

  #checkSection() {
    const L = this.locale;
    const blocked = this.#runBlocked();
    const s = this.status;
    const shown = this.differences.filter((d) => (!this.kindFilter || d.kind === this.kindFilter) && (!this.fixerFilter || d.fixer === this.fixerFilter));
    return html`<section part="check" aria-labelledby="check-heading">
      ${heading(this.headingLevel + 1, t('check.heading', {}, L), 'check-heading')}
      <div class="inline">
        <div class="field">
          <label class="label" for="check-year">${t('check.year', {}, L)}</label>
          <input id="check-year" inputmode="numeric" maxlength="3" size="4" .value=${String(this.academicYear)}
            @change=${(e: Event) => { const v = Number((e.target as HTMLInputElement).value); if (v >= 100 && v <= 999) void this.#changeTerm(v, this.semester); }} />
        </div>
        <div class="field">
          <label class="label" for="check-semester">${t('check.semester', {}, L)}</label>
          <select id="check-semester" @change=${(e: Event) => this.#changeTerm(this.academicYear, Number((e.target as HTMLSelectElement).value))}>
            ${[1, 2].map((n) => html`<option value=${n} ?selected=${n === this.semester}>${t(`check.semester.${n as 1 | 2}`, {}, L)}</option>`)}
          </select>
        </div>
      </div>
      ${s ? statusLines(s, L) : html`<p>${t('loading', {}, L)}</p>`}
      <div class="actions">
        <button type="button" id="run" class="primary" ?disabled=${this.busy || !!blocked} aria-describedby=${blocked ? 'run-reason' : nothing} @click=${() => this.#run()}>${t('check.run', {}, L)}</button>
      </div>
      ${blocked ? html`<p id="run-reason" class="hint">${blocked}</p>` : nothing}
      <div aria-live="polite">
        ${this.checkError ? html`<p id="check-error" role="alert" class="error-text">${this.checkError}</p>` : nothing}
        ${this.checkOutcome ? html`<p id="check-outcome">${this.checkOutcome}</p>` : nothing}
      </div>
      ${s && s.runs.length === 0 ? html`<p>${t('runs.empty', {}, L)}</p>` : nothing}
      ${s && s.runs.length ? this.#runView(s, shown) : nothing}
    </section>`;
  }

  #runView(s: PrecheckStatusView, shown: DifferenceView[]) {
    const L = this.locale;
    return html`<div class="inline">
        <div class="field">
          <label class="label" for="run-select">${t('runs.select', {}, L)}</label>
          <select id="run-select" @change=${(e: Event) => this.#selectRun((e.target as HTMLSelectElement).value)}>
            ${s.runs.map((r) => html`<option value=${r.id} ?selected=${r.id === this.runId}>${t('runs.option', { date: formatDateTime(r.ranAt, L), by: r.ranByName, count: r.differenceCount }, L)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="label" for="kind-filter">${t('diff.filter.kind', {}, L)}</label>
          <select id="kind-filter" @change=${(e: Event) => (this.kindFilter = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.kindFilter}>${t('diff.filter.all', {}, L)}（${this.differences.length}）</option>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kindFilter}>${t(`kind.${k}`, {}, L)}（${this.differences.filter((d) => d.kind === k).length}）</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="label" for="fixer-filter">${t('diff.filter.fixer', {}, L)}</label>
          <select id="fixer-filter" @change=${(e: Event) => (this.fixerFilter = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.fixerFilter}>${t('diff.filter.all', {}, L)}</option>
            ${(['curriculum', 'registry'] as const).map((f) => html`<option value=${f} ?selected=${f === this.fixerFilter}>${t(`fixer.${f}`, {}, L)}</option>`)}
          </select>
        </div>
        <div class="actions"><button type="button" id="export" @click=${() => this.#export()}>${t('diff.export', {}, L)}</button></div>
      </div>
      ${this.differences.length === 0
        ? html`<p>${t('diff.none', {}, L)}</p>`
        : shown.length === 0 ? html`<p>${t('diff.none-filtered', {}, L)}</p>` : differenceTables(shown, L)}`;
  }
}

function message(error: unknown): string {
  return error instanceof LichengApiError ? error.message : String(error);
}
