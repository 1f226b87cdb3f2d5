import { html, nothing, type PropertyValues } from 'lit';
import type { Activity } from '@licheng/core';
import { downloadFile, LichengConnectedElement, errorText } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { activityText, dateText, daysText, gradesText, scopeText, semesterText, stateText, type ScheduleState } from '../../schedule-text.ts';
import { paths, type PublicSchedule, type Schedule, type ScheduleWindowView } from '../api.ts';
import { t } from '../messages.ts';
import { scheduleStyles } from './schedule.styles.ts';

/** Shapes beside each state's words, so the state never rests on colour alone. */
const ICONS: Record<ScheduleState, string> = { open: '●', 'not-yet': '◷', closed: '■', unscheduled: '…' };

export type ScheduleDateFormat = 'roc' | 'iso';

/** `detail` of `licheng-schedule-loaded`. */
export interface ScheduleLoadedDetail {
  academicYear: number;
  /** The activities with a window open today, in the order the table lists them. */
  open: Activity[];
}

/**
 * `<licheng-schedule>` — the school's 作業期程 as the working group (學習歷程工作小組) publishes it:
 * every window of an academic year with its dates (民國 by default), where it stands today in
 * words (開放中 with the days left, 尚未開放 with the days to go, 已截止), the activities still
 * to be announced (另行公告), a year switcher and the Excel download. `compact` lists only what
 * is open or about to open, for a portal sidebar. Any signed-in user of the school may see it.
 *
 * @attr academic-year - 學年度 to show (e.g. 115); the current academic year when absent.
 * @attr heading-level - Level of the element's heading, 1–6 (default 2), to fit the host page's outline.
 * @attr compact - Only open and upcoming windows, three columns, no year switcher or download.
 * @attr public - Read the published schedule without signing in (a school website's schedule page); the heading names the school.
 * @attr school - With `public`: the school's 6-digit code, where one deployment serves several schools.
 * @attr date-format - 'roc' (民國 114/08/01) or 'iso' (2025-08-01); default 'roc' in zh-TW, 'iso' in English.
 * @event licheng-schedule-loaded - A year's schedule was loaded; `detail: { academicYear, open }` (open: activity ids).
 * @event licheng-token-expired - The token has expired (from LichengConnectedElement).
 * @csspart table - The schedule table.
 * @csspart row - Each row of the table (one window, or one activity to be announced).
 * @csspart state - The cell saying where a window stands.
 * @csspart download - The Excel download button.
 * @cssprop --licheng-schedule-open-background - Background of the rows of open windows (default --licheng-color-success-bg).
 *   The states' words take the shared tokens: 開放中 --licheng-color-success, 尚未開放
 *   --licheng-color-warning, 已截止 --licheng-color-text-muted, 另行公告 --licheng-color-info.
 */
