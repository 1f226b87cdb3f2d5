import { html, nothing } from 'lit';
import type { Locale } from '@licheng/core';
import { heading } from '@licheng/ui';
import type { AttendanceReport, Training } from '../group-api.ts';
import { g } from '../group-messages.ts';

export interface AttendanceImportProps {
  held: Training[];
  trainingId: string;
  file: File | null;
  report: AttendanceReport | null;
  busy: boolean;
  level: number;
  locale: Locale;
  onTraining(id: string): void;
  onFile(file: File | null): void;
  onImport(dryRun: boolean): void;
}

/** Choose a held training and its attendance list; check it, then import it, with the row-by-row report. */
export function attendanceImportForm(p: AttendanceImportProps) {
  const L = p.locale;
  const r = p.report;
  const noTraining = !p.trainingId ? (p.held.length ? g('import.needs-training', {}, L) : g('import.none-held', {}, L)) : '';
  const noFile = noTraining || (!p.file ? g('import.needs-file', {}, L) : '');
  const unchecked = noFile || (!r || r.committed || r.issues.length ? g('import.needs-check', {}, L) : '');
  return html`<section aria-labelledby="attendance-import-heading">
    ${heading(p.level, g('import.heading', {}, L), 'attendance-import-heading')}
    <div class="import">
      <p>${g('import.intro', {}, L)}</p>
      <div class="field">
        <label for="import-training">${g('import.training', {}, L)}</label>
        <select id="import-training" ?disabled=${!p.held.length} @change=${(e: Event) => p.onTraining((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!p.trainingId}>${g('import.choose', {}, L)}</option>
          ${p.held.map((x) => html`<option value=${x.id} ?selected=${x.id === p.trainingId}>${g(`kind.${x.kind}`, {}, L)}：${x.title}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="attendance-file">${g('import.file', {}, L)}</label>
        <input id="attendance-file" type="file" accept=".xlsx,.csv" @change=${(e: Event) => p.onFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
      </div>
      <div class="actions">
        <button type="button" id="import-check" ?disabled=${Boolean(noFile) || p.busy} aria-describedby="import-why" @click=${() => p.onImport(true)}>${g('import.check', {}, L)}</button>
        <button type="button" class="primary" id="import-commit" ?disabled=${Boolean(unchecked) || p.busy} aria-describedby="import-why" @click=${() => p.onImport(false)}>${g('import.commit', {}, L)}</button>
        <span class="hint" id="import-why">${unchecked}</span>
      </div>
      ${r?.issues.length
        ? html`<table class="cards" aria-label=${g('import.issues', { count: r.issues.length }, L)}>
            <thead><tr><th scope="col">${g('col.row', {}, L)}</th><th scope="col">${g('col.column', {}, L)}</th><th scope="col">${g('col.problem', {}, L)}</th></tr></thead>
            <tbody>${r.issues.map((i) => html`<tr><td data-label=${g('col.row', {}, L)}>${i.row ?? ''}</td><td data-label=${g('col.column', {}, L)}>${i.column ?? ''}</td><td data-label=${g('col.problem', {}, L)}>${i.message}</td></tr>`)}</tbody>
          </table>`
        : nothing}
    </div>
  </section>`;
}
