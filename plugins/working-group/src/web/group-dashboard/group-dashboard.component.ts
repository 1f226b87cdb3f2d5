import { css, html, nothing, type TemplateResult } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { cardTable, cardTableSideLabels, focusOutcome, formatDate, heading, screenStyles } from '@licheng/ui';
import type { DashboardView } from '../../server/procedures/dashboard-progress.ts';
import { termPicker, termStyles } from '../term-picker.ts';
import { barChart, lineChart, stackedChart } from './charts.ts';
import { t, type DashboardKey } from './dashboard.messages.ts';

export const dashboardPath = 'working-group.dashboard.progress';

type Certified = DashboardView['teachers'][number] | DashboardView['offices'][number];

/**
 * `<licheng-group-dashboard>` — the term's progress for the working group: selection per class,
 * certification per teacher and per office (who is behind first, marked 落後 in words), and
 * certifications and selections over time. Every chart is a small SVG (decoration) with a table
 * beside it holding the same figures — what screen readers and printouts read. Side by side on
 * a wide screen, one under the other at 390 px; print drops the controls and keeps each chart
 * with its table.
 *
 * @attr academic-year - 學年度; the current one when absent.
 * @attr semester - 1 or 2; the current one when absent.
 * @attr heading-level - Level of the heading (default 2); each part is one level below.
 * @event licheng-dashboard-loaded - After each load: `detail: { academicYear, semester }`.
 * @event licheng-token-expired - The token has expired.
 */