export class LichengSchedule extends LichengConnectedElement {
  static override styles = [...screenStyles, scheduleStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    academicYear: { type: Number, attribute: 'academic-year' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    compact: { type: Boolean, reflect: true },
    public: { type: Boolean, reflect: true },
    school: { attribute: 'school' },
    dateFormat: { attribute: 'date-format' },
    schedule: { state: true },
    loading: { state: true },
    downloading: { state: true },
    failure: { state: true },
  };

  /** 學年度 shown; undefined for the current one (the server decides it from its clock). */
  declare academicYear: number | undefined;
  declare headingLevel: number;
  declare compact: boolean;
  /** Read the published schedule without signing in (the school website's page); no token is needed or sent. */
  declare public: boolean;
  /** With `public`: the school's 6-digit code (學校代碼), for a deployment that serves several schools. */
  declare school: string | undefined;
  declare dateFormat: ScheduleDateFormat | undefined;
  /** The schedule last loaded. */
  declare schedule: Schedule | null;
  declare loading: boolean;
  declare downloading: boolean;
  declare failure: string;

  /** Only the answer to the latest request is shown when years are switched quickly. */
  #ticket = 0;
  #settled = false;

  constructor() {
    super();
    this.academicYear = undefined;
    this.headingLevel = 2;
    this.compact = false;
    this.public = false;
    this.school = undefined;
    this.dateFormat = undefined;
    this.schedule = null;
    this.loading = false;
    this.downloading = false;
    this.failure = '';
  }

  override async load(): Promise<void> {
    const ticket = ++this.#ticket;
    // load() runs from within an update (the first one, a changed year): change state after it.
    await this.updateComplete;
    if (ticket !== this.#ticket) return;
    this.loading = true;
    this.failure = '';
    try {
      const year = this.academicYear === undefined ? {} : { academicYear: this.academicYear };
      const schedule = this.public
        ? await this.api.query<PublicSchedule>(paths.public, { ...year, ...(this.school ? { school: this.school } : {}) })
        : await this.api.query<Schedule>(paths.list, this.academicYear === undefined ? undefined : year);
      if (ticket !== this.#ticket) return;
      this.schedule = schedule;
      const open = [...new Set(schedule.windows.filter((w) => w.state === 'open').map((w) => w.activity))];
      this.emit<ScheduleLoadedDetail>('licheng-schedule-loaded', { academicYear: schedule.academicYear, open });
    } catch (error) {
      if (ticket === this.#ticket) this.failure = errorText(error);
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The first load comes from LichengConnectedElement; later year changes load again.
    if (this.#settled && (changed.has('academicYear') || changed.has('public') || changed.has('school'))) void this.load();
    this.#settled = true;
  }

  get #format(): ScheduleDateFormat {
    if (this.dateFormat === 'roc' || this.dateFormat === 'iso') return this.dateFormat;
    return this.locale === 'en' ? 'iso' : 'roc';
  }

  #date(iso: string) {
    return html`<time datetime=${iso}>${dateText(iso, this.#format)}</time>`;
  }

  #chooseYear(event: Event) {
    const year = Number((event.target as HTMLSelectElement).value);
    if (Number.isInteger(year) && year !== this.schedule?.academicYear) this.academicYear = year;
  }

  async #download() {
    const schedule = this.schedule;
    if (!schedule || this.downloading) return;
    this.downloading = true;
    this.failure = '';
    const mark = focusMark();
    try {
      await downloadFile(this.api, schedule.download, t('download.name', { year: schedule.academicYear }, this.locale));
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.downloading = false;
    }
    // The refusal, or back on the (re-enabled) download button.
    await focusOutcome(this, this.failure ? '#schedule-failure' : '[part="download"]', { since: mark });
  }

  #state(state: ScheduleState, days: string) {
    return html`<td part="state" class="state">
      <span class="badge ${state}"><span aria-hidden="true">${ICONS[state]}</span> ${stateText(state, this.locale)}</span>
      ${days ? html`<span class="days">${days}</span>` : nothing}
    </td>`;
  }

  #activity(w: ScheduleWindowView) {
    const name = activityText(w.activity, this.locale);
    const named = w.state === 'open' ? html`<strong>${name}</strong>` : name;
    return w.qualifier ? html`${named}<span class="sub">${w.qualifier}</span>` : named;
  }

