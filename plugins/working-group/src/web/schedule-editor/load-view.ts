import { html, nothing } from 'lit';
import type { Locale } from '@licheng/core';
import { dateText } from '../../schedule-text.ts';
import type { ScheduleLoad } from '../api.ts';
import { t } from '../messages.ts';

/**
 * The load on each deadline, as the editor shows it before an end date is saved: a bar chart
 * (decoration, aria-hidden) with a table beside it holding the same figures (what a screen reader
 * and a printout read), the proposed last day's hours in a disclosure, and the warning when one
 * day carries far more than the others.
 */
export function loadView(load: ScheduleLoad | null, state: { loading: boolean; failure?: string; academicYear: number; locale: Locale; format: 'roc' | 'iso' }) {
  const L = state.locale;
  const date = (iso: string) => html`<time datetime=${iso}>${dateText(iso, state.format)}</time>`;
  if (!load && state.failure && !state.loading) return html`<p class="error-text" id="load-status">${t('load.failed', { message: state.failure }, L)}</p>`;
  if (!load) return html`<p class="muted" id="load-status">${t(state.loading ? 'load.loading' : 'load.waiting', {}, L)}</p>`;
  const max = Math.max(1, ...load.days.map((d) => d.students));
  const peak = load.peak;
  return html`<p id="load-status" class=${peak ? 'warning' : 'muted'}>
      ${peak
        ? html`<span aria-hidden="true">⚠</span> ${t('load.warning', { date: dateText(peak.date, state.format), students: peak.students, items: peak.items }, L)}`
        : t('load.ok', {}, L)}
    </p>
    <div class="load">
      <div class="chart" role="img" aria-label=${t('load.chart', {}, L)}>
        ${load.days.map(
          (d) => html`<div class="bar-row ${d.proposed ? 'proposed' : ''} ${peak?.date === d.date ? 'peak' : ''}" aria-hidden="true">
            <span class="bar-label">${dateText(d.date, state.format)}</span>
            <span class="bar" style="inline-size: ${Math.round((d.students / max) * 100)}%"></span>
            <span class="bar-value">${d.students}</span>
          </div>`,
        )}
      </div>
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="load-caption">
        <table class="cards" part="load-table">
          <caption id="load-caption">${t('load.caption', { year: state.academicYear }, L)}</caption>
          <thead>
            <tr>
              <th scope="col">${t('load.col.date', {}, L)}</th>
              <th scope="col">${t('load.col.students', {}, L)}</th>
              <th scope="col">${t('load.col.items', {}, L)}</th>
              <th scope="col">${t('load.col.windows', {}, L)}</th>
            </tr>
          </thead>
          <tbody>
            ${load.days.map(
              (d) => html`<tr class=${d.proposed ? 'proposed' : ''}>
                <th scope="row">${date(d.date)}${d.proposed ? t('load.proposed', {}, L) : nothing}</th>
                <td data-label=${t('load.col.students', {}, L)}>${d.students}</td>
                <td data-label=${t('load.col.items', {}, L)}>${d.items}</td>
                <td data-label=${t('load.col.windows', {}, L)}>${d.windows}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>
    <details class="hours">
      <summary>${t('load.hours.summary', { date: dateText(load.end, state.format) }, L)}</summary>
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="hours-caption">
        <table class="cards">
          <caption id="hours-caption">${t('load.hours.caption', { date: dateText(load.end, state.format) }, L)}</caption>
          <thead>
            <tr>
              <th scope="col">${t('load.col.hour', {}, L)}</th>
              <th scope="col">${t('load.col.items', {}, L)}</th>
            </tr>
          </thead>
          <tbody>
            ${load.hours.map(
              (n, h) => html`<tr>
                <th scope="row">${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59</th>
                <td data-label=${t('load.col.items', {}, L)}>${n}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
}
