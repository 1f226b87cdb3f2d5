import { css, html } from 'lit';
import type { Locale } from '@licheng/core';

/** 學年度 and 學期 selects for the self-check and the dashboard: the year shown, the two before it and the one after. */
export function termPicker(o: {
  academicYear: number;
  semester: number;
  locale: Locale;
  disabled: boolean;
  yearLabel: string;
  semesterLabel: string;
  semesterText: (semester: 1 | 2) => string;
  onChange: (academicYear: number, semester: 1 | 2) => void;
}) {
  const years = [o.academicYear - 2, o.academicYear - 1, o.academicYear, o.academicYear + 1];
  const read = (root: EventTarget | null) => {
    const form = (root as HTMLElement).closest('.term-picker')!;
    o.onChange(Number(form.querySelector<HTMLSelectElement>('.year')!.value), Number(form.querySelector<HTMLSelectElement>('.semester')!.value) as 1 | 2);
  };
  return html`<span class="term-picker">
    <label>${o.yearLabel} <select class="year" ?disabled=${o.disabled} @change=${(e: Event) => read(e.target)}>${years.map((y) => html`<option value=${y} ?selected=${y === o.academicYear}>${y}</option>`)}</select></label>
    <label>${o.semesterLabel} <select class="semester" ?disabled=${o.disabled} @change=${(e: Event) => read(e.target)}>${([1, 2] as const).map((s) => html`<option value=${s} ?selected=${s === o.semester}>${o.semesterText(s)}</option>`)}</select></label>
  </span>`;
}

export const termStyles = css`
  .term { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-block: 0.75rem; }
  .term-picker { display: flex; flex-wrap: wrap; gap: 0.75rem; }
`;