export class LichengGroupDashboard extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    cardTable,
    // On a narrow screen each figure's name sits beside it: a card of five short lines, not ten.
    cardTableSideLabels,
    termStyles,
    css`
      :host { display: block; }
      section { margin-block: 1.5rem; break-inside: avoid; }
      .pair { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); align-items: start; }
      @media (min-width: 56rem) { .pair { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } }
      figure { margin: 0; }
      figcaption, .legend { font-size: 0.875rem; }
      .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0.25rem 0 0; padding: 0; list-style: none; }
      .chart { display: block; max-inline-size: 32rem; color: var(--licheng-color-text, #1b1b1b); }
      .chart .label, .chart .value { font-size: 11px; fill: currentColor; }
      .chart .solid { fill: currentColor; }
      .chart .track { fill: none; stroke: currentColor; stroke-opacity: 0.3; }
      .chart .outline { fill: none; stroke: currentColor; stroke-width: 1.5; stroke-dasharray: 3 2; }
      .chart .axis { stroke: currentColor; stroke-opacity: 0.5; }
      .chart .line-a { fill: none; stroke: var(--licheng-color-primary, #1d4ed8); stroke-width: 2; }
      .chart .line-b { fill: none; stroke: currentColor; stroke-width: 2; stroke-dasharray: 6 4; }
      .chart .dot-a { fill: var(--licheng-color-primary, #1d4ed8); }
      .chart .dot-b { fill: currentColor; }
      .behind { font-weight: 700; color: var(--licheng-color-danger, #a4262c); }
      .table-wrap { overflow-x: auto; }
      @media print {
        .term { display: none; }
        .pair { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
        .chart, .behind { color: #000; }
        .chart .line-a, .chart .dot-a { stroke: #000; fill: #000; }
        .chart .line-a { fill: none; }
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    academicYear: { type: Number, attribute: 'academic-year' },
    semester: { type: Number },
    headingLevel: { type: Number, attribute: 'heading-level' },
    view: { state: true },
    failure: { state: true },
  };

  declare academicYear: number | undefined;
  declare semester: number | undefined;
  declare headingLevel: number;
  declare view: DashboardView | null;
  declare failure: string;
  #asked = 0;

  constructor() {
    super();
    this.academicYear = undefined;
    this.semester = undefined;
    this.headingLevel = 2;
    this.view = null;
    this.failure = '';
  }

  override updated(changed: Map<string, unknown>): void {
    super.updated(changed);
    if ((changed.has('academicYear') || changed.has('semester')) && this.view && (this.academicYear !== this.view.academicYear || this.semester !== this.view.semester)) void this.load();
  }

  override async load(): Promise<void> {
    const asked = ++this.#asked;
    try {
      const input = this.academicYear ? { academicYear: this.academicYear, ...(this.semester ? { semester: this.semester } : {}) } : undefined;
      const view = await this.api.query<DashboardView>(dashboardPath, input);
      // When the term is switched quickly, only the last answer is shown.
      if (asked !== this.#asked) return;
      this.failure = '';
      this.view = view;
      this.academicYear = view.academicYear;
      this.semester = view.semester;
      this.emit('licheng-dashboard-loaded', { academicYear: view.academicYear, semester: view.semester });
    } catch (error) {
      this.failure = t('failed', { message: errorText(error) }, this.locale);
      await focusOutcome(this, '#dashboard-failure');
    }
  }

  #col = (key: DashboardKey) => t(key, {}, this.locale);

  /** A chart (decoration) beside its table, under a heading one level below the element's. */
  #part(id: string, title: DashboardKey, chart: TemplateResult, legend: DashboardKey[], table: TemplateResult) {
    const L = this.locale;
    return html`<section aria-labelledby=${`${id}-heading`}>
      ${heading(Math.min(6, this.headingLevel + 1), t(title, {}, L), `${id}-heading`)}
      <div class="pair">
        <figure>
          ${chart}
          <figcaption>${t('chart', { what: t(title, {}, L) }, L)}</figcaption>
          ${legend.length ? html`<ul class="legend">${legend.map((k) => html`<li>${t(k, {}, L)}</li>`)}</ul>` : nothing}
        </figure>
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby=${`${id}-caption`}>${table}</div>
      </div>
    </section>`;
  }

  #certified(id: 'teachers' | 'offices', rows: Certified[]) {
    const L = this.locale;
    const cols: DashboardKey[] = ['col.total', 'col.passed', 'col.failed', 'col.pending', 'col.rate'];
    const table = rows.length
      ? html`<table class="cards" part=${`${id}-table`}>
          <caption id=${`${id}-caption`}>${t(`${id}.caption`, {}, L)}</caption>
          <thead><tr><th scope="col">${this.#col(`${id}.col.name`)}</th>${cols.map((c) => html`<th scope="col">${this.#col(c)}</th>`)}<th scope="col">${this.#col('col.progress')}</th></tr></thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr>
                <th scope="row">${r.name}</th>
                ${[r.total, r.passed, r.failed, r.pending, r.rate].map((v, i) => html`<td data-label=${this.#col(cols[i]!)}>${v}</td>`)}
                <td data-label=${this.#col('col.progress')} class=${r.pending ? 'behind' : ''}>${r.pending ? html`<span aria-hidden="true">⚠ </span>${this.#col('behind')}` : this.#col('done')}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p id=${`${id}-caption`}>${t(`${id}.empty`, {}, L)}</p>`;
    return this.#part(id, `${id}.heading`, stackedChart(`hatch-${id}`, rows.map((r) => ({ label: r.name, passed: r.passed, failed: r.failed, pending: r.pending }))), rows.length ? ['legend.passed', 'legend.failed', 'legend.pending'] : [], table);
  }

  #classes(view: DashboardView) {
    const L = this.locale;
    const students = view.classes.reduce((s, c) => s + c.students, 0);
    const school = students ? view.classes.reduce((s, c) => s + c.selecting, 0) / students : 0;
    const cols: DashboardKey[] = ['classes.col.students', 'classes.col.selecting', 'classes.col.selections', 'col.rate'];
    const table = view.classes.length
      ? html`<table class="cards" part="classes-table">
          <caption id="classes-caption">${t('classes.caption', {}, L)}</caption>
          <thead><tr><th scope="col">${this.#col('classes.col.class')}</th>${cols.map((c) => html`<th scope="col">${this.#col(c)}</th>`)}<th scope="col">${this.#col('col.progress')}</th></tr></thead>
          <tbody>
            ${view.classes.map((c) => {
              const behind = c.students > 0 && c.selecting / c.students < school;
              return html`<tr>
                <th scope="row">${c.className}</th>
                ${[c.students, c.selecting, c.selections, c.rate].map((v, i) => html`<td data-label=${this.#col(cols[i]!)}>${v}</td>`)}
                <td data-label=${this.#col('col.progress')} class=${behind ? 'behind' : ''}>${behind ? html`<span aria-hidden="true">⚠ </span>${this.#col('behind')}` : this.#col('on-track')}</td>
              </tr>`;
            })}
          </tbody>
        </table>`
      : html`<p id="classes-caption">${t('classes.empty', {}, L)}</p>`;
    return this.#part('classes', 'classes.heading', barChart(view.classes.map((c) => ({ label: c.className, value: c.students ? c.selecting / c.students : 0, text: c.rate })), 1), [], table);
  }

  #series(view: DashboardView) {
    const L = this.locale;
    const cols: DashboardKey[] = ['series.col.certified', 'series.col.certifiedTotal', 'series.col.selected', 'series.col.selectedTotal'];
    const table = view.series.length
      ? html`<table class="cards" part="series-table">
          <caption id="series-caption">${t('series.caption', {}, L)}</caption>
          <thead><tr><th scope="col">${this.#col('series.col.date')}</th>${cols.map((c) => html`<th scope="col">${this.#col(c)}</th>`)}</tr></thead>
          <tbody>
            ${view.series.map(
              (d) => html`<tr>
                <th scope="row"><time datetime=${d.date}>${formatDate(d.date, L)}</time></th>
                ${[d.certified, d.certifiedTotal, d.selected, d.selectedTotal].map((v, i) => html`<td data-label=${this.#col(cols[i]!)}>${v}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p id="series-caption">${t('series.empty', {}, L)}</p>`;
    return this.#part('series', 'series.heading', lineChart(view.series.map((d) => ({ date: formatDate(d.date, L), a: d.certifiedTotal, b: d.selectedTotal }))), view.series.length ? ['legend.certified', 'legend.selected'] : [], table);
  }

  override render() {
    const L = this.locale;
    const view = this.view;
    const students = view?.classes.reduce((s, c) => s + c.students, 0) ?? 0;
    const school = view && students ? view.classes.reduce((s, c) => s + c.selecting, 0) / students : 0;
    return html`${heading(this.headingLevel, t('heading', {}, L), 'dashboard-heading')}
      ${this.failure ? html`<p role="alert" id="dashboard-failure" tabindex="-1">${this.failure}</p>` : nothing}
      ${view
        ? html`<div class="term">
              ${termPicker({ academicYear: view.academicYear, semester: view.semester, locale: L, disabled: false, yearLabel: t('year', {}, L), semesterLabel: t('semester', {}, L), semesterText: (s) => t(`semester.${s}`, {}, L), onChange: (y, s) => ((this.academicYear = y), (this.semester = s)) })}
            </div>
            <p role="status" id="dashboard-summary">
              ${t('summary', { year: view.academicYear, semester: view.semester, classes: view.classes.filter((c) => c.students && c.selecting / c.students < school).length, teachers: view.teachers.filter((x) => x.pending).length, offices: view.offices.filter((x) => x.pending).length }, L)}
            </p>
            ${this.#classes(view)} ${this.#certified('teachers', view.teachers)} ${this.#certified('offices', view.offices)} ${this.#series(view)}`
        : this.failure ? nothing : html`<p>${t('loading', {}, L)}</p>`}`;
  }
}
