import { css, html } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { cardTable, focusOutcome, formatDate, heading, screenStyles, type Dialog, type NoticeVariant } from '@licheng/ui';
import { groupPaths, type AttendanceReport, type Training, type TrainingList } from '../group-api.ts';
import { g } from '../group-messages.ts';
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
export class GroupTrainings extends LichengConnectedElement {
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
    ...LichengConnectedElement.properties,
    academicYear: { type: Number, attribute: 'academic-year' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    list: { state: true },
    draft: { state: true },
    busy: { state: true },
    note: { state: true },
    fresh: { state: true },
    removing: { state: true },
    importId: { state: true },
    file: { state: true },
    report: { state: true },
  };

  declare academicYear: number | undefined;
  declare headingLevel: number;
  declare list: TrainingList | null;
  declare draft: TrainingDraft;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  declare fresh: string | null;
  declare removing: Training | null;
  declare importId: string;
  declare file: File | null;
  declare report: AttendanceReport | null;

  constructor() {
    super();
    this.academicYear = undefined;
    this.headingLevel = 2;
    this.list = null;
    this.draft = emptyTrainingDraft();
    this.busy = false;
    this.note = { variant: 'info', text: '' };
    this.fresh = null;
    this.removing = null;
    this.importId = '';
    this.file = null;
    this.report = null;
  }

  override async load(): Promise<void> {
    try {
      this.list = await this.api.query<TrainingList>(groupPaths.trainings, this.academicYear ? { academicYear: this.academicYear } : undefined);
    } catch (error) {
      await this.#say('error', g('failed', { message: errorText(error) }, this.locale));
    }
  }

  async #say(variant: NoticeVariant, text: string) {
    this.note = { variant, text };
    await focusOutcome(this, '#trainings-note');
  }

  async #act(work: () => Promise<{ text: string; fresh: string | null; variant?: NoticeVariant; reload?: boolean }>) {
    if (this.busy) return;
    this.busy = true;
    try {
      const done = await work();
      this.fresh = done.fresh;
      if (done.reload !== false) {
        this.emit('licheng-trainings-changed');
        await this.load();
      }
      await this.#say(done.variant ?? 'success', done.text);
    } catch (error) {
      await this.#say('error', g('failed', { message: errorText(error) }, this.locale));
    } finally {
      this.busy = false;
    }
  }

  #save(event: Event) {
    event.preventDefault();
    if (trainingProblem(this.draft, this.locale) || !this.list) return;
    const input = trainingInput(this.draft, this.list.academicYear);
    void this.#act(async () => {
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
    await this.#act(async () => {
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
    void this.#act(async () => {
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
