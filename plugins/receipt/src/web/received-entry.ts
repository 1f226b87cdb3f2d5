import { html, nothing, type TemplateResult } from 'lit';
import { receivedValueText } from '@licheng/core';
import type { Locale } from '@licheng/ui';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A student's entry of a roster exactly as the central database received it: the plain fields
 * as a description list, each sub-list (幹部經歷, 課程學習成果 …) as a table with a caption.
 * Codes show as their words (幹部等級 2 → 班級幹部) and dates in 民國 (出生日期 0980101 →
 * 098/01/01); a code without a known list shows as received, under its column name.
 */
export function receivedEntry(entry: Record<string, unknown>, empty: string, locale: Locale = 'zh-TW'): TemplateResult {
  const cell = (sheet: string, column: string, value: unknown) => receivedValueText(sheet, column, value, locale);
  const fields = Object.entries(entry).filter(([, v]) => !Array.isArray(v));
  const lists = Object.entries(entry).filter((e): e is [string, unknown[]] => Array.isArray(e[1]));
  return html`${fields.length
      ? html`<dl class="fields">
          ${fields.map(([k, v]) => html`<div><dt>${k}</dt><dd>${cell('', k, v)}</dd></div>`)}
        </dl>`
      : nothing}
    ${lists.map(([name, rows]) => {
      const columns = [...new Set(rows.flatMap((r) => (isRecord(r) ? Object.keys(r) : [])))];
      return html`<div class="table-wrap">
        <table>
          <caption>${name}</caption>
          ${rows.length === 0 || columns.length === 0
            ? html`<tbody><tr><td>${rows.length === 0 ? empty : rows.map((r) => cell(name, '', r)).join('、')}</td></tr></tbody>`
            : html`<thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
                <tbody>
                  ${rows.map((r) => html`<tr>${columns.map((c) => html`<td>${isRecord(r) ? cell(name, c, r[c]) : ''}</td>`)}</tr>`)}
                </tbody>`}
        </table>
      </div>`;
    })}`;
}
