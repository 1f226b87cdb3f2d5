import { html } from 'lit';
import type { Locale } from '@licheng/core';
import { formatDate } from '@licheng/ui';
import { KINDS, type DifferenceView, type PrecheckStatusView } from '../api.ts';
import { t } from '../messages.ts';

/** The 4-week rule, a plan changed since the last run, cohorts without a plan. */
export function statusLines(status: PrecheckStatusView, L: Locale) {
  const date = status.firstRunAt ? formatDate(new Date(status.firstRunAt), L) : '';
  const deadline = formatDate(status.deadline, L);
  const first = t(`rule.${status.firstRun}`, { date, deadline }, L);
  const missing = status.cohorts.filter((c) => c.version === null).map((c) => c.planYear);
  const changed = status.planChangedSince.map((c) => t('rule.changed.version', { year: c.planYear, version: c.version }, L)).join('、');
  return html`<ul class="status">
    <li>${t('rule.deadline', { start: formatDate(status.semesterStart, L), deadline }, L)}</li>
    <li class=${status.firstRun === 'on-time' ? 'ok' : status.firstRun === 'pending' ? '' : 'warn'} id="first-run">${first}</li>
    ${changed ? html`<li class="warn" id="plan-changed"><strong>${t('rule.changed', { versions: changed }, L)}</strong></li>` : ''}
    ${missing.length ? html`<li class="warn">${t('rule.no-plan', { years: missing.join('、') }, L)}</li>` : ''}
  </ul>`;
}

const studentText = (d: DifferenceView) => (d.studentNo ? `${d.studentNo} ${d.studentName ?? ''}` : '');

function valueText(d: DifferenceView, which: 'expected' | 'found', L: Locale): string {
  const value = d[which];
  if (d.kind === 'credits' && which === 'expected' && value === '0') return t('value.not-offered', {}, L);
  return value === '' ? t('value.none', {}, L) : value;
}

/** The run's differences grouped by kind, a table per kind, each row 「不同」 with expected, found and who fixes it. */
export function differenceTables(differences: readonly DifferenceView[], L: Locale) {
  const groups = KINDS.map((kind) => ({ kind, rows: differences.filter((d) => d.kind === kind) })).filter((g) => g.rows.length);
  const cols = ['diff.result', 'diff.class', 'diff.code', 'diff.subject', 'diff.student', 'diff.expected', 'diff.found', 'diff.fixer'] as const;
  return groups.map(
    (g) => html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby=${`caption-${g.kind}`}>
      <table data-kind=${g.kind}>
        <caption id=${`caption-${g.kind}`}>${t('diff.caption', { kind: t(`kind.${g.kind}`, {}, L), count: g.rows.length }, L)}</caption>
        <thead><tr>${cols.map((c) => html`<th scope="col">${t(c, {}, L)}</th>`)}</tr></thead>
        <tbody>
          ${g.rows.map(
            (d) => html`<tr>
              <td><strong>${t('diff.different', {}, L)}</strong></td><td>${d.className}</td><td class="code">${d.code}</td><td>${d.subjectName}</td>
              <td>${studentText(d)}</td><td>${valueText(d, 'expected', L)}</td><td>${valueText(d, 'found', L)}</td><td>${t(`fixer.${d.fixer}`, {}, L)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
  );
}
