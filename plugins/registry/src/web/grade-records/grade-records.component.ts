import { css, html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { cardTable, cardTableSideLabels, focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { paths, type GradeListRow, type GradePage, type MeTerm } from '../api.ts';
import { t, tAny } from '../messages.ts';

/**
 * `<licheng-grade-records>` — the registry's 成績 section: a term's grades filtered by class and
 * course code, 50 a page, each with its kind of taking and context (補修 應修課學期, 重修 原修課學期, …).
 * Grades are imported with `<licheng-roster-import>` (kind 學期成績).
 *
 * @event licheng-token-expired - The token has expired.
 */
export class GradeRecords extends LichengConnectedElement {
  static override styles = [...screenStyles, cardTable, cardTableSideLabels, css`:host { display: block; } .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }`];
  static override properties = {
    ...LichengConnectedElement.properties,
    academicYear: { state: true },
    semester: { state: true },
    className: { state: true },
    courseCode: { state: true },
    page: { state: true },
    failure: { state: true },
  };

  declare academicYear: number;
  declare semester: 1 | 2;
  declare className: string;
  declare courseCode: string;
  declare page: GradePage | null;
  declare failure: string;

  constructor() {
    super();
    this.academicYear = 0;
    this.semester = 1;
    this.className = '';
    this.courseCode = '';
    this.page = null;
    this.failure = '';
  }

  /** The current term, read once: a search started before it arrives waits for it. */
  #term: Promise<void> = Promise.resolve();

  override load(): Promise<void> {
    if (this.academicYear) return Promise.resolve();
    this.#term = (async () => {
      try {
        const me = await this.api.read<MeTerm>(paths.me);
        this.academicYear = me.term.academicYear;
        this.semester = me.term.semester;
      } catch (error) {
        this.failure = error instanceof LichengApiError ? error.message : String(error);
      }
    })();
    return this.#term;
  }

  #search(event: Event) {
    event.preventDefault();
    return this.#show(1);
  }

  async #show(page: number) {
    const mark = focusMark();
    await this.#term;
    this.failure = '';
    try {
      const input = {
        academicYear: this.academicYear,
        semester: this.semester,
        ...(this.className.trim() ? { className: this.className.trim() } : {}),
        ...(this.courseCode.trim() ? { courseCode: this.courseCode.trim() } : {}),
        ...(page > 1 ? { page } : {}),
      };
      this.page = await this.api.query<GradePage>(paths.grades, input);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
    await focusOutcome(this, this.failure ? '#grades-failure' : '#grades-count', { since: mark });
  }

  #context(row: GradeListRow): string {
    return Object.entries(row.context)
      .filter(([, v]) => v !== '' && v !== 0 && v !== -1)
      .map(([k, v]) => `${tAny(`ctx.${k}`, this.locale)} ${v}`)
      .join('、');
  }

  #countText(page: GradePage): string {
    const L = this.locale;
    if (!page.total) return t('grades.none', {}, L);
    if (page.total <= page.pageSize) return t('grades.count', { count: page.total }, L);
    const from = (page.page - 1) * page.pageSize + 1;
    return t('grades.page', { from, to: from + page.rows.length - 1, count: page.total }, L);
  }

  /** 上一頁 / 下一頁 when the term has more than one page; each lands on the count of the page shown. */
  #pager(page: GradePage) {
    const L = this.locale;
    if (page.total <= page.pageSize) return nothing;
    const last = Math.ceil(page.total / page.pageSize);
    return html`<nav class="row" aria-label=${t('grades.pages', {}, L)}>
      <button type="button" ?disabled=${page.page <= 1} @click=${() => this.#show(page.page - 1)}>${t('grades.previous', {}, L)}</button>
      <button type="button" ?disabled=${page.page >= last} @click=${() => this.#show(page.page + 1)}>${t('grades.next', {}, L)}</button>
    </nav>`;
  }

  override render() {
    const L = this.locale;
    const page = this.page;
    const rows = page?.rows ?? [];
    const input = (id: string, label: string, value: string, set: (v: string) => void, numeric = false) => html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} inputmode=${numeric ? 'numeric' : 'text'} .value=${value} @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />
    </div>`;
    return html`<section aria-labelledby="grades-heading">
      ${heading(2, t('grades.heading', {}, L), 'grades-heading')}
      <p class="muted">${t('grades.intro', {}, L)}</p>
      <form novalidate @submit=${this.#search}>
        <div class="row">
          ${input('grades-year', t('grades.year', {}, L), this.academicYear ? String(this.academicYear) : '', (v) => (this.academicYear = Number(v)), true)}
          <div class="field">
            <label for="grades-semester">${t('grades.semester', {}, L)}</label>
            <select id="grades-semester" @change=${(e: Event) => (this.semester = Number((e.target as HTMLSelectElement).value) as 1 | 2)}>
              <option value="1" .selected=${this.semester === 1}>1</option>
              <option value="2" .selected=${this.semester === 2}>2</option>
            </select>
          </div>
          ${input('grades-class', t('grades.class', {}, L), this.className, (v) => (this.className = v))}
          ${input('grades-course', t('grades.course', {}, L), this.courseCode, (v) => (this.courseCode = v))}
          <button type="submit" class="primary">${t('grades.filter', {}, L)}</button>
        </div>
      </form>
      ${this.failure ? html`<p id="grades-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${page === null
        ? nothing
        : html`<p id="grades-count" role="status">${this.#countText(page)}</p>
            ${rows.length
              ? html`<div class="table-wrap">
                  <table class="cards">
                    <caption class="sr-only">${t('grades.heading', {}, L)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">${t('grades.student', {}, L)}</th>
                        <th scope="col">${t('grades.subject', {}, L)}</th>
                        <th scope="col">${t('grades.take', {}, L)}</th>
                        <th scope="col">${t('grades.score', {}, L)}</th>
                        <th scope="col">${t('grades.passed', {}, L)}</th>
                        <th scope="col">${t('grades.counted', {}, L)}</th>
                        <th scope="col">${t('grades.context', {}, L)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${rows.map(
                        (r) => html`<tr>
                          <th scope="row" data-label=${t('grades.student', {}, L)}>${r.className} ${r.seatNo} ${r.name}（${r.studentNo}）</th>
                          <td data-label=${t('grades.subject', {}, L)}>${r.subjectName} <span class="muted">${r.courseCode}</span></td>
                          <td data-label=${t('grades.take', {}, L)}>${tAny(`take.${r.take}`, L)}</td>
                          <td data-label=${t('grades.score', {}, L)}>${r.score}${r.makeUpScore !== '-1' ? ` / ${r.makeUpScore}` : ''}</td>
                          <td data-label=${t('grades.passed', {}, L)}>${tAny(`pass.${r.passed}`, L)}</td>
                          <td data-label=${t('grades.counted', {}, L)}>${tAny(`counted.${r.creditCounted}`, L)}</td>
                          <td data-label=${t('grades.context', {}, L)} class=${this.#context(r) ? '' : 'blank'}>${this.#context(r)}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                ${this.#pager(page)}`
              : nothing}`}
    </section>`;
  }
}
