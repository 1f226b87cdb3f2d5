import { html } from 'lit';
import { heading } from '@licheng/ui';
import { paths, type PerformanceSelection as Selection, type PerformanceSelectionItem } from '../api.ts';
import { t } from '../messages.ts';
import { SelectionScreen, type Choice, type SelectionWords } from '../selection-screen/selection-screen.ts';
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
export class PerformanceSelection extends SelectionScreen<Selection> {
  static override styles = [...SelectionScreen.styles, performanceSelectionStyles];
  protected readonly savePath = paths.performanceSelectionSave;

  protected fetch(year: number): Promise<Selection> {
    return this.api.query<Selection>(paths.performanceSelectionGet, { academicYear: year });
  }

  #kind(item: PerformanceSelectionItem): string {
    return item.label[this.locale] ?? item.label['zh-TW'];
  }

  protected choices(): Choice[] {
    return (this.selection?.items ?? [])
      .filter((i) => i.status === 'passed')
      .map((item) => ({ id: item.id, name: t('psel.item', { kind: this.#kind(item), semester: item.semester }, this.locale), summary: item.summary }));
  }

  protected words(count: number): SelectionWords {
    const L = this.locale;
    const cap = this.selection?.cap ?? 10;
    const registered = this.selection?.registered.length ?? 0;
    return {
      heading: t('psel.heading', {}, L),
      intro: t('psel.intro', { cap }, L),
      activity: t('activity.performance-selection', {}, L),
      count: registered ? t('psel.count-registered', { count, cap, registered }, L) : t('psel.count', { count, cap }, L),
      windowClosed: t('psel.window-closed', {}, L),
      legend: (year) => t('psel.legend', { year }, L),
      none: (year) => t('psel.none', { year }, L),
      capReached: t('psel.cap-reached', {}, L),
      save: t('psel.save', {}, L),
    };
  }

  protected savedText(count: number): string {
    return t('psel.saved', { count }, this.locale);
  }

  /** The records the school registered, beside the form: they go anyway and do not count. */
  protected override beneath(year: number) {
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
}
