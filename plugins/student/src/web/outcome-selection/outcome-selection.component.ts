import { html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { paths, type Me, type Outcome, type Selection, type SelectionSaved } from '../api.ts';
import { t } from '../messages.ts';
import { outcomeSelectionStyles } from './outcome-selection.styles.ts';

/**
 * `<licheng-outcome-selection>` — the student selects (勾選) which certified outcomes of an
 * academic year go to the central database: at most the cap (6 nationally), only passed (通過)
 * items, only while the selection window is open. Shows 已勾選 n / cap as it changes.
 *
 * @event licheng-selection-saved - Saved; `detail: { academicYear, recordIds }`.
 * @event licheng-token-expired - The token has expired.
 */
export class OutcomeSelection extends LichengConnectedElement {
  static override styles = [...screenStyles, outcomeSelectionStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    academicYear: { type: Number, attribute: 'academic-year' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    outcomes: { state: true },
    selection: { state: true },
    chosen: { state: true },
    saving: { state: true },
    failure: { state: true },
    success: { state: true },
  };

  /** The academic year shown; the current one (from platform.me) when not set. */
  declare academicYear: number | null;
  declare headingLevel: number;
  declare outcomes: Outcome[] | null;
  declare selection: Selection | null;
  declare chosen: Set<string>;
  declare saving: boolean;
  declare failure: string;
  declare success: string;

  #currentYear: number | null = null;

  constructor() {
    super();
    this.academicYear = null;
    this.headingLevel = 2;
    this.outcomes = null;
    this.selection = null;
    this.chosen = new Set();
    this.saving = false;
    this.failure = '';
    this.success = '';
  }

  get #year(): number | null {
    return this.academicYear ?? this.#currentYear;
  }

  override async load(): Promise<void> {
    this.failure = '';
    try {
      if (this.academicYear === null && this.#currentYear === null) {
        this.#currentYear = (await this.api.query<Me>(paths.me)).term.academicYear;
      }
      const year = this.#year!;
      const [outcomes, selection] = await Promise.all([this.api.query<Outcome[]>(paths.outcomesList), this.api.query<Selection>(paths.selectionsGet, { academicYear: year })]);
      this.outcomes = outcomes;
      this.selection = selection;
      this.chosen = new Set(selection.recordIds);
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    if (changed.has('academicYear') && changed.get('academicYear') !== undefined) void this.load();
  }

  #toggle(id: string, checked: boolean) {
    const next = new Set(this.chosen);
    if (checked) next.add(id);
    else next.delete(id);
    this.chosen = next;
    this.success = '';
  }

  async #save(event: Event) {
    event.preventDefault();
    const year = this.#year;
    if (year === null || this.saving) return;
    this.saving = true;
    this.failure = '';
    this.success = '';
    const mark = focusMark();
    try {
      const saved = await this.api.mutation<SelectionSaved>(paths.selectionsSave, { academicYear: year, recordIds: [...this.chosen] });
      this.chosen = new Set(saved.recordIds);
      if (this.selection) this.selection = { ...this.selection, recordIds: saved.recordIds };
      this.success = t('selection.saved', { count: saved.recordIds.length }, this.locale);
      this.emit('licheng-selection-saved', { academicYear: year, recordIds: saved.recordIds });
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    } finally {
      this.saving = false;
    }
    // Focus on the outcome: the saved count, or why it was refused.
    await focusOutcome(this, this.failure ? '#selection-failure' : '#selection-saved', { since: mark });
  }

  #years(): number[] {
    const years = new Set((this.outcomes ?? []).map((o) => o.academicYear));
    if (this.#year !== null) years.add(this.#year);
    return [...years].sort((a, b) => b - a);
  }

  override render() {
    const L = this.locale;
    const year = this.#year;
    const selection = this.selection;
    const cap = selection?.cap ?? 6;
    const open = selection?.window.state === 'open';
    const passed = (this.outcomes ?? []).filter((o) => o.academicYear === year && o.status === 'passed');
    const count = this.chosen.size;
    const full = count >= cap;
    const unchanged = selection !== null && count === selection.recordIds.length && selection.recordIds.every((id) => this.chosen.has(id));
    const loading = (this.outcomes === null || selection === null) && !this.failure;
    return html`<section aria-labelledby="selection-heading" aria-busy=${loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, t('selection.heading', {}, L), 'selection-heading')}
      <p class="muted">${t('selection.intro', { cap }, L)}</p>
      ${selection
        ? html`<licheng-window-banner .locale=${L} activity=${t('activity.outcome-selection', {}, L)} state=${selection.window.state} .start=${selection.window.start} .end=${selection.window.end}></licheng-window-banner>`
        : nothing}
      <licheng-notice id="selection-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${loading
        ? html`<p>${t('loading', {}, L)}</p>`
        : year === null
          ? nothing
          : html`<form @submit=${this.#save}>
              <div class="toolbar">
                ${this.#years().length > 1
                  ? html`<div class="field">
                      <label for="year">${t('selection.year', {}, L)}</label>
                      <select id="year" @change=${(e: Event) => (this.academicYear = Number((e.target as HTMLSelectElement).value))}>
                        ${this.#years().map((y) => html`<option value=${y} .selected=${y === year}>${t('year', { year: y }, L)}</option>`)}
                      </select>
                    </div>`
                  : nothing}
                <p class="count" role="status">${t('selection.count', { count, cap }, L)}</p>
              </div>
              ${!open && selection ? html`<p class="hint" id="window-shut">${t('selection.window-closed', {}, L)}${L === 'en' ? ' ' : ''}${t('window.who-sets', {}, L)}</p>` : nothing}
              ${passed.length === 0
                ? html`<p>${t('selection.none', { year }, L)}</p>`
                : html`<fieldset>
                    <legend>${t('selection.legend', { year }, L)}</legend>
                    ${full && open ? html`<p class="hint" id="cap-note">${t('selection.cap-reached', {}, L)}</p>` : nothing}
                    <ul>
                      ${passed.map((o) => {
                        const checked = this.chosen.has(o.id);
                        const disabled = !open || (full && !checked);
                        return html`<li class=${disabled ? 'disabled' : ''}>
                          <label>
                            <input
                              type="checkbox"
                              .checked=${checked}
                              ?disabled=${disabled}
                              aria-describedby=${full && open && !checked ? 'cap-note' : nothing}
                              @change=${(e: Event) => this.#toggle(o.id, (e.target as HTMLInputElement).checked)}
                            />
                            <span class="subject">${t('selection.item', { subject: o.course.subjectName, term: t('term', { year: o.academicYear, semester: o.semester }, L) }, L)}</span>
                            <span class="summary">${o.summary}</span>
                          </label>
                        </li>`;
                      })}
                    </ul>
                  </fieldset>`}
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${!open || this.saving || unchanged} aria-describedby=${!open && selection ? 'window-shut' : nothing}>${t('selection.save', {}, L)}</button>
              </div>
            </form>`}
      <licheng-notice id="selection-saved" variant="success" .locale=${L} .message=${this.success}></licheng-notice>
    </section>`;
  }
}
