import { css, html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { paths, type Appeal, type CorrectionDone, type CorrectionInput, type CorrectionPreview, type MeTerm } from '../api.ts';
import { t, tAny } from '../messages.ts';

const FIELDS = ['score', 'passed', 'make_up_score', 'make_up_passed', 'credit_counted'] as const;
type Field = (typeof FIELDS)[number];

/**
 * `<licheng-grade-appeals>` — the registry's 成績複查 section: students' open appeals, each
 * answered in place; and a correction by pattern (same course, same wrong value) previewed for
 * every affected student, then applied to all at once — with an undo that previews the way back.
 *
 * @event licheng-token-expired - The token has expired.
 */
export class GradeAppeals extends LichengConnectedElement {
  static override styles = [...screenStyles, css`:host { display: block; } .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; } textarea { inline-size: 100%; }`];
  static override properties = {
    ...LichengConnectedElement.properties,
    appeals: { state: true },
    answers: { state: true },
    pattern: { state: true },
    preview: { state: true },
    done: { state: true },
    message: { state: true },
    failure: { state: true },
  };

  declare appeals: Appeal[] | null;
  declare answers: Record<string, string>;
  declare pattern: CorrectionInput;
  declare preview: CorrectionPreview | null;
  declare done: CorrectionDone | null;
  declare message: string;
  declare failure: string;

  constructor() {
    super();
    this.appeals = null;
    this.answers = {};
    this.pattern = { academicYear: 0, semester: 1, courseCode: '', field: 'score', from: '', to: '' };
    this.preview = null;
    this.done = null;
    this.message = '';
    this.failure = '';
  }

  override async load(): Promise<void> {
    try {
      if (!this.pattern.academicYear) {
        const me = await this.api.read<MeTerm>(paths.me);
        this.pattern = { ...this.pattern, academicYear: me.term.academicYear, semester: me.term.semester };
      }
      this.appeals = await this.api.query<Appeal[]>(paths.appeals, { status: 'open' });
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  async #act(action: () => Promise<void>, target: string) {
    const mark = focusMark();
    this.failure = '';
    this.message = '';
    try {
      await action();
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
    await focusOutcome(this, this.failure ? '#appeals-failure' : target, { since: mark });
  }

  #answer(event: Event, appeal: Appeal) {
    event.preventDefault();
    const L = this.locale;
    const answer = (this.answers[appeal.id] ?? '').trim();
    if (!answer) {
      this.failure = t('appeals.answer-required', {}, L);
      void focusOutcome(this, `#answer-${appeal.id}`);
      return;
    }
    void this.#act(async () => {
      await this.api.mutation(paths.answerAppeal, { appealId: appeal.id, answer });
      this.message = t('appeals.answered', { name: appeal.student.name }, L);
      this.appeals = await this.api.query<Appeal[]>(paths.appeals, { status: 'open' });
    }, '#appeals-message');
  }

  #previewPattern(event?: Event) {
    event?.preventDefault();
    const L = this.locale;
    const p = this.pattern;
    if (!p.academicYear || p.courseCode.trim().length !== 23 || !p.from.trim() || !p.to.trim()) {
      this.failure = t('correct.required', {}, L);
      void focusOutcome(this, '#appeals-failure');
      return;
    }
    this.done = null;
    void this.#act(async () => {
      this.preview = await this.api.query<CorrectionPreview>(paths.previewCorrection, p);
    }, '#preview-count');
  }

  #commit() {
    const preview = this.preview;
    if (!preview) return;
    void this.#act(async () => {
      this.done = await this.api.mutation<CorrectionDone>(paths.commitCorrection, { ...this.pattern, gradeIds: preview.grades.map((g) => g.gradeId) });
      this.preview = null;
    }, '#correct-done');
  }

  /** A mis-click taken back: the reverse pattern, previewed (nothing changes until it is applied). */
  #undo() {
    const done = this.done;
    if (!done) return;
    this.pattern = { ...this.pattern, from: done.to, to: done.from };
    this.#previewPattern();
  }

  #patternForm() {
    const L = this.locale;
    const p = this.pattern;
    const set = (patch: Partial<CorrectionInput>) => ((this.pattern = { ...this.pattern, ...patch }), (this.preview = null));
    const text = (id: string, label: string, value: string, key: 'courseCode' | 'from' | 'to') => html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} .value=${value} @input=${(e: Event) => set({ [key]: (e.target as HTMLInputElement).value })} />
    </div>`;
    return html`<form novalidate @submit=${(e: Event) => this.#previewPattern(e)}>
      <div class="row">
        <div class="field">
          <label for="correct-year">${t('correct.year', {}, L)}</label>
          <input id="correct-year" inputmode="numeric" maxlength="3" .value=${String(p.academicYear || '')} @input=${(e: Event) => set({ academicYear: Number((e.target as HTMLInputElement).value) })} />
        </div>
        <div class="field">
          <label for="correct-semester">${t('correct.semester', {}, L)}</label>
          <select id="correct-semester" @change=${(e: Event) => set({ semester: Number((e.target as HTMLSelectElement).value) })}>
            <option value="1" .selected=${p.semester === 1}>1</option>
            <option value="2" .selected=${p.semester === 2}>2</option>
          </select>
        </div>
        ${text('correct-course', t('grades.course', {}, L), p.courseCode, 'courseCode')}
        <div class="field">
          <label for="correct-field">${t('correct.field', {}, L)}</label>
          <select id="correct-field" @change=${(e: Event) => set({ field: (e.target as HTMLSelectElement).value as Field })}>
            ${FIELDS.map((f) => html`<option value=${f} .selected=${p.field === f}>${tAny(`field.${f}`, L)}</option>`)}
          </select>
        </div>
        ${text('correct-from', t('correct.from', {}, L), p.from, 'from')} ${text('correct-to', t('correct.to', {}, L), p.to, 'to')}
        <button type="submit">${t('correct.preview', {}, L)}</button>
      </div>
    </form>`;
  }

  #previewView(preview: CorrectionPreview) {
    const L = this.locale;
    const field = tAny(`field.${preview.field}`, L);
    return html`<p id="preview-count" role="status">${t('correct.preview-count', { count: preview.grades.length, field, from: preview.from, to: preview.to }, L)}</p>
      <ul>
        ${preview.grades.map((g) => html`<li>${g.className} ${g.seatNo} ${g.name}（${g.studentNo}）${tAny(`take.${g.take}`, L)}</li>`)}
      </ul>
      <button type="button" class="primary" ?disabled=${preview.grades.length === 0} @click=${() => this.#commit()}>${t('correct.apply', { count: preview.grades.length }, L)}</button>`;
  }

  override render() {
    const L = this.locale;
    const appeals = this.appeals;
    return html`<section aria-labelledby="appeals-heading">
      ${heading(2, t('appeals.heading', {}, L), 'appeals-heading')}
      <p class="muted">${t('appeals.intro', {}, L)}</p>
      ${this.failure ? html`<p id="appeals-failure" role="alert" class="error-text">${this.failure}</p>` : nothing}
      ${this.message ? html`<p id="appeals-message" role="status">${this.message}</p>` : nothing}
      ${appeals === null
        ? html`<p>${t('loading', {}, L)}</p>`
        : appeals.length === 0
          ? html`<p>${t('appeals.none', {}, L)}</p>`
          : html`<ul>
              ${appeals.map(
                (a) => html`<li>
                  <p><strong>${a.student.className} ${a.student.name}（${a.student.studentNo}）</strong> ${a.grade.courseCode} ${tAny(`take.${a.grade.take}`, L)} ${a.grade.score}：${a.text}</p>
                  <form novalidate @submit=${(e: Event) => this.#answer(e, a)}>
                    <label for=${`answer-${a.id}`}>${t('appeals.answer-label', { name: a.student.name, subject: a.grade.courseCode }, L)}</label>
                    <textarea id=${`answer-${a.id}`} maxlength="500" .value=${this.answers[a.id] ?? ''} @input=${(e: Event) => (this.answers = { ...this.answers, [a.id]: (e.target as HTMLTextAreaElement).value })}></textarea>
                    <button type="submit">${t('appeals.send', {}, L)}</button>
                  </form>
                </li>`,
              )}
            </ul>`}
      ${heading(3, t('correct.heading', {}, L), 'correct-heading')}
      <p class="muted">${t('correct.intro', {}, L)}</p>
      ${this.#patternForm()} ${this.preview ? this.#previewView(this.preview) : nothing}
      ${this.done
        ? html`<p id="correct-done" role="status">${t('correct.done', { count: this.done.corrected, field: tAny(`field.${this.done.field}`, L), from: this.done.from, to: this.done.to }, L)}</p>
            <button type="button" @click=${() => this.#undo()}>${t('correct.undo', { from: this.done.from }, L)}</button>`
        : nothing}
    </section>`;
  }
}
