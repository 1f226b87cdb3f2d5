import { html, nothing } from 'lit';
import { ACTIVITIES, type Locale, type LocalizedText } from '@licheng/core';
import { activityText, semesterText } from '../../schedule-text.ts';
import type { StoredWindowView } from '../api.ts';
import { t } from '../messages.ts';
import type { WindowDraft } from './window-draft.ts';

export interface WindowFormState {
  draft: WindowDraft;
  locale: Locale;
  busy: boolean;
  /** The year's other windows a relative end may follow. */
  anchors: StoredWindowView[];
  anchorName: (w: StoredWindowView) => string;
  /** Record kinds by id, with their names (from the server): the kinds field suggests them. */
  kindNames: Readonly<Record<string, LocalizedText>>;
  /** Called with the fields that changed. */
  change: (patch: Partial<WindowDraft>) => void;
  save: (event: Event) => void;
  cancel: () => void;
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
const dateValue = (e: Event) => (e as CustomEvent<{ value: string }>).detail.value;

/**
 * The window form of the schedule editor: native controls and ROC date fields
 * (`<licheng-date-field>`), each with a visible label, so it is used by keyboard alone; Enter
 * in a field submits. A relative start or end follows another window of the year by whole days.
 */
export function windowForm(s: WindowFormState) {
  const L = s.locale;
  const d = s.draft;
  return html`<form id="window-form" class="window-form" @submit=${s.save} aria-labelledby="form-heading" novalidate>
    <h3 id="form-heading" tabindex="-1">${d.id ? t('editor.form.edit', { version: d.version ?? 1 }, L) : t('editor.form.add', {}, L)}</h3>
    <div class="grid">
      <div class="field">
        <label for="activity">${t('editor.field.activity', {}, L)}</label>
        <select id="activity" @change=${(e: Event) => s.change({ activity: value(e) as WindowDraft['activity'] })}>
          ${ACTIVITIES.map((a) => html`<option value=${a} .selected=${a === d.activity}>${activityText(a, L)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="semester">${t('editor.field.semester', {}, L)}</label>
        <select id="semester" @change=${(e: Event) => s.change({ semester: Number(value(e)) as 0 | 1 | 2 })}>
          ${([1, 2, 0] as const).map((n) => html`<option value=${n} .selected=${n === d.semester}>${semesterText(n, L)}</option>`)}
        </select>
      </div>
      <fieldset class="field grades">
        <legend>${t('editor.field.grades', {}, L)}</legend>
        ${[1, 2, 3].map(
          (g) => html`<label class="check"
            ><input
              type="checkbox"
              .checked=${d.grades.includes(g)}
              @change=${(e: Event) => s.change({ grades: (e.target as HTMLInputElement).checked ? [...d.grades, g] : d.grades.filter((x) => x !== g) })}
            />
            ${t('editor.field.grade', { grade: g }, L)}</label
          >`,
        )}
      </fieldset>
      <div class="field">
        <label for="classes">${t('editor.field.classes', {}, L)}</label>
        <input id="classes" .value=${d.classes} @input=${(e: Event) => s.change({ classes: value(e) })} />
      </div>
      <div class="field">
        <label for="kinds">${t('editor.field.kinds', {}, L)}</label>
        <input id="kinds" list="kind-names" .value=${d.recordKinds} @input=${(e: Event) => s.change({ recordKinds: value(e) })} />
        <datalist id="kind-names">${Object.entries(s.kindNames).map(([id, label]) => html`<option value=${id}>${label[L]}</option>`)}</datalist>
      </div>
      <div class="field">
        <label for="qualifier">${t('editor.field.qualifier', {}, L)}</label>
        <input id="qualifier" .value=${d.qualifier} maxlength="60" @input=${(e: Event) => s.change({ qualifier: value(e) })} />
      </div>
      ${dateOrRelative(s, 'start')}
      ${dateOrRelative(s, 'end')}
      <licheng-date-field id="self-check" .label=${t('editor.field.selfCheck', {}, L)} .value=${d.selfCheck} @licheng-date-change=${(e: Event) => s.change({ selfCheck: dateValue(e) })}></licheng-date-field>
      <div class="field">
        <label for="reminders">${t('editor.field.reminders', {}, L)}</label>
        <input id="reminders" inputmode="numeric" .value=${d.reminders} @input=${(e: Event) => s.change({ reminders: value(e) })} />
      </div>
    </div>
    <div class="actions">
      <button type="submit" class="primary" ?disabled=${s.busy}>${t('editor.save', {}, L)}</button>
      <button type="button" ?disabled=${s.busy} @click=${s.cancel}>${t('editor.cancel', {}, L)}</button>
    </div>
  </form>`;
}

/** The draft's fields of one edge of the window: its mode, and its date or anchor, anchor edge and offset. */
const EDGE_FIELDS = {
  start: { mode: 'startMode', date: 'start', anchor: 'startAnchor', edge: 'startEdge', offset: 'startOffsetDays', ids: 'start-', msg: 'startMode' },
  end: { mode: 'endMode', date: 'end', anchor: 'anchor', edge: 'edge', offset: 'offsetDays', ids: '', msg: 'endMode' },
} as const;

/**
 * The start or the end of the window: a date (`<licheng-date-field>`), or relative to another
 * window (anchor, its start or end, days apart). The end keeps its ids (#end, #anchor, #edge,
 * #offset); the start's are #start, #start-anchor, #start-edge, #start-offset.
 */
function dateOrRelative(s: WindowFormState, which: 'start' | 'end') {
  const L = s.locale;
  const d = s.draft;
  const f = EDGE_FIELDS[which];
  const relative = d[f.mode] === 'relative';
  const prefix = which === 'start' ? t('editor.field.start', {}, L) : '';
  const label = (key: Parameters<typeof t>[0]) => (prefix ? `${prefix}：${t(key, {}, L)}` : t(key, {}, L));
  return html`<fieldset class="field">
      <legend>${t(`editor.field.${f.msg}`, {}, L)}</legend>
      ${(['date', 'relative'] as const).map(
        (mode) => html`<label class="check"
          ><input type="radio" name=${`${which}-mode`} value=${mode} .checked=${d[f.mode] === mode} ?disabled=${mode === 'relative' && s.anchors.length === 0} @change=${() => s.change({ [f.mode]: mode })} />
          ${t(`editor.field.${f.msg}.${mode}`, {}, L)}</label
        >`,
      )}
      ${s.anchors.length === 0 && which === 'end' ? html`<p class="hint">${t('editor.anchor.none', {}, L)}</p>` : nothing}
    </fieldset>
    ${!relative
      ? html`<licheng-date-field id=${which} required .label=${t(`editor.field.${which}`, {}, L)} .value=${d[f.date]} @licheng-date-change=${(e: Event) => s.change({ [f.date]: dateValue(e) })}></licheng-date-field>`
      : html`<div class="field">
            <label for=${`${f.ids}anchor`}>${label('editor.field.anchor')}</label>
            <select id=${`${f.ids}anchor`} @change=${(e: Event) => s.change({ [f.anchor]: value(e) })}>
              <option value="" .selected=${d[f.anchor] === ''}></option>
              ${s.anchors.map((w) => html`<option value=${w.id} .selected=${w.id === d[f.anchor]}>${s.anchorName(w)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for=${`${f.ids}edge`}>${label('editor.field.edge')}</label>
            <select id=${`${f.ids}edge`} @change=${(e: Event) => s.change({ [f.edge]: value(e) as 'start' | 'end' })}>
              ${(['end', 'start'] as const).map((edge) => html`<option value=${edge} .selected=${edge === d[f.edge]}>${t(`editor.edge.${edge}`, {}, L)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for=${`${f.ids}offset`}>${label('editor.field.offset')}</label>
            <input id=${`${f.ids}offset`} type="number" step="1" min="-366" max="366" .value=${String(d[f.offset])} @change=${(e: Event) => s.change({ [f.offset]: Number(value(e)) })} />
          </div>`}`;
}
