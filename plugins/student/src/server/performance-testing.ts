import { PERFORMANCE_TYPES, type RecordFieldSpec } from '@licheng/core';
import { openSchedule } from '@licheng/server/testing';

/** Windows open on the harness's clock (2025-10-01, 114-1), with the performances' upload and selection. */
export const performanceSchedule = [
  ...openSchedule,
  { activity: 'performance-upload', academicYear: 114, semester: 0, start: '2025-08-01', end: '2026-07-31' },
  { activity: 'performance-selection', academicYear: 114, semester: 0, start: '2025-08-01', end: '2026-07-31' },
];

/** A valid value of a field. */
function goodValue(f: RecordFieldSpec): string | number {
  switch (f.type) {
    case 'text':
      return `${f.label['zh-TW']}內容`;
    case 'date':
      return '2025-09-01';
    case 'code':
      return f.codes[0]!.code;
    case 'integer':
    case 'decimal':
      return f.min;
    case 'academic-year':
      return 114;
    case 'semester':
      return 1;
  }
}

/** Every field of the type filled with a valid value. */
export function goodData(kind: string): Record<string, string | number> {
  const type = PERFORMANCE_TYPES.find((t) => t.id === kind)!;
  return Object.fromEntries(type.fields.map((f) => [f.key, goodValue(f)]));
}

export function form(fields: Record<string, string | File | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f.append(k, v);
  return f;
}

/** The upload form of one performance of `kind` with good fields. */
export function performanceForm(kind: string, extra: Record<string, string | File | undefined> = {}, data: Record<string, unknown> = goodData(kind)): FormData {
  return form({ kind, summary: '擔任班級幹部，協助班務。', data: JSON.stringify(data), ...extra });
}
