import { html, nothing, type TemplateResult } from 'lit';
import { LichengConnectedElement, errorText } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { paths, type Me } from '../api.ts';
import { t } from '../messages.ts';
import { selectionScreenStyles } from './selection-screen.styles.ts';

/** What both selections load: the ids selected, the cap and the window's state. */
export interface SelectionState {
  recordIds: string[];
  cap: number;
  window: { state: string; start: string | null; end: string | null };
}

/** One record the student may tick: a name that tells it apart and its summary. */
export interface Choice {
  id: string;
  name: string;
  summary: string;
}

/** The words a selection screen uses, each already in the screen's language. */
export interface SelectionWords {
  heading: string;
  intro: string;
  activity: string;
  count: string;
  windowClosed: string;
  legend: (year: number) => string;
  none: (year: number) => string;
  capReached: string;
  save: string;
}

/**
 * The selection (勾選) screen both the outcomes (6 a year) and the performances (10 a year) are:
 * the year, a tick per selectable record, 已勾選 n / cap as it changes, ticks disabled with the
 * reason when the window is shut or the cap is reached, and a save that lands focus on its
 * outcome. Subclasses say what they load, which records are selectable and their words.
 *
 * @event licheng-selection-saved - Saved; `detail: { academicYear, recordIds }`.
 * @event licheng-token-expired - The token has expired.
 */
export abstract class SelectionScreen<S extends SelectionState> extends LichengConnectedElement {
  static override styles = [...screenStyles, selectionScreenStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    academicYear: { type: Number, attribute: 'academic-year' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    selection: { state: true },
    chosen: { state: true },
    saving: { state: true },
    failure: { state: true },
    success: { state: true },
  };

  /** The academic year shown; the current one (from platform.me) when not set. */
  declare academicYear: number | null;
  declare headingLevel: number;
  declare selection: S | null;
  declare chosen: Set<string>;
  declare saving: boolean;
  declare failure: string;
  declare success: string;

  #currentYear: number | null = null;

  constructor() {
    super();
    this.academicYear = null;
    this.headingLevel = 2;
    this.selection = null;
    this.chosen = new Set();
    this.saving = false;
    this.failure = '';
    this.success = '';
  }

  /** Loads what the screen shows for `year`, and returns the selection state. */
  protected abstract fetch(year: number): Promise<S>;
  /** The selectable records of `year`, once loaded. */
  protected abstract choices(year: number): Choice[];
  /** The screen's words with `count` ticked. */
  protected abstract words(count: number): SelectionWords;
  /** The save procedure's path and the success message for `count` saved. */
  protected abstract readonly savePath: string;
  protected abstract savedText(count: number): string;
  /** Years the student may switch between (the shown year among them); one year shows no picker. */
  protected years(year: number): number[] {
    return [year];
  }
  /** What follows the form (the performances' registered records). */
  protected beneath(_year: number): TemplateResult | typeof nothing {
    return nothing;
  }

  protected get year(): number | null {
    return this.academicYear ?? this.#currentYear;
  }

  override async load(): Promise<void> {
    this.failure = '';
    try {
      if (this.academicYear === null && this.#currentYear === null) this.#currentYear = (await this.api.read<Me>(paths.me)).term.academicYear;
      const selection = await this.fetch(this.year!);
      this.selection = selection;
      this.chosen = new Set(selection.recordIds);
    } catch (error) {
      this.failure = errorText(error);
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
    const year = this.year;
    if (year === null || this.saving) return;
    this.saving = true;
    this.failure = '';
    this.success = '';
    const mark = focusMark();
    try {
      const saved = await this.api.mutation<{ recordIds: string[] }>(this.savePath, { academicYear: year, recordIds: [...this.chosen] });
      this.chosen = new Set(saved.recordIds);
      if (this.selection) this.selection = { ...this.selection, recordIds: saved.recordIds };
      this.success = this.savedText(saved.recordIds.length);
      this.emit('licheng-selection-saved', { academicYear: year, recordIds: saved.recordIds });
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.saving = false;
    }
    // Focus on the outcome: the saved count, or why it was refused.
    await focusOutcome(this, this.failure ? '#selection-failure' : '#selection-saved', { since: mark });
  }

  #yearPicker(year: number) {
    const years = this.years(year);
    if (years.length < 2) return nothing;
    return html`<div class="field">
      <label for="year">${t('selection.year', {}, this.locale)}</label>
      <select id="year" @change=${(e: Event) => (this.academicYear = Number((e.target as HTMLSelectElement).value))}>
        ${years.map((y) => html`<option value=${y} .selected=${y === year}>${t('year', { year: y }, this.locale)}</option>`)}
      </select>
    </div>`;
  }

  #form(year: number, selection: S, words: SelectionWords) {
    const L = this.locale;
    const open = selection.window.state === 'open';
    const full = this.chosen.size >= selection.cap;
    const unchanged = this.chosen.size === selection.recordIds.length && selection.recordIds.every((id) => this.chosen.has(id));
    const choices = this.choices(year);
    return html`<form @submit=${this.#save}>
      <div class="toolbar">
        ${this.#yearPicker(year)}
        <p class="count" role="status">${words.count}</p>
      </div>
      ${!open ? html`<p class="hint" id="window-shut">${words.windowClosed}${L === 'en' ? ' ' : ''}${t('window.who-sets', {}, L)}</p>` : nothing}
      ${choices.length === 0
        ? html`<p>${words.none(year)}</p>`
        : html`<fieldset>
            <legend>${words.legend(year)}</legend>
            ${full && open ? html`<p class="hint" id="cap-note">${words.capReached}</p>` : nothing}
            <ul>
              ${choices.map((choice) => {
                const checked = this.chosen.has(choice.id);
                const disabled = !open || (full && !checked);
                return html`<li class=${disabled ? 'disabled' : ''}>
                  <label>
                    <input
                      type="checkbox"
                      .checked=${checked}
                      ?disabled=${disabled}
                      aria-describedby=${!open ? 'window-shut' : full && !checked ? 'cap-note' : nothing}
                      @change=${(e: Event) => this.#toggle(choice.id, (e.target as HTMLInputElement).checked)}
                    />
                    <span class="subject">${choice.name}</span>
                    <span class="summary">${choice.summary}</span>
                  </label>
                </li>`;
              })}
            </ul>
          </fieldset>`}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${!open || this.saving || unchanged} aria-describedby=${!open ? 'window-shut' : nothing}>${words.save}</button>
      </div>
    </form>`;
  }

  override render() {
    const L = this.locale;
    const year = this.year;
    const selection = this.selection;
    const loading = selection === null && !this.failure;
    const words = this.words(this.chosen.size);
    return html`<section aria-labelledby="selection-heading" aria-busy=${loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, words.heading, 'selection-heading')}
      <p class="muted">${words.intro}</p>
      ${selection
        ? html`<licheng-window-banner .locale=${L} activity=${words.activity} state=${selection.window.state} .start=${selection.window.start} .end=${selection.window.end}></licheng-window-banner>`
        : nothing}
      <licheng-notice id="selection-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${loading ? html`<p>${t('loading', {}, L)}</p>` : year === null || !selection ? nothing : html`${this.#form(year, selection, words)}${this.beneath(year)}`}
      <licheng-notice id="selection-saved" variant="success" .locale=${L} .message=${this.success}></licheng-notice>
    </section>`;
  }
}
