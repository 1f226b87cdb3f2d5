import { html, nothing } from 'lit';
import { downloadFile, errorText, LichengConnectedElement, showStoredFile } from '@licheng/client';
import { focusMark, focusOutcome, formatDate, heading, screenStyles, tabList, type FocusMark, type FileViewer } from '@licheng/ui';
import { CERTIFICATE_LEVELS, LIMITS, paths, TEMPLATE_PATH, type Certificate, type CertificateList, type ImportReport, type Internship, type InternshipList } from '../api.ts';
import { t, type PracticumMessageKey } from '../messages.ts';
import { certificateRules, checkFields, checkInternship, field, type FieldErrors } from './form-fields.ts';
import { practicumDeskStyles } from './practicum-desk.styles.ts';

export type PracticumTab = 'certificates' | 'internships';
const TABS: PracticumTab[] = ['certificates', 'internships'];

/**
 * `<licheng-practicum-desk>` — the practicum office's (實習處) screen. Skill certificates
 * (技能證照): check then import the skill-test centre's pass list with a per-row report,
 * register one certificate, and list them by academic year (or all years) and class. Internships
 * (校外實習): register one and list them. Dates show in the ROC calendar (民國) in zh-TW. After a
 * save or an import the list opens on the new records' year (all years when they span several),
 * marks them 「新增」 and takes focus to the first of them.
 *
 * @event licheng-certificates-imported - A list was imported; `detail: { imported }`.
 * @event licheng-certificate-registered - One certificate was registered; `detail: { id }`.
 * @event licheng-internship-registered - One internship was registered; `detail: { id }`.
 * @event licheng-token-expired - The token has expired.
 * @csspart tabs - The row of tabs.
 * @csspart table - Each list table.
 * @csspart issues - The import report table.
 * @cssprop --licheng-color-primary - Marks the selected tab (and, as everywhere, primary buttons).
 */
export class PracticumDesk extends LichengConnectedElement {
  static override styles = [...screenStyles, practicumDeskStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    tab: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    academicYear: { state: true },
    allYears: { state: true },
    className: { state: true },
    added: { state: true },
    warning: { state: true },
    certificates: { state: true },
    internships: { state: true },
    report: { state: true },
    busy: { state: true },
    failure: { state: true },
    success: { state: true },
    certificateErrors: { state: true },
    internshipErrors: { state: true },
  };

  /** The section shown: 'certificates' (default) or 'internships'. */
  declare tab: PracticumTab;
  /** Level of the screen's heading (sections use the next). */
  declare headingLevel: number;
  declare academicYear: number | null;
  /** The list shows every academic year (the year filter's 「全部學年」). */
  declare allYears: boolean;
  declare className: string;
  /** Records just saved or imported, marked in the list until the next action. */
  declare added: ReadonlySet<string>;
  /** An outcome that is not a success but no error either (a checked list with problems). */
  declare warning: string;
  /** The current academic year, as the server first answered it (offered first in the year filter). */
  #currentYear: number | null = null;
  declare certificates: CertificateList | null;
  declare internships: InternshipList | null;
  declare report: ImportReport | null;
  declare busy: boolean;
  declare failure: string;
  declare success: string;
  declare certificateErrors: FieldErrors;
  declare internshipErrors: FieldErrors;

  constructor() {
    super();
    this.tab = 'certificates';
    this.headingLevel = 1;
    this.academicYear = null;
    this.allYears = false;
    this.className = '';
    this.added = new Set();
    this.warning = '';
    this.certificates = null;
    this.internships = null;
    this.report = null;
    this.busy = false;
    this.failure = '';
    this.success = '';
    this.certificateErrors = {};
    this.internshipErrors = {};
  }

