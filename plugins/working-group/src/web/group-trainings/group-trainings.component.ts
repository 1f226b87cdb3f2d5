import { css, html } from 'lit';
import { cardTable, focusOutcome, formatDate, heading, screenStyles, type Dialog } from '@licheng/ui';
import { groupPaths, type AttendanceReport, type Training, type TrainingList } from '../group-api.ts';
import { g } from '../group-messages.ts';
import { GroupSection } from '../group-section.ts';
import { termText } from '../group-terms.ts';
import { attendanceImportForm } from './attendance-import-form.ts';
import { emptyTrainingDraft, KINDS, trainingDraftOf, trainingForm, trainingInput, trainingProblem, type TrainingDraft } from './training-form.ts';

/**
 * `<licheng-group-trainings>` — 研習與宣導: the school's rule for how often each kind is due
 * (`rules.trainings`), a warning for each required kind not held in a semester (or a year) of
 * last year and this one, the year's student trainings, teacher workshops and parent sessions,
 * a form to plan one and record it as held with its attendance as a count, an attendance list
 * imported from Excel/CSV (checked first, row-by-row report), and deletion after a
 * confirmation. After each action focus lands on its message.
 *
 * @attr academic-year - 學年度 to list; the current one when absent.
 * @attr heading-level - Level of the section's heading (default 2).
 * @event licheng-trainings-changed - A training was saved, deleted or given an attendance list.
 * @event licheng-token-expired - The token has expired.
 */
export class GroupTrainings extends GroupSection<TrainingList, TrainingDraft> {
  static override styles = [
    ...screenStyles,
    cardTable,
    css`
      :host { display: block; }
      select, input, textarea { max-width: 100%; }
      form, .import { display: grid; gap: 0.75rem; grid-template-columns: minmax(0, 1fr); max-width: 40rem; margin-block-start: 1rem; }
      ul.missing { margin: 0; padding-inline-start: 1.25rem; }
      tr.fresh { outline: 2px solid currentColor; outline-offset: -2px; }
    `,
  ];
  static override properties = {
    ...GroupSection.properties,
    removing: { state: true },
    importId: { state: true },
    file: { state: true },
    report: { state: true },
  };

  declare removing: Training | null;
  declare importId: string;
  declare file: File | null;
  declare report: AttendanceReport | null;

  constructor() {
    super();
    this.removing = null;
    this.importId = '';
    this.file = null;
    this.report = null;
  }

  protected get listPath() {
    return groupPaths.trainings;
  }

  protected get noteSelector() {
    return '#trainings-note';
  }

  protected get changedEvent() {
    return 'licheng-trainings-changed' as const;
  }

  protected emptyDraft() {
    return emptyTrainingDraft();
  }

