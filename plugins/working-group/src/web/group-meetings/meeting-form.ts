import { html, nothing } from 'lit';
import type { Locale } from '@licheng/core';
import { heading } from '@licheng/ui';
import type { Meeting, MeetingInput, MemberList } from '../group-api.ts';
import { g } from '../group-messages.ts';
import { academicYearOfDate } from '../group-terms.ts';

type State = 'present' | 'excused' | 'absent';
const STATES: readonly State[] = ['present', 'excused', 'absent'];

/** The meeting being recorded or changed, as the form holds it. */
export interface MeetingDraft {
  id: string | null;
  date: string;
  place: string;
  agenda: string;
  minutes: string;
  decisions: Array<{ text: string; owner: string; due: string }>;
  attendance: Record<string, State>;
}

export const emptyMeetingDraft = (): MeetingDraft => ({ id: null, date: '', place: '', agenda: '', minutes: '', decisions: [], attendance: {} });

export function meetingDraftOf(m: Meeting): MeetingDraft {
  return {
    id: m.id,
    date: m.date,
    place: m.place,
    agenda: m.agenda,
    minutes: m.minutes,
    decisions: m.decisions.map((d) => ({ text: d.text, owner: d.owner, due: d.due ?? '' })),
    attendance: Object.fromEntries(m.attendance.map((a) => [a.memberId, a.state])),
  };
}

/** Why the draft cannot be saved yet, or ''. */
export function meetingProblem(d: MeetingDraft, L: Locale): string {
  if (!d.date) return g('meetings.needs-date', {}, L);
  if (!d.place.trim()) return g('meetings.needs-place', {}, L);
  const empty = d.decisions.findIndex((x) => !x.text.trim());
  if (empty >= 0) return g('meetings.needs-decision', { n: empty + 1 }, L);
  return '';
}

/** What meetings.save takes; attendance of members of another year (after the date moved) is left out. */
export function meetingInput(d: MeetingDraft, members: ReadonlySet<string>): MeetingInput {
  return {
    ...(d.id ? { id: d.id } : {}),
    date: d.date,
    place: d.place.trim(),
    agenda: d.agenda,
    minutes: d.minutes,
    decisions: d.decisions.map((x) => ({ text: x.text.trim(), owner: x.owner.trim(), due: x.due || null })),
    attendance: Object.entries(d.attendance)
      .filter(([memberId]) => members.has(memberId))
      .map(([memberId, state]) => ({ memberId, state })),
  };
}

export interface MeetingFormProps {
  draft: MeetingDraft;
  members: MemberList | null;
  busy: boolean;
  level: number;
  locale: Locale;
  /** Applies a change to the draft as it is when the change happens (never a stale copy). */
  onChange(change: (draft: MeetingDraft) => MeetingDraft): void;
  /** Adds an empty decision and moves focus into it. */
  onAddDecision(): void;
  onSubmit(event: Event): void;
  onCancel(): void;
}

function attendanceFields(p: MeetingFormProps) {
  const L = p.locale;
  const d = p.draft;
  const year = academicYearOfDate(d.date);
  if (!year) return html`<p class="hint">${g('meetings.attendance.pick-date', {}, L)}</p>`;
  if (p.members?.academicYear !== year) return html`<p>${g('loading', {}, L)}</p>`;
  const serving = p.members.members.filter((m) => !m.endedOn || m.endedOn >= d.date || d.attendance[m.id]);
  return html`<fieldset>
    <legend>${g('meetings.attendance.legend', { year }, L)}</legend>
    ${serving.length === 0
      ? html`<p>${g('meetings.attendance.none', { year }, L)}</p>`
      : serving.map(
          (m) => html`<fieldset class="choices">
            <legend>${m.name}（${g(`role.${m.role}`, {}, L)}）</legend>
            ${STATES.map(
              (s) => html`<label><input type="radio" name=${`attendance-${m.id}`} value=${s} .checked=${d.attendance[m.id] === s} @change=${() => p.onChange((d) => ({ ...d, attendance: { ...d.attendance, [m.id]: s } }))} /> ${g(`attendance.${s}`, {}, L)}</label>`,
            )}
          </fieldset>`,
        )}
  </fieldset>`;
}

