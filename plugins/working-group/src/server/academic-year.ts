import { z } from 'zod';

/**
 * 學年度 as callers give it: an ROC academic year, the range a school config's schedule
 * accepts (100–999, e.g. 114). Anything else is refused with the catalogue's
 * `import-number-invalid`, so the caller reads 「學年度」應為 100 到 999 的整數（目前為「99」）
 * or its English text.
 */
export const ACADEMIC_YEAR_MIN = 100;
export const ACADEMIC_YEAR_MAX = 999;
const COLUMN = '學年度';

/** The refusal of `value` as an academic year (catalogue code and params), or null when it is one. */
export function academicYearProblem(value: unknown): { code: 'import-number-invalid'; params: Record<string, string | number> } | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= ACADEMIC_YEAR_MIN && value <= ACADEMIC_YEAR_MAX) return null;
  const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
  return { code: 'import-number-invalid', params: { column: COLUMN, min: ACADEMIC_YEAR_MIN, max: ACADEMIC_YEAR_MAX, value: shown.slice(0, 20) } };
}

/** The zod schema of an academic year; its one issue carries the catalogue code and params. */
export const academicYearSchema = z
  .custom<number>()
  .superRefine((value, ctx) => {
    const problem = academicYearProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.code, params: problem.params, input: value });
  })
  .meta({ type: 'integer', minimum: ACADEMIC_YEAR_MIN, maximum: ACADEMIC_YEAR_MAX, description: '學年度: an ROC academic year such as 114' });

/**
 * A query-string academic year (`?academicYear=115`): digits become a number, anything else is
 * kept as text so the refusal shows what was sent; absent or empty is undefined.
 */
export function academicYearFromQuery(raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  return /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}
