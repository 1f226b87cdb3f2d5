import { html, nothing } from 'lit';
import { LichengApiError, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles } from '@licheng/ui';
import { paths, type Me, type PerformanceSelection as Selection, type PerformanceSelectionItem, type PerformanceSelectionSaved } from '../api.ts';
import { t } from '../messages.ts';
import { outcomeSelectionStyles } from '../outcome-selection/outcome-selection.styles.ts';
import { performanceSelectionStyles } from './performance-selection.styles.ts';

/**
 * `<licheng-performance-selection>` — the student selects (勾選) which of the performances they
 * entered in an academic year go to the central database: at most the cap (10 nationally), only
 * while the selection window is open. Beside them, the records the school registered (校內幹部,
 * registered competitions, certificates an office entered), marked as not counting. The count
 * reads 已勾選 3／10，另有 2 項學校登錄不計入.
 *
 * @event licheng-selection-saved - Saved; `detail: { academicYear, recordIds }`.
 * @event licheng-token-expired - The token has expired.
 */
export class PerformanceSelection extends LichengConnectedElement {
  static override styles = [...screenStyles, outcomeSelectionStyles, performanceSelectionStyles];
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
      if (this.academicYear === null && this.#currentYear === null) this.#currentYear = (await this.api.query<Me>(paths.me)).term.academicYear;
      const selection = await this.api.query<Selection>(paths.performanceSelectionGet, { academicYear: this.#year! });
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
      const saved = await this.api.mutation<PerformanceSelectionSaved>(paths.performanceSelectionSave, { academicYear: year, recordIds: [...this.chosen] });
      this.chosen = new Set(saved.recordIds);
      if (this.selection) this.selection = { ...this.selection, recordIds: saved.recordIds };
      this.success = t('psel.saved', { count: saved.recordIds.length }, this.locale);
      this.emit('licheng-selection-saved', { academicYear: year, recordIds: saved.recordIds });
    } catch (error) {
      this.failure = error instanceof LichengApiError ? error.message : String(error);
    } finally {
      this.saving = false;
    }
    await focusOutcome(this, this.failure ? '#psel-failure' : '#psel-saved', { since: mark });
  }

  #kind(item: PerformanceSelectionItem): string {
    return item.label[this.locale] ?? item.label['zh-TW'];
  }

  #registered(year: number) {
    const L = this.locale;
    const registered = this.selection?.registered ?? [];
    return html`<section aria-labelledby="psel-registered-heading" class="registered">
      ${heading(this.headingLevel + 1, t('psel.registered', {}, L), 'psel-registered-heading')}
      ${registered.length === 0
        ? html`<p>${t('psel.registered-none', { year }, L)}</p>`
        : html`<ul>
            ${registered.map(
              (r) => html`<li>
                <span class="subject">${t('psel.item', { kind: this.#kind(r), semester: r.semester }, L)}</span>
                <span class="tag">${t('psel.not-counting', {}, L)}</span>
                <span class="summary">${r.summary}</span>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  override render() {
    const L = this.locale;
    const year = this.#year;
    const selection = this.selection;
    const cap = selection?.cap ?? 10;
    const open = selection?.window.state === 'open';
    const items = (selection?.items ?? []).filter((i) => i.status === 'passed');
    const registered = selection?.registered.length ?? 0;
    const count = this.chosen.size;
    const full = count >= cap;
    const unchanged = selection !== null && count === selection.recordIds.length && selection.recordIds.every((id) => this.chosen.has(id));
    const loading = selection === null && !this.failure;
    return html`<section aria-labelledby="psel-heading" aria-busy=${loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, t('psel.heading', {}, L), 'psel-heading')}
      <p class="muted">${t('psel.intro', { cap }, L)}</p>
      ${selection
        ? html`<licheng-window-banner .locale=${L} activity=${t('activity.performance-selection', {}, L)} state=${selection.window.state} .start=${selection.window.start} .end=${selection.window.end}></licheng-window-banner>`
        : nothing}
      <licheng-notice id="psel-failure" variant="error" .locale=${L} .message=${this.failure}></licheng-notice>
      ${loading || year === null || !selection
        ? loading
          ? html`<p>${t('loading', {}, L)}</p>`
          : nothing
        : html`<form @submit=${this.#save}>
              <p class="count" role="status">${registered ? t('psel.count-registered', { count, cap, registered }, L) : t('psel.count', { count, cap }, L)}</p>
              ${!open ? html`<p class="hint" id="psel-window-shut">${t('psel.window-closed', {}, L)}${L === 'en' ? ' ' : ''}${t('window.who-sets', {}, L)}</p>` : nothing}
              ${items.length === 0
                ? html`<p>${t('psel.none', { year }, L)}</p>`
                : html`<fieldset>
                    <legend>${t('psel.legend', { year }, L)}</legend>
                    ${full && open ? html`<p class="hint" id="psel-cap-note">${t('psel.cap-reached', {}, L)}</p>` : nothing}
                    <ul>
                      ${items.map((item) => {
                        const checked = this.chosen.has(item.id);
                        const disabled = !open || (full && !checked);
                        return html`<li class=${disabled ? 'disabled' : ''}>
                          <label>
                            <input
                              type="checkbox"
                              .checked=${checked}
                              ?disabled=${disabled}
                              aria-describedby=${!open ? 'psel-window-shut' : full && !checked ? 'psel-cap-note' : nothing}
                              @change=${(e: Event) => this.#toggle(item.id, (e.target as HTMLInputElement).checked)}
                            />
                            <span class="subject">${t('psel.item', { kind: this.#kind(item), semester: item.semester }, L)}</span>
                            <span class="summary">${item.summary}</span>
                          </label>
                        </li>`;
                      })}
                    </ul>
                  </fieldset>`}
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${!open || this.saving || unchanged} aria-describedby=${!open ? 'psel-window-shut' : nothing}>${t('psel.save', {}, L)}</button>
              </div>
            </form>
            ${this.#registered(year)}`}
      <licheng-notice id="psel-saved" variant="success" .locale=${L} .message=${this.success}></licheng-notice>
    </section>`;
  }
}