function decisionFields(p: MeetingFormProps) {
  const L = p.locale;
  const d = p.draft;
  const set = (i: number, change: Partial<MeetingDraft['decisions'][number]>) => p.onChange((d) => ({ ...d, decisions: d.decisions.map((x, k) => (k === i ? { ...x, ...change } : x)) }));
  return html`<fieldset>
    <legend>${g('meetings.decisions.legend', {}, L)}</legend>
    ${d.decisions.map(
      (x, i) => html`<div class="decision">
        <div class="field">
          <label for=${`decision-${i}`}>${g('meetings.decision.text', { n: i + 1 }, L)}</label>
          <textarea id=${`decision-${i}`} rows="2" .value=${x.text} @input=${(e: Event) => set(i, { text: (e.target as HTMLTextAreaElement).value })}></textarea>
        </div>
        <div class="field">
          <label for=${`decision-owner-${i}`}>${g('meetings.decision.owner', {}, L)}</label>
          <input id=${`decision-owner-${i}`} autocomplete="off" .value=${x.owner} @input=${(e: Event) => set(i, { owner: (e.target as HTMLInputElement).value })} />
        </div>
        <licheng-date-field .locale=${L} label=${g('meetings.decision.due', {}, L)} .value=${x.due} @licheng-date-change=${(e: CustomEvent<{ value: string }>) => set(i, { due: e.detail.value })}></licheng-date-field>
        <div class="actions">
          <button type="button" @click=${() => p.onChange((d) => ({ ...d, decisions: d.decisions.filter((_, k) => k !== i) }))}>${g('meetings.decision.remove', { n: i + 1 }, L)}</button>
        </div>
      </div>`,
    )}
    <div class="actions">
      <button type="button" id="decision-add" @click=${p.onAddDecision}>${g('meetings.decision.add', {}, L)}</button>
    </div>
  </fieldset>`;
}

/** The form that records or changes a meeting; buttons that cannot act say why beside them. */
export function meetingForm(p: MeetingFormProps) {
  const L = p.locale;
  const d = p.draft;
  const why = meetingProblem(d, L);
  const title = d.id ? g('meetings.form.edit', { date: d.date }, L) : g('meetings.form.add', {}, L);
  return html`<form @submit=${p.onSubmit} aria-labelledby="meeting-form-heading" novalidate>
    ${heading(p.level, title, 'meeting-form-heading')}
    <licheng-date-field id="meeting-date" .locale=${L} label=${g('meetings.field.date', {}, L)} required .value=${d.date} @licheng-date-change=${(e: CustomEvent<{ value: string }>) => p.onChange((d) => ({ ...d, date: e.detail.value }))}></licheng-date-field>
    <div class="field">
      <label for="meeting-place">${g('meetings.field.place', {}, L)}</label>
      <input id="meeting-place" autocomplete="off" .value=${d.place} @input=${(e: Event) => p.onChange((d) => ({ ...d, place: (e.target as HTMLInputElement).value }))} />
    </div>
    <div class="field">
      <label for="meeting-agenda">${g('meetings.field.agenda', {}, L)}</label>
      <textarea id="meeting-agenda" rows="3" .value=${d.agenda} @input=${(e: Event) => p.onChange((d) => ({ ...d, agenda: (e.target as HTMLTextAreaElement).value }))}></textarea>
    </div>
    <div class="field">
      <label for="meeting-minutes">${g('meetings.field.minutes', {}, L)}</label>
      <textarea id="meeting-minutes" rows="5" .value=${d.minutes} @input=${(e: Event) => p.onChange((d) => ({ ...d, minutes: (e.target as HTMLTextAreaElement).value }))}></textarea>
    </div>
    ${decisionFields(p)} ${attendanceFields(p)}
    <div class="actions">
      <button type="submit" class="primary" id="meeting-submit" ?disabled=${Boolean(why) || p.busy} aria-describedby="meeting-why">${g(d.id ? 'meetings.submit.edit' : 'meetings.submit.add', {}, L)}</button>
      ${d.id ? html`<button type="button" @click=${p.onCancel}>${g('cancel', {}, L)}</button>` : nothing}
      <span class="hint" id="meeting-why">${why}</span>
    </div>
  </form>`;
}
