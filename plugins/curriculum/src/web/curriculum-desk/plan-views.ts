import { html, nothing } from 'lit';
import type { Locale } from '@licheng/core';
import { formatDateTime } from '@licheng/ui';
import type { PlanPreviewView, PlanVersionDetailView, PlanVersionView } from '../api.ts';
import { t, type CurriculumMessageKey } from '../messages.ts';

/** The preview's report: what passed, or every row problem in a table (row, column, problem). */
export function previewReport(preview: PlanPreviewView, L: Locale) {
  if (preview.issues.length === 0) {
    return html`<p>${t('plan.checked', { rows: preview.rows, lines: preview.lineCount }, L)}</p>
      <p>${changesLine(preview.previousVersion, preview.planYear, preview.diff, L)}</p>`;
  }
  return html`<p role="alert" class="error-text">${t('plan.refused', { count: preview.issues.length }, L)}</p>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="report-caption">
      <table>
        <caption id="report-caption">${t('report.caption', {}, L)}</caption>
        <thead><tr><th scope="col" class="num">${t('report.row', {}, L)}</th><th scope="col">${t('report.column', {}, L)}</th><th scope="col">${t('report.problem', {}, L)}</th></tr></thead>
        <tbody>${preview.issues.map((i) => html`<tr><td class="num">${i.row ?? ''}</td><td>${i.column ?? ''}</td><td>${i.message}</td></tr>`)}</tbody>
      </table>
    </div>`;
}

export function changesLine(previous: number | null, year: number, diff: PlanPreviewView['diff'], L: Locale): string {
  if (previous === null) return t('plan.first', { year }, L);
  return t('plan.changes', { version: previous, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length }, L);
}

/** The imported versions, newest first, each with a button that shows what it changed. */
export function versionsTable(versions: readonly PlanVersionView[], L: Locale, show: (v: PlanVersionView) => void, highlight: string) {
  if (versions.length === 0) return html`<p>${t('versions.empty', {}, L)}</p>`;
  return html`<table class="cards">
    <caption>${t('versions.caption', {}, L)}</caption>
    <thead>
      <tr>
        ${(['versions.year', 'versions.version', 'versions.file', 'versions.lines', 'versions.by', 'versions.at'] as const).map((k) => html`<th scope="col">${t(k, {}, L)}</th>`)}
        <th scope="col"><span class="sr-only">${t('versions.show', {}, L)}</span></th>
      </tr>
    </thead>
    <tbody>
      ${versions.map(
        (v) => html`<tr id=${`version-${v.id}`} class=${v.id === highlight ? 'just-done' : ''}>
          <td data-label=${t('versions.year', {}, L)}>${v.planYear}</td>
          <td data-label=${t('versions.version', {}, L)}>${v.version}</td>
          <td data-label=${t('versions.file', {}, L)} class="wrap">${v.sourceName}</td>
          <td data-label=${t('versions.lines', {}, L)}>${v.lineCount}</td>
          <td data-label=${t('versions.by', {}, L)}>${v.importedByName}</td>
          <td data-label=${t('versions.at', {}, L)}>${formatDateTime(v.importedAt, L)}</td>
          <td><button type="button" data-version=${v.id} aria-label=${t('versions.show.label', { year: v.planYear, version: v.version }, L)} @click=${() => show(v)}>${t('versions.show', {}, L)}</button></td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

const fieldKey = (field: string) => `field.${field}` as CurriculumMessageKey;

/** What a version changed against the one before: added, removed and changed lines with the fields. */
export function versionDetail(detail: PlanVersionDetailView, L: Locale) {
  const { diff } = detail;
  const rows = [
    ...diff.added.map((l) => ({ kind: t('change.added', {}, L), code: l.code, name: l.subjectName, what: `${t('field.credits', {}, L)} ${l.credits}` })),
    ...diff.removed.map((l) => ({ kind: t('change.removed', {}, L), code: l.code, name: l.subjectName, what: '' })),
    ...diff.changed.map((c) => ({
      kind: t('change.changed', {}, L),
      code: c.code,
      name: detail.lines.find((l) => l.code === c.code)?.subjectName ?? '',
      what: c.fields.map((f) => `${t(fieldKey(f.field), {}, L)}：${f.before} → ${f.after}`).join('；'),
    })),
  ];
  return html`<h4 id="detail-heading" tabindex="-1">${t('detail.heading', { year: detail.version.planYear, version: detail.version.version }, L)}</h4>
    <p>${changesLine(detail.previousVersion, detail.version.planYear, diff, L)}</p>
    ${rows.length === 0
      ? html`<p>${t('detail.none', {}, L)}</p>`
      : html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="detail-caption">
          <table>
            <caption id="detail-caption">${t('detail.caption', {}, L)}</caption>
            <thead><tr><th scope="col">${t('change.kind', {}, L)}</th><th scope="col">${t('change.code', {}, L)}</th><th scope="col">${t('change.name', {}, L)}</th><th scope="col">${t('change.what', {}, L)}</th></tr></thead>
            <tbody>${rows.map((r) => html`<tr><td>${r.kind}</td><td class="code">${r.code}</td><td>${r.name}</td><td>${r.what || nothing}</td></tr>`)}</tbody>
          </table>
        </div>`}`;
}
