import { html, nothing, type TemplateResult } from 'lit';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A student's entry of a roster exactly as the central database received it: the plain fields
 * as a description list, each sub-list (幹部經歷, 課程學習成果 …) as a table with a caption.
 */
export function receivedEntry(entry: Record<string, unknown>, empty: string): TemplateResult {
  const fields = Object.entries(entry).filter(([, v]) => !Array.isArray(v));
  const lists = Object.entries(entry).filter((e): e is [string, unknown[]] => Array.isArray(e[1]));
  return html`${fields.length
      ? html`<dl class="fields">
          ${fields.map(([k, v]) => html`<div><dt>${k}</dt><dd>${cell(v)}</dd></div>`)}
        </dl>`
      : nothing}
    ${lists.map(([name, rows]) => {
      const columns = [...new Set(rows.flatMap((r) => (isRecord(r) ? Object.keys(r) : [])))];
      return html`<div class="table-wrap">
        <table>
          <caption>${name}</caption>
          ${rows.length === 0 || columns.length === 0
            ? html`<tbody><tr><td>${rows.length === 0 ? empty : rows.map(cell).join('、')}</td></tr></tbody>`
            : html`<thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
                <tbody>
                  ${rows.map((r) => html`<tr>${columns.map((c) => html`<td>${isRecord(r) ? cell(r[c]) : ''}</td>`)}</tr>`)}
                </tbody>`}
        </table>
      </div>`;
    })}`;
}
