import { html, nothing } from 'lit';
import type { Locale } from '@licheng/core';
import { heading } from '@licheng/ui';
import type { Training, TrainingInput } from '../group-api.ts';
import { g } from '../group-messages.ts';

export const KINDS = ['student', 'teacher', 'parent'] as const;
export type Kind = (typeof KINDS)[number];

/** The training being planned or changed, as the form holds it. */
export interface TrainingDraft {
  id: string | null;
  semester: 1 | 2;
  kind: Kind;
  title: string;
  ownerOffice: string;
  plannedDate: string;
  heldDate: string;
  /** The count typed; '' keeps an imported list (or means none). */
  count: string;
  /** People of an imported list, kept while `count` is ''. */
  sheetCount: number | null;
}

export const emptyTrainingDraft = (): TrainingDraft => ({ id: null, semester: 1, kind: 'student', title: '', ownerOffice: '', plannedDate: '', heldDate: '', count: '', sheetCount: null });

export function trainingDraftOf(x: Training): TrainingDraft {
  return {
    id: x.id,
    semester: x.semester,
    kind: x.kind,
    title: x.title,
    ownerOffice: x.ownerOffice,
    plannedDate: x.plannedDate ?? '',
    heldDate: x.heldDate ?? '',
    count: x.attendanceSource === 'count' && x.attendanceCount !== null ? String(x.attendanceCount) : '',
    sheetCount: x.attendanceSource === 'sheet' ? x.attendanceCount : null,
  };
}

export function trainingProblem(d: TrainingDraft, L: Locale): string {
  if (!d.title.trim()) return g('trainings.needs-title', {}, L);
  if (!d.ownerOffice.trim()) return g('trainings.needs-owner', {}, L);
  return '';
}

export function trainingInput(d: TrainingDraft, academicYear: number): TrainingInput {
  const count = d.count.trim() === '' ? (d.sheetCount !== null && d.heldDate ? undefined : null) : Number(d.count);
  return {
    ...(d.id ? { id: d.id } : {}),
    academicYear,
    semester: d.semester,
    kind: d.kind,
    title: d.title.trim(),
    ownerOffice: d.ownerOffice.trim(),
    plannedDate: d.plannedDate || null,
    heldDate: d.heldDate || null,
    ...(d.heldDate && count !== undefined ? { attendanceCount: count } : {}),
  };
}

export interface TrainingFormProps {
  draft: TrainingDraft;
  busy: boolean;
  level: number;
  locale: Locale;
  /** Applies a change to the draft as it is when the change happens (never a stale copy). */
  onChange(change: (draft: TrainingDraft) => TrainingDraft): void;
  onSubmit(event: Event): void;
  onCancel(): void;
}

/** The form that plans a training or records it as held, with the attendance as a count. */
export function trainingForm(p: TrainingFormProps) {
  const L = p.locale;
  const d = p.draft;
  const why = trainingProblem(d, L);
  const countHint = !d.heldDate ? g('trainings.count.needs-held', {}, L) : d.sheetCount !== null ? g('trainings.count.keeps-sheet', { count: d.sheetCount }, L) : '';
  const title = d.id ? g('trainings.form.edit', { title: d.title }, L) : g('trainings.form.add', {}, L);
  return html`<form @submit=${p.onSubmit} aria-labelledby="training-form-heading" novalidate>
    ${heading(p.level, title, 'training-form-heading')}
    <div class="field">
      <label for="training-semester">${g('trainings.field.semester', {}, L)}</label>
      <select id="training-semester" @change=${(e: Event) => p.onChange((d) => ({ ...d, semester: Number((e.target as HTMLSelectElement).value) as 1 | 2 }))}>
        ${([1, 2] as const).map((s) => html`<option value=${s} ?selected=${s === d.semester}>${g(`semester.${s}`, {}, L)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="training-kind">${g('trainings.field.kind', {}, L)}</label>
      <select id="training-kind" @change=${(e: Event) => p.onChange((d) => ({ ...d, kind: (e.target as HTMLSelectElement).value as Kind }))}>
        ${KINDS.map((k) => html`<option value=${k} ?selected=${k === d.kind}>${g(`kind.${k}`, {}, L)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="training-title">${g('trainings.field.title', {}, L)}</label>
      <input id="training-title" autocomplete="off" .value=${d.title} @input=${(e: Event) => p.onChange((d) => ({ ...d, title: (e.target as HTMLInputElement).value }))} />
    </div>
    <div class="field">
      <label for="training-owner">${g('trainings.field.owner', {}, L)}</label>
      <input id="training-owner" autocomplete="off" .value=${d.ownerOffice} @input=${(e: Event) => p.onChange((d) => ({ ...d, ownerOffice: (e.target as HTMLInputElement).value }))} />
    </div>
    <licheng-date-field id="training-planned" .locale=${L} label=${g('trainings.field.planned', {}, L)} .value=${d.plannedDate} @licheng-date-change=${(e: CustomEvent<{ value: string }>) => p.onChange((d) => ({ ...d, plannedDate: e.detail.value }))}></licheng-date-field>
    <licheng-date-field id="training-held" .locale=${L} label=${g('trainings.field.held', {}, L)} .value=${d.heldDate} @licheng-date-change=${(e: CustomEvent<{ value: string }>) => p.onChange((d) => ({ ...d, heldDate: e.detail.value }))}></licheng-date-field>
    <div class="field">
      <label for="training-count">${g('trainings.field.count', {}, L)}</label>
      <input id="training-count" type="number" min="0" inputmode="numeric" ?disabled=${!d.heldDate} aria-describedby="training-count-hint" .value=${d.count} @input=${(e: Event) => p.onChange((d) => ({ ...d, count: (e.target as HTMLInputElement).value }))} />
      <span class="hint" id="training-count-hint">${countHint}</span>
    </div>
    <div class="actions">
      <button type="submit" class="primary" id="training-submit" ?disabled=${Boolean(why) || p.busy} aria-describedby="training-why">${g(d.id ? 'trainings.submit.edit' : 'trainings.submit.add', {}, L)}</button>
      ${d.id ? html`<button type="button" @click=${p.onCancel}>${g('cancel', {}, L)}</button>` : nothing}
      <span class="hint" id="training-why">${why}</span>
    </div>
  </form>`;
}
