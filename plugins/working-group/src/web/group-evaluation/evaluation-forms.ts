import { html, nothing } from 'lit';
import type { Locale } from '@licheng/core';
import { formatDate, heading } from '@licheng/ui';
import type { AwardProposal, EvaluationOverview } from '../group-api.ts';
import { e } from './evaluation-messages.ts';

/** The proposal form as plain data. */
export interface ProposalDraft {
  subjectKind: 'person' | 'office';
  subjectId: string;
  subjectName: string;
  level: string;
  times: 1 | 2;
  reason: string;
}

/** The decision form as plain data, for the proposal being decided. */
export interface DecisionDraft {
  outcome: 'approved' | 'changed' | 'rejected';
  level: string;
  times: 1 | 2;
  meetingId: string;
  note: string;
}

export const emptyProposal = (): ProposalDraft => ({ subjectKind: 'person', subjectId: '', subjectName: '', level: 'commendation', times: 1, reason: '' });

/** 嘉獎二次 / commendation ×2, from the level names the server sends. */
export function awardWords(o: EvaluationOverview, level: string | null, times: number | null, L: Locale): string {
  const label = o.levels.find((l) => l.id === level)?.label ?? level ?? '';
  return L === 'zh-TW' ? `${label}${e(`times.${times === 2 ? 2 : 1}`, {}, L)}` : `${label} ×${times ?? 1}`;
}

const val = (ev: Event) => (ev.target as HTMLInputElement).value;

interface FormState<D> {
  draft: D;
  overview: EvaluationOverview;
  busy: boolean;
  level: number;
  locale: Locale;
  change: (patch: Partial<D>) => void;
  submit: (ev: Event) => void;
  cancel: () => void;
}

function awardFields<D extends { level: string; times: 1 | 2 }>(s: FormState<D>, prefix: string) {
  const L = s.locale;
  return html`<label for=${`${prefix}-level`}>${e('form.level', {}, L)}</label>
    <select id=${`${prefix}-level`} @change=${(ev: Event) => s.change({ level: val(ev) } as Partial<D>)}>
      ${s.overview.levels.map((l) => html`<option value=${l.id} .selected=${l.id === s.draft.level}>${l.label}</option>`)}
    </select>
    <label for=${`${prefix}-times`}>${e('form.times', {}, L)}</label>
    <select id=${`${prefix}-times`} @change=${(ev: Event) => s.change({ times: Number(val(ev)) as 1 | 2 } as Partial<D>)}>
      ${([1, 2] as const).map((n) => html`<option value=${n} .selected=${n === s.draft.times}>${e(`times.${n}`, {}, L)}</option>`)}
    </select>`;
}

/** The executive secretary's proposal: for whom (prefilled from a figures row), the award, the reason. */
export function proposalForm(s: FormState<ProposalDraft>) {
  const L = s.locale;
  const d = s.draft;
  return html`<form id="proposal-form" aria-labelledby="proposal-heading" novalidate @submit=${s.submit}>
    ${heading(s.level, e('form.heading', {}, L), 'proposal-heading')}
    <fieldset>
      <legend>${e('form.kind', {}, L)}</legend>
      ${(['person', 'office'] as const).map(
        (k) => html`<label><input type="radio" name="subject-kind" value=${k} .checked=${d.subjectKind === k} @change=${() => s.change({ subjectKind: k, subjectId: '' })} /> ${e(`kind.${k}`, {}, L)}</label>`,
      )}
    </fieldset>
    <label for="subject-name">${e('form.name', {}, L)}</label>
    <input id="subject-name" maxlength="100" .value=${d.subjectName} @input=${(ev: Event) => s.change({ subjectName: val(ev), subjectId: '' })} />
    ${awardFields(s, 'proposal')}
    <label for="proposal-reason">${e('form.reason', {}, L)}</label>
    <textarea id="proposal-reason" rows="3" maxlength="1000" .value=${d.reason} @input=${(ev: Event) => s.change({ reason: val(ev) })}></textarea>
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${s.busy}>${e('form.submit', {}, L)}</button>
      <button type="button" ?disabled=${s.busy} @click=${s.cancel}>${e('form.cancel', {}, L)}</button>
    </div>
  </form>`;
}

/** The group's decision on `proposal`: the outcome, the award when changed, the meeting that decided, a note. */
export function decisionForm(s: FormState<DecisionDraft> & { proposal: AwardProposal }) {
  const L = s.locale;
  const d = s.draft;
  const meetings = s.overview.meetings;
  return html`<form id="decision-form" aria-labelledby="decision-heading" novalidate @submit=${s.submit}>
    ${heading(s.level, e('decide.heading', { name: s.proposal.subjectName }, L), 'decision-heading')}
    <fieldset>
      <legend>${e('decide.outcome', {}, L)}</legend>
      ${(['approved', 'changed', 'rejected'] as const).map(
        (o) => html`<label><input type="radio" name="outcome" value=${o} .checked=${d.outcome === o} @change=${() => s.change({ outcome: o })} /> ${e(`decide.${o}`, {}, L)}</label>`,
      )}
    </fieldset>
    ${d.outcome === 'changed' ? awardFields(s, 'decision') : nothing}
    <label for="decision-meeting">${e('decide.meeting', {}, L)}</label>
    <select id="decision-meeting" aria-describedby=${meetings.length ? nothing : 'no-meeting'} @change=${(ev: Event) => s.change({ meetingId: val(ev) })}>
      ${meetings.map((m) => html`<option value=${m.id} .selected=${m.id === d.meetingId}>${formatDate(m.date, L)} ${m.place}</option>`)}
    </select>
    ${meetings.length ? nothing : html`<p id="no-meeting" class="hint">${e('decide.meeting.none', {}, L)}</p>`}
    <label for="decision-note">${e('decide.note', {}, L)}</label>
    <input id="decision-note" maxlength="500" .value=${d.note} @input=${(ev: Event) => s.change({ note: val(ev) })} />
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${s.busy || !meetings.length}>${e('decide.submit', {}, L)}</button>
      <button type="button" ?disabled=${s.busy} @click=${s.cancel}>${e('form.cancel', {}, L)}</button>
    </div>
  </form>`;
}
