import { html, nothing } from 'lit';
import type { Locale } from '@licheng/core';
import { activityText } from '../../schedule-text.ts';
import type { EditorSchedule, StoredWindowView } from '../api.ts';
import { t } from '../messages.ts';
import type { WindowWords } from './window-words.ts';

/** The removed windows of the year, each with 復原 (restore); nothing when none was removed. */
export function removedList(d: EditorSchedule, s: { locale: Locale; busy: boolean; words: WindowWords; restore: (w: StoredWindowView) => void }) {
  const L = s.locale;
  if (d.removed.length === 0) return nothing;
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="removed-caption">
    <table class="cards removed">
      <caption id="removed-caption">${t('editor.removed.caption', {}, L)}</caption>
      <thead>
        <tr>
          <th scope="col">${t('col.activity', {}, L)}</th>
          <th scope="col">${t('col.period', {}, L)}</th>
          <th scope="col">${t('editor.col.actions', {}, L)}</th>
        </tr>
      </thead>
      <tbody>
        ${d.removed.map(
          (w) => html`<tr>
            <th scope="row" class="card-title">${s.words.name(w)}</th>
            <td data-label=${t('col.period', {}, L)}>${s.words.period(w)}</td>
            <td data-label=${t('editor.col.actions', {}, L)}>
              <button type="button" aria-label=${t('editor.restore.label', { activity: activityText(w.activity, L), period: s.words.period(w) }, L)} ?disabled=${s.busy} @click=${() => s.restore(w)}>
                ${t('editor.restore', {}, L)}
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The year picker: the years with windows and the years either side of the one shown. */
export function yearPicker(d: EditorSchedule, s: { locale: Locale; busy: boolean; choose: (event: Event) => void }) {
  const L = s.locale;
  const years = [...new Set([...d.years, d.academicYear - 1, d.academicYear, d.academicYear + 1])].sort((a, b) => a - b);
  return html`<div class="field year">
    <label for="editor-year">${t('year.label', {}, L)}</label>
    <select id="editor-year" ?disabled=${s.busy} @change=${s.choose}>
      ${years.map((y) => html`<option value=${y} .selected=${y === d.academicYear}>${t('year.option', { year: y }, L)}</option>`)}
    </select>
  </div>`;
}