  #save(event: Event) {
    event.preventDefault();
    if (trainingProblem(this.draft, this.locale) || !this.list) return;
    const input = trainingInput(this.draft, this.list.academicYear);
    void this.act(async () => {
      const saved = await this.api.mutation<Training>(groupPaths.trainingSave, input);
      this.draft = emptyTrainingDraft();
      return { text: g('trainings.saved', { title: saved.title }, this.locale), fresh: saved.id };
    });
  }

  async #remove(x: Training) {
    this.removing = x;
    await this.updateComplete;
    const confirmed = await this.renderRoot.querySelector<Dialog>('licheng-dialog#training-remove')!.show();
    if (!confirmed) return;
    await this.act(async () => {
      await this.api.mutation(groupPaths.trainingRemove, { id: x.id });
      if (this.draft.id === x.id) this.draft = emptyTrainingDraft();
      if (this.importId === x.id) this.importId = '';
      return { text: g('trainings.removed', { title: x.title }, this.locale), fresh: null };
    });
  }

  #import(dryRun: boolean) {
    const training = this.list?.trainings.find((x) => x.id === this.importId);
    if (!this.file || !training) return;
    const form = new FormData();
    form.set('id', training.id);
    form.set('file', this.file);
    form.set('dryRun', String(dryRun));
    const L = this.locale;
    void this.act(async () => {
      const r = await this.api.upload<AttendanceReport>(groupPaths.attendanceImport, form);
      this.report = r;
      if (r.issues.length) return { text: g('import.issues', { count: r.issues.length }, L), fresh: null, variant: 'warning', reload: false };
      if (!r.committed) return { text: g('import.checked', { count: r.attendees }, L), fresh: null, reload: false };
      this.file = null;
      this.report = null;
      this.renderRoot.querySelector<HTMLInputElement>('#attendance-file')!.value = '';
      return { text: g('import.done', { title: training.title, count: r.attendees }, L), fresh: training.id };
    });
  }

  #warnings(list: TrainingList) {
    const L = this.locale;
    const rules = KINDS.map((k) => g('trainings.rule', { kind: g(`kind.${k}`, {}, L), frequency: g(`frequency.${list.rules[k]}`, {}, L) }, L)).join(L === 'zh-TW' ? '；' : '; ');
    return html`<p>${g('trainings.rules', { rules }, L)}</p>
      ${list.missing.length
        ? html`<licheng-notice id="trainings-warning" variant="warning" .locale=${L} heading=${g('trainings.missing.heading', {}, L)}>
            <ul class="missing">
              ${list.missing.map((m) => html`<li>${g(m.current ? 'trainings.missing.current' : 'trainings.missing.past', { term: termText(m.academicYear, m.semester, L), kind: g(`kind.${m.kind}`, {}, L) }, L)}</li>`)}
            </ul>
          </licheng-notice>`
        : html`<p id="trainings-warning">${g('trainings.all-held', {}, L)}</p>`}`;
  }

  #table(list: TrainingList) {
    const L = this.locale;
    if (!list.trainings.length) return html`<p>${g('trainings.empty', { year: list.academicYear }, L)}</p>`;
    const col = (key: 'term' | 'kind' | 'title' | 'owner' | 'planned' | 'held' | 'attendance') => g(`trainings.col.${key}`, {}, L);
    return html`<table class="cards">
      <caption>${g('trainings.caption', { year: list.academicYear, count: list.trainings.length }, L)}</caption>
      <thead><tr><th scope="col">${col('title')}</th><th scope="col">${col('term')}</th><th scope="col">${col('kind')}</th><th scope="col">${col('owner')}</th><th scope="col">${col('planned')}</th><th scope="col">${col('held')}</th><th scope="col">${col('attendance')}</th><th scope="col">${g('col.actions', {}, L)}</th></tr></thead>
      <tbody>
        ${list.trainings.map(
          (x) => html`<tr class=${x.id === this.fresh ? 'fresh' : ''}>
            <th scope="row" data-label=${col('title')}>${x.title}</th>
            <td data-label=${col('term')}>${g(`semester.${x.semester}`, {}, L)}</td>
            <td data-label=${col('kind')}>${g(`kind.${x.kind}`, {}, L)}</td>
            <td data-label=${col('owner')}>${x.ownerOffice}</td>
            <td data-label=${col('planned')}>${x.plannedDate ? formatDate(x.plannedDate, L) : ''}</td>
            <td data-label=${col('held')}>${x.heldDate ? formatDate(x.heldDate, L) : g('trainings.not-held', {}, L)}</td>
            <td data-label=${col('attendance')}>${x.attendanceCount === null ? '' : g(x.attendanceSource === 'sheet' ? 'trainings.count.sheet' : 'trainings.count.count', { count: x.attendanceCount }, L)}</td>
            <td data-label=${g('col.actions', {}, L)}>
              <button type="button" ?disabled=${this.busy} aria-label=${g('edit.label', { what: x.title }, L)} @click=${() => ((this.draft = trainingDraftOf(x)), void focusOutcome(this, '#training-form-heading'))}>${g('edit', {}, L)}</button>
              <button type="button" ?disabled=${this.busy} aria-label=${g('remove.label', { what: x.title }, L)} @click=${() => this.#remove(x)}>${g('remove', {}, L)}</button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const L = this.locale;
    const list = this.list;
    const level = this.headingLevel + 1;
    return html`${heading(this.headingLevel, g('trainings.heading', {}, L), 'trainings-heading')}
      <licheng-notice id="trainings-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${list
        ? html`${this.#warnings(list)} ${this.#table(list)}
          ${trainingForm({ draft: this.draft, busy: this.busy, level, locale: L, onChange: (change) => (this.draft = change(this.draft)), onSubmit: (e) => this.#save(e), onCancel: () => ((this.draft = emptyTrainingDraft()), void focusOutcome(this, '#trainings-heading')) })}
          ${attendanceImportForm({
            held: list.trainings.filter((x) => x.heldDate),
            trainingId: this.importId,
            file: this.file,
            report: this.report,
            busy: this.busy,
            level,
            locale: L,
            onTraining: (id) => ((this.importId = id), (this.report = null)),
            onFile: (file) => ((this.file = file), (this.report = null)),
            onImport: (dryRun) => this.#import(dryRun),
          })}`
        : html`<p>${g('loading', {}, L)}</p>`}
      <licheng-dialog id="training-remove" .locale=${L} tone="danger" heading=${this.removing ? g('trainings.remove.heading', { title: this.removing.title }, L) : ''} confirm-label=${g('remove.confirm', {}, L)}>
        <p>${g('trainings.remove.body', {}, L)}</p>
      </licheng-dialog>`;
  }
}
