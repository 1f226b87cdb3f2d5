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
 * in a field submits. A relative end follows another window of the year by whole days.
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
      <licheng-date-field id="start" required .label=${t('editor.field.start', {}, L)} .value=${d.start} @licheng-date-change=${(e: Event) => s.change({ start: dateValue(e) })}></licheng-date-field>
      <fieldset class="field">
        <legend>${t('editor.field.endMode', {}, L)}</legend>
        ${(['date', 'relative'] as const).map(
          (mode) => html`<label class="check"
            ><input type="radio" name="end-mode" value=${mode} .checked=${d.endMode === mode} ?disabled=${mode === 'relative' && s.anchors.length === 0} @change=${() => s.change({ endMode: mode })} />
            ${t(`editor.field.endMode.${mode}`, {}, L)}</label
          >`,
        )}
        ${s.anchors.length === 0 ? html`<p class="hint">${t('editor.anchor.none', {}, L)}</p>` : nothing}
      </fieldset>
      ${d.endMode === 'date'
        ? html`<licheng-date-field id="end" required .label=${t('editor.field.end', {}, L)} .value=${d.end} @licheng-date-change=${(e: Event) => s.change({ end: dateValue(e) })}></licheng-date-field>`
        : html`<div class="field">
              <label for="anchor">${t('editor.field.anchor', {}, L)}</label>
              <select id="anchor" @change=${(e: Event) => s.change({ anchor: value(e) })}>
                <option value="" .selected=${d.anchor === ''}></option>
                ${s.anchors.map((w) => html`<option value=${w.id} .selected=${w.id === d.anchor}>${s.anchorName(w)}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="edge">${t('editor.field.edge', {}, L)}</label>
              <select id="edge" @change=${(e: Event) => s.change({ edge: value(e) as 'start' | 'end' })}>
                ${(['end', 'start'] as const).map((edge) => html`<option value=${edge} .selected=${edge === d.edge}>${t(`editor.edge.${edge}`, {}, L)}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="offset">${t('editor.field.offset', {}, L)}</label>
              <input id="offset" type="number" step="1" min="-366" max="366" .value=${String(d.offsetDays)} @change=${(e: Event) => s.change({ offsetDays: Number(value(e)) })} />
            </div>`}
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