  #filter() {
    const year = this.allYears ? { allYears: true } : this.academicYear ? { academicYear: this.academicYear } : {};
    return { ...year, ...(this.className ? { className: this.className } : {}) };
  }

  override async load(): Promise<void> {
    try {
      if (this.tab === 'certificates') this.certificates = await this.api.query<CertificateList>(paths.certificatesList, this.#filter());
      else this.internships = await this.api.query<InternshipList>(paths.internshipsList, this.#filter());
      const shown = (this.tab === 'certificates' ? this.certificates : this.internships)?.academicYear ?? null;
      this.#currentYear ??= shown;
      if (!this.allYears) this.academicYear ??= shown;
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    if (changed.has('tab') && changed.get('tab') !== undefined) void this.load();
  }

  #student(s: Certificate['student']) {
    return t('student', { ...s }, this.locale);
  }

  #clear() {
    this.failure = '';
    this.success = '';
    this.warning = '';
    this.added = new Set();
  }

  /**
   * Opens the list on what was just saved or imported — their academic year, or every year when
   * they span several — marks them 「新增」 and moves focus to the first of them.
   */
  async #showAdded(ids: readonly string[], years: readonly number[]) {
    if (ids.length === 0) return;
    // A class filter could hide them: the list shows every class again.
    this.className = '';
    this.allYears = years.length !== 1;
    if (years.length === 1) this.academicYear = years[0]!;
    this.added = new Set(ids);
    await this.load();
    await focusOutcome(this, 'tr.added', { fallback: '#practicum-success' });
  }

  #years(years: readonly number[]): string {
    return t('list.years', { years: years.join('、') }, this.locale);
  }

  #selectTab(tab: PracticumTab, focus = false) {
    this.#clear();
    this.tab = tab;
    if (focus) void focusOutcome(this, `#tab-${tab}`);
  }

  async #template() {
    try {
      await downloadFile(this.api, TEMPLATE_PATH, 'certificates-template.xlsx');
    } catch (error) {
      this.failure = errorText(error);
      await focusOutcome(this, '#practicum-failure');
    }
  }

  async #viewScan(c: Certificate) {
    if (!c.documentFileId) return;
    try {
      const viewer = this.renderRoot.querySelector<FileViewer>('licheng-file-viewer')!;
      await showStoredFile(this.api, c.documentFileId, viewer, `${c.student.name} ${c.name}`);
    } catch (error) {
      this.failure = errorText(error);
      await focusOutcome(this, '#practicum-failure');
    }
  }

  async #import(dryRun: boolean) {
    if (this.busy) return;
    this.#clear();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file')!;
    const file = input.files?.[0];
    if (!file) {
      this.certificateErrors = { ...this.certificateErrors, importFile: t('import.file-required', {}, this.locale) };
      await focusOutcome(this, input);
      return;
    }
    this.certificateErrors = {};
    this.report = null;
    this.busy = true;
    const mark = focusMark();
    let listed = false;
    try {
      const form = new FormData();
      form.set('file', file);
      form.set('dryRun', String(dryRun));
      const report = await this.api.upload<ImportReport>(paths.certificatesImport, form);
      this.report = report;
      const L = this.locale;
      const count = report.issues.length;
      // A check that found problems is not a success: it reads as a warning, an import refused as an error.
      if (dryRun && count) this.warning = t('import.checked-bad', { rows: report.rows, count }, L);
      else if (dryRun) this.success = t('import.checked-ok', { rows: report.rows, count }, L);
      else if (count) this.failure = t('import.refused', { count }, L);
      else {
        this.success = t('import.done', { imported: report.imported, years: this.#years(report.academicYears) }, L);
        this.emit('licheng-certificates-imported', { imported: report.imported });
        input.value = '';
        await this.#showAdded(report.ids, report.academicYears);
        listed = report.ids.length > 0;
      }
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    // A check, a refusal or a failure: focus on what it says (an import focused the new rows).
    if (!listed) await this.#focusNotice(mark);
  }

  /** Focus on the message shown: the failure, else the warning, else the success. */
  #focusNotice(mark?: FocusMark) {
    return focusOutcome(this, this.failure ? '#practicum-failure' : this.warning ? '#practicum-warning' : '#practicum-success', { since: mark });
  }

  async #registerCertificate(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    this.#clear();
    const formEl = event.currentTarget as HTMLFormElement;
    const values = new FormData(formEl);
    this.certificateErrors = checkFields(values, certificateRules, this.locale);
    if (await this.#focusFirstError(formEl, this.certificateErrors)) return;
    const form = new FormData();
    for (const [key, value] of values.entries()) if (typeof value === 'string' ? value.trim() !== '' : value.size > 0) form.set(key, typeof value === 'string' ? value.trim() : value);
    this.busy = true;
    try {
      const saved = await this.api.upload<Certificate>(paths.certificatesRegister, form);
      this.success = t('register.done', { student: this.#student(saved.student), name: saved.name, level: saved.level, year: saved.academicYear }, this.locale);
      formEl.reset();
      this.emit('licheng-certificate-registered', { id: saved.id });
      await this.#showAdded([saved.id], [saved.academicYear]);
    } catch (error) {
      this.failure = errorText(error);
      await this.#focusNotice();
    } finally {
      this.busy = false;
    }
  }

  async #registerInternship(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    this.#clear();
    const formEl = event.currentTarget as HTMLFormElement;
    const values = new FormData(formEl);
    this.internshipErrors = checkInternship(values, this.locale);
    if (await this.#focusFirstError(formEl, this.internshipErrors)) return;
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const input = { studentNo: text('studentNo'), kind: Number(text('kind')), organisation: text('organisation'), title: text('title'), start: text('start'), end: text('end'), hours: Number(text('hours')) };
    this.busy = true;
    try {
      const saved = await this.api.mutation<Internship>(paths.internshipsRegister, input);
      this.success = t('internship.done', { student: this.#student(saved.student), organisation: saved.organisation, year: saved.academicYear }, this.locale);
      formEl.reset();
      this.emit('licheng-internship-registered', { id: saved.id });
      await this.#showAdded([saved.id], [saved.academicYear]);
    } catch (error) {
      this.failure = errorText(error);
      await this.#focusNotice();
    } finally {
      this.busy = false;
    }
  }

  /** Shows the errors and moves focus to the first field with one; true when there were errors. */
  async #focusFirstError(form: HTMLFormElement, errors: FieldErrors): Promise<boolean> {
    if (Object.keys(errors).length === 0) return false;
    this.failure = t('error.fix', {}, this.locale);
    await focusOutcome(this, () => form.querySelector('[aria-invalid="true"], licheng-date-field[invalid]'));
    return true;
  }

  #applyFilter(event: SubmitEvent) {
    event.preventDefault();
    const values = new FormData(event.currentTarget as HTMLFormElement);
    const year = String(values.get('year') ?? '');
    this.allYears = year === 'all';
    if (!this.allYears && Number.isInteger(Number(year)) && Number(year) >= 90 && Number(year) <= 200) this.academicYear = Number(year);
    this.className = String(values.get('className') ?? '').trim();
    this.#clear();
    void this.load();
  }

  /** The years offered: the current one and the five before it, and the one shown if older. */
  #yearOptions(): number[] {
    const current = this.#currentYear ?? this.academicYear;
    if (current === null) return [];
    const years = Array.from({ length: 6 }, (_, i) => current - i);
    if (this.academicYear !== null && !years.includes(this.academicYear)) years.push(this.academicYear);
    return years.sort((a, b) => b - a);
  }

  #showAllYears() {
    this.allYears = true;
    this.#clear();
    void this.load();
  }

  #filters(id: string) {
    const L = this.locale;
    return html`<form class="filters" role="search" aria-label=${t('filter.label', {}, L)} @submit=${this.#applyFilter}>
      <div class="field">
        <label for="${id}-year">${t('filter.year', {}, L)}</label>
        <select id="${id}-year" name="year">
          <option value="all" ?selected=${this.allYears}>${t('filter.all-years', {}, L)}</option>
          ${this.#yearOptions().map((y) => html`<option value=${String(y)} ?selected=${!this.allYears && y === this.academicYear}>${y}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="${id}-class">${t('filter.class', {}, L)}</label>
        <input id="${id}-class" name="className" maxlength="20" .value=${this.className} />
      </div>
      <button type="submit">${t('filter.apply', {}, L)}</button>
    </form>`;
  }

  #issues() {
    const report = this.report;
    if (!report || report.issues.length === 0) return nothing;
    const L = this.locale;
    return html`<div class="table-wrap">
      <table part="issues" class="issues">
        <caption>${t('issues.caption', {}, L)}</caption>
        <thead>
          <tr><th scope="col" class="num">${t('issues.row', {}, L)}</th><th scope="col">${t('issues.column', {}, L)}</th><th scope="col">${t('issues.message', {}, L)}</th></tr>
        </thead>
        <tbody>
          ${report.issues.map(
            (i) =>
              html`<tr>
                <td class="num" data-label=${t('issues.row', {}, L)}>${i.row ?? t('issues.file', {}, L)}</td>
                <td data-label=${t('issues.column', {}, L)}>${i.column ?? '—'}</td>
                <td data-label=${t('issues.message', {}, L)}>${i.message}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #certificatesSection() {
    const L = this.locale;
    const h = this.headingLevel + 1;
    const e = this.certificateErrors;
    const list = this.certificates;
    return html`<section aria-labelledby="import-heading">
        ${heading(h, t('import.heading', {}, L), 'import-heading')}
        <p class="hint">${t('import.intro', {}, L)}</p>
        <button type="button" class="link" @click=${this.#template}>${t('import.template', {}, L)}</button>
        ${field('import', 'file', t('import.file', {}, L), { file: e.importFile ?? '' }, { type: 'file', required: true, accept: LIMITS.list })}
        <div class="actions">
          <button type="button" ?disabled=${this.busy} @click=${() => this.#import(true)}>${t('import.check', {}, L)}</button>
          <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#import(false)}>${t('import.run', {}, L)}</button>
        </div>
        ${this.#issues()}
      </section>
      <section aria-labelledby="register-heading">
        ${heading(h, t('register.heading', {}, L), 'register-heading')}
        <form novalidate @submit=${this.#registerCertificate}>
          <div class="grid">
            ${field('cert', 'studentNo', t('field.studentNo', {}, L), e, { required: true })}
            ${field('cert', 'name', t('field.name', {}, L), e, { required: true })}
            ${field('cert', 'level', t('field.level', {}, L), e, { required: true, hint: t('field.level-hint', { max: LIMITS.level }, L), suggestions: CERTIFICATE_LEVELS })}
            ${field('cert', 'number', t('field.number', {}, L), e, { required: true })}
            ${field('cert', 'date', t('field.date', {}, L), e, { type: 'date', required: true, locale: L })}
            ${field('cert', 'category', t('field.category', {}, L), e, { value: '3', options: ['1', '2', '3', '4'].map((v) => ({ value: v, label: t(`category.${v}` as 'category.1', {}, L) })) })}
            ${field('cert', 'origin', t('field.origin', {}, L), e, { value: 'domestic', options: ['domestic', 'foreign'].map((v) => ({ value: v, label: t(`origin.${v}` as 'origin.domestic', {}, L) })) })}
            ${field('cert', 'issuer', t('field.issuer', {}, L), e, { hint: t('field.issuer-hint', {}, L) })}
            ${field('cert', 'code', t('field.code', {}, L), e)}
            ${field('cert', 'document', t('field.document', {}, L), e, { type: 'file', accept: LIMITS.document, hint: t('field.document-hint', {}, L) })}
          </div>
          <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t('register.submit', {}, L)}</button></div>
        </form>
      </section>
      <section aria-labelledby="list-heading">
        ${heading(h, t('list.heading', {}, L), 'list-heading')} ${this.#filters('cert-filter')}
        ${this.#listTable(list, 'list.empty-certificates', ['col.student', 'col.certificate', 'col.number', 'col.date', 'col.status', 'col.registered'], (c) => html`<tr class=${this.added.has(c.id) ? 'added' : nothing} tabindex=${this.added.has(c.id) ? '-1' : nothing}>
            <td data-label=${t('col.student', {}, L)}>${this.#student(c.student)}${this.#newMark(c.id)}</td>
            <td data-label=${t('col.certificate', {}, L)}>${c.name} ${c.level}<span class="muted"> ${c.issuer}</span></td>
            <td data-label=${t('col.number', {}, L)}>
              ${c.number}
              ${c.documentFileId
                ? html`<button type="button" class="link" aria-label=${t('list.view-scan-label', { student: c.student.name, name: c.name }, L)} @click=${() => this.#viewScan(c)}>
                    ${t('list.view-scan', {}, L)}
                  </button>`
                : nothing}
            </td>
            <td data-label=${t('col.date', {}, L)}>${formatDate(c.date, L)}</td>
            <td data-label=${t('col.status', {}, L)}><licheng-status-badge .locale=${L} status=${c.status}></licheng-status-badge></td>
            <td data-label=${t('col.registered', {}, L)}>${c.registeredByName}</td>
          </tr>`)}
      </section>`;
  }

  #internshipsSection() {
    const L = this.locale;
    const h = this.headingLevel + 1;
    const e = this.internshipErrors;
    const list = this.internships;
    return html`<section aria-labelledby="internship-heading">
        ${heading(h, t('internship.heading', {}, L), 'internship-heading')}
        <form novalidate @submit=${this.#registerInternship}>
          <div class="grid">
            ${field('intern', 'studentNo', t('field.studentNo', {}, L), e, { required: true })}
            ${field('intern', 'kind', t('field.kind', {}, L), e, { value: '2', options: ['1', '2', '3', '4'].map((v) => ({ value: v, label: t(`kind.${v}` as 'kind.1', {}, L) })) })}
            ${field('intern', 'organisation', t('field.organisation', {}, L), e, { required: true })}
            ${field('intern', 'title', t('field.internship-title', {}, L), e, { required: true })}
            ${field('intern', 'start', t('field.start', {}, L), e, { type: 'date', required: true, locale: L })}
            ${field('intern', 'end', t('field.end', {}, L), e, { type: 'date', required: true, locale: L })}
            ${field('intern', 'hours', t('field.hours', {}, L), e, { type: 'number', required: true })}
          </div>
          <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t('internship.submit', {}, L)}</button></div>
        </form>
      </section>
      <section aria-labelledby="internships-heading">
        ${heading(h, t('internships.heading', {}, L), 'internships-heading')} ${this.#filters('intern-filter')}
        ${this.#listTable(list, 'list.empty-internships', ['col.student', 'col.kind', 'col.organisation', 'col.period', 'col.hours', 'col.registered'], (i) => html`<tr class=${this.added.has(i.id) ? 'added' : nothing} tabindex=${this.added.has(i.id) ? '-1' : nothing}>
            <td data-label=${t('col.student', {}, L)}>${this.#student(i.student)}${this.#newMark(i.id)}</td>
            <td data-label=${t('col.kind', {}, L)}>${t(`kind.${i.kind}` as 'kind.1', {}, L)}</td>
            <td data-label=${t('col.organisation', {}, L)}>${i.organisation}<span class="muted"> ${i.title}</span></td>
            <td data-label=${t('col.period', {}, L)}>${t('period', { start: formatDate(i.start, L), end: formatDate(i.end, L) }, L)}</td>
            <td class="num" data-label=${t('col.hours', {}, L)}>${i.hours}</td>
            <td data-label=${t('col.registered', {}, L)}>${i.registeredByName}</td>
          </tr>`)}
      </section>`;
  }

  /** The 「新增」 mark of a record just saved or imported (words, not only a colour). */
  #newMark(id: string) {
    return this.added.has(id) ? html` <span class="new-mark">${t('list.new', {}, this.locale)}</span>` : nothing;
  }

  /** A year's (or every year's) list as a table (loading and empty states included), one row per item. */
  #listTable<I extends { id: string }>(list: { academicYear: number | null; items: I[] } | null, empty: PracticumMessageKey, columns: readonly PracticumMessageKey[], row: (item: I) => unknown) {
    const L = this.locale;
    if (list === null) return html`<p>${t('list.loading', {}, L)}</p>`;
    if (list.items.length === 0)
      return html`<div class="empty">
        <p>${t('list.empty', {}, L)} ${t(empty, {}, L)}</p>
        ${this.allYears ? nothing : html`<button type="button" @click=${this.#showAllYears}>${t('list.show-all-years', {}, L)}</button>`}
      </div>`;
    const count = list.items.length;
    const added = list.items.filter((i) => this.added.has(i.id)).length;
    const caption = list.academicYear === null ? t('list.caption-all', { count }, L) : t('list.caption', { year: list.academicYear, count }, L);
    return html`<div class="table-wrap">
      <table part="table">
        <caption>${caption}${added ? t('list.caption-new', { count: added }, L) : nothing}</caption>
        <thead>
          <tr>
            ${columns.map((k) => html`<th scope="col">${t(k, {}, L)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${list.items.map(row)}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const L = this.locale;
    return html`${heading(this.headingLevel, t('title', {}, L), 'desk-heading')}
      ${tabList({ label: t('tabs.label', {}, L), tabs: TABS.map((id) => ({ id, label: t(`tab.${id}`, {}, L) })), selected: this.tab, onSelect: (tab, byKey) => this.#selectTab(tab, byKey), panelId: 'panel' })}
      <div id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}">
        <licheng-notice id="practicum-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
        <licheng-notice id="practicum-warning" variant="warning" .locale=${L} .message=${this.warning}></licheng-notice>
        <licheng-notice id="practicum-success" variant="success" .locale=${L} .message=${this.success}></licheng-notice>
        ${this.tab === 'certificates' ? this.#certificatesSection() : this.#internshipsSection()}
      </div>
      <licheng-file-viewer .locale=${L}></licheng-file-viewer>`;
  }
}