  /** 年級, and the classes or record kinds a window is limited to. */
  #audience(w: ScheduleWindowView) {
    const scope = scopeText({ classes: w.classes, recordKinds: w.recordKinds }, this.locale, this.schedule?.kindNames ?? {});
    return html`${gradesText(w.grades, this.locale)}${scope ? html`<span class="sub">${scope}</span>` : nothing}`;
  }

  #row(w: ScheduleWindowView) {
    const L = this.locale;
    return html`<tr part="row" class=${w.state}>
      <th scope="row">${this.#activity(w)}</th>
      <td>${semesterText(w.semester, L)}</td>
      <td>${this.#audience(w)}</td>
      <td class="date">${this.#date(w.start)}</td>
      <td class="date">${this.#date(w.end)}</td>
      <td class=${w.selfCheck ? 'self-check' : 'self-check none'}>${w.selfCheck ? html`<span class="card-label" aria-hidden="true">${t('col.selfCheck', {}, L)}</span>${this.#date(w.selfCheck)}` : '—'}</td>
      ${this.#state(w.state, daysText(w, L))}
    </tr>`;
  }

  #compactRow(w: ScheduleWindowView) {
    const L = this.locale;
    return html`<tr part="row" class=${w.state}>
      <th scope="row">${this.#activity(w)}<span class="sub">${semesterText(w.semester, L)}・${gradesText(w.grades, L)}</span></th>
      <td class="date">${this.#date(w.start)} ${t('period.to', {}, L)} ${this.#date(w.end)}</td>
      ${this.#state(w.state, daysText(w, L))}
    </tr>`;
  }

  #unscheduledRow(activity: Activity) {
    return html`<tr part="row" class="unscheduled">
      <th scope="row">${activityText(activity, this.locale)}</th>
      <td colspan="5" class="muted">${t('unscheduled.cell', {}, this.locale)}</td>
      ${this.#state('unscheduled', '')}
    </tr>`;
  }

  #summary(s: Schedule): string {
    const count = (state: ScheduleWindowView['state']) => s.windows.filter((w) => w.state === state).length;
    const params = { year: s.academicYear, open: count('open'), upcoming: count('not-yet'), closed: count('closed'), unscheduled: s.unscheduled.length };
    return t(this.compact ? 'summary.compact' : 'summary', params, this.locale);
  }

  #toolbar(s: Schedule) {
    const L = this.locale;
    const years = [...new Set([...s.years, s.academicYear])].sort((a, b) => a - b);
    return html`<div class="toolbar">
      ${years.length > 1
        ? html`<div class="field">
            <label for="year">${t('year.label', {}, L)}</label>
            <select id="year" @change=${this.#chooseYear}>
              ${years.map((y) => html`<option value=${y} .selected=${y === s.academicYear}>${t('year.option', { year: y }, L)}</option>`)}
            </select>
          </div>`
        : nothing}
      <button type="button" part="download" ?disabled=${this.downloading} @click=${this.#download}>${t('download.label', { year: s.academicYear }, L)}</button>
    </div>`;
  }

  #full(s: Schedule) {
    const L = this.locale;
    return html`${this.#toolbar(s)}
      <p class="muted today">${t('today', { date: dateText(s.today, this.#format) }, L)}</p>
      ${s.windows.length === 0 ? html`<p>${t('empty', {}, L)}</p>` : nothing}
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="schedule-caption">
        <table part="table">
          <caption id="schedule-caption">${t('caption', { year: s.academicYear }, L)}</caption>
          <thead>
            <tr>
              <th scope="col">${t('col.activity', {}, L)}</th>
              <th scope="col">${t('col.semester', {}, L)}</th>
              <th scope="col">${t('col.grades', {}, L)}</th>
              <th scope="col">${t('col.start', {}, L)}</th>
              <th scope="col">${t('col.end', {}, L)}</th>
              <th scope="col">${t('col.selfCheck', {}, L)}</th>
              <th scope="col">${t('col.state', {}, L)}</th>
            </tr>
          </thead>
          <tbody>
            ${s.windows.map((w) => this.#row(w))} ${s.unscheduled.map((a) => this.#unscheduledRow(a))}
          </tbody>
        </table>
      </div>`;
  }

  #compactView(s: Schedule) {
    const L = this.locale;
    const current = s.windows.filter((w) => w.state === 'open' || w.state === 'not-yet');
    if (current.length === 0) return html`<p>${t('empty.compact', {}, L)}</p>`;
    return html`<div class="table-wrap">
      <table part="table">
        <caption>${t('caption.compact', { year: s.academicYear }, L)}</caption>
        <thead>
          <tr>
            <th scope="col">${t('col.activity', {}, L)}</th>
            <th scope="col">${t('col.period', {}, L)}</th>
            <th scope="col">${t('col.state', {}, L)}</th>
          </tr>
        </thead>
        <tbody>
          ${current.map((w) => this.#compactRow(w))}
        </tbody>
      </table>
    </div>`;
  }

  /** The heading; a public page names the school, since a website visitor has not signed in to one. */
  #title(): string {
    const L = this.locale;
    const title = t(this.compact ? 'heading.compact' : 'heading', {}, L);
    const school = this.schedule && 'school' in this.schedule ? (this.schedule as PublicSchedule).school.name : '';
    return school ? t('heading.school', { school, title }, L) : title;
  }

  override render() {
    const L = this.locale;
    const s = this.schedule;
    return html`<section aria-labelledby="heading" aria-busy=${this.loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, this.#title(), 'heading')}
      <p role="status" class=${s ? 'summary' : 'summary muted'}>${s ? this.#summary(s) : this.failure ? '' : t('loading', {}, L)}</p>
      ${this.failure ? html`<p id="schedule-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${s ? (this.compact ? this.#compactView(s) : this.#full(s)) : nothing}
    </section>`;
  }
}
