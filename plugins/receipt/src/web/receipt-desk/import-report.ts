import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@licheng/ui';
import type { ImportResult } from '../api.ts';
import { t } from '../messages.ts';

/** The rosters an import read: their kind (— for 修課紀錄, which has no number), name and counts. */
function rostersTable(result: ImportResult, caption: string, L: Locale): TemplateResult {
  return html`<div class="table-wrap">
    <table>
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${t('roster.kind', {}, L)}</th><th scope="col">${t('roster.name', {}, L)}</th><th scope="col" class="num">${t('roster.entries', {}, L)}</th>
          <th scope="col" class="num">${t('roster.items', {}, L)}</th><th scope="col" class="num">${t('roster.not-required', {}, L)}</th>
        </tr>
      </thead>
      <tbody>
        ${result.rosters.map((r) => html`<tr><td>${r.kind === 0 ? '—' : r.kind}</td><td>${r.name}</td><td class="num">${r.entries}</td><td class="num">${r.items}</td><td class="num">${r.notRequired}</td></tr>`)}
      </tbody>
    </table>
  </div>`;
}

/**
 * What an import (or its dry run) found: the rosters it would write, or every problem by file
 * and entry — followed by the rosters that were read all the same (a file refused for its
 * checksum is not among them).
 */
export function importReport(result: ImportResult, L: Locale): TemplateResult {
  if (!result.ok) {
    return html`<p class="error-text">${t('import.refused', { count: result.problems.length }, L)}</p>
      <div class="table-wrap">
        <table class="report">
          <caption>${t('report.caption', {}, L)}</caption>
          <thead><tr><th scope="col">${t('report.file', {}, L)}</th><th scope="col">${t('report.index', {}, L)}</th><th scope="col">${t('report.problem', {}, L)}</th></tr></thead>
          <tbody>
            ${result.problems.map((p) => html`<tr><td>${p.file ?? ''}</td><td>${p.index ?? ''}</td><td>${p.message}</td></tr>`)}
          </tbody>
        </table>
      </div>
      ${result.rosters.length > 0 ? rostersTable(result, t('import.read-refused', {}, L), L) : nothing}`;
  }
  const summary = { rosters: result.rosters.length, items: result.items };
  return html`<p class="ok">${t(result.dryRun ? 'import.checked' : 'import.done', summary, L)}</p>
    ${result.leftStudents > 0 ? html`<p>${t('import.left', { count: result.leftStudents }, L)}</p>` : nothing}
    ${rostersTable(result, t('rosters.caption', {}, L), L)}`;
}
