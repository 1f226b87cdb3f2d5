import { paths, type Outcome, type Selection } from '../api.ts';
import { t } from '../messages.ts';
import { SelectionScreen, type Choice, type SelectionWords } from '../selection-screen/selection-screen.ts';

/**
 * `<licheng-outcome-selection>` — the student selects (勾選) which certified outcomes of an
 * academic year go to the central database: at most the cap (6 nationally), only passed (通過)
 * items, only while the selection window is open. Shows 已勾選 n / cap as it changes.
 *
 * @event licheng-selection-saved - Saved; `detail: { academicYear, recordIds }`.
 * @event licheng-token-expired - The token has expired.
 */
export class OutcomeSelection extends SelectionScreen<Selection> {
  static override properties = { ...SelectionScreen.properties, outcomes: { state: true } };

  declare outcomes: Outcome[] | null;
  protected readonly savePath = paths.selectionsSave;

  constructor() {
    super();
    this.outcomes = null;
  }

  protected async fetch(year: number): Promise<Selection> {
    const [outcomes, selection] = await Promise.all([this.api.read<Outcome[]>(paths.outcomesList), this.api.query<Selection>(paths.selectionsGet, { academicYear: year })]);
    this.outcomes = outcomes;
    return selection;
  }

  protected choices(year: number): Choice[] {
    const L = this.locale;
    return (this.outcomes ?? [])
      .filter((o) => o.academicYear === year && o.status === 'passed')
      .map((o) => ({ id: o.id, name: t('selection.item', { subject: o.course.subjectName, term: t('term', { year: o.academicYear, semester: o.semester }, L) }, L), summary: o.summary }));
  }

  protected override years(year: number): number[] {
    return [...new Set([...(this.outcomes ?? []).map((o) => o.academicYear), year])].sort((a, b) => b - a);
  }

  protected words(count: number): SelectionWords {
    const L = this.locale;
    const cap = this.selection?.cap ?? 6;
    return {
      heading: t('selection.heading', {}, L),
      intro: t('selection.intro', { cap }, L),
      activity: t('activity.outcome-selection', {}, L),
      count: t('selection.count', { count, cap }, L),
      windowClosed: t('selection.window-closed', {}, L),
      legend: (year) => t('selection.legend', { year }, L),
      none: (year) => t('selection.none', { year }, L),
      capReached: t('selection.cap-reached', {}, L),
      save: t('selection.save', {}, L),
    };
  }

  protected savedText(count: number): string {
    return t('selection.saved', { count }, this.locale);
  }
}
