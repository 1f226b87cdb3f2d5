import type { Evidence, LayoutColumn, LayoutSheet } from './types.ts';

/** A column seen in the given sources. */
export function col(name: string, sources: readonly Evidence[], note?: string): LayoutColumn {
  return note ? { name, sources, note } : { name, sources };
}

/** Columns that share their sources, in order. */
export function cols(sources: readonly Evidence[], ...names: string[]): LayoutColumn[] {
  return names.map((name) => col(name, sources));
}

/** A sheet of student rows: 身分證號, 出生日期 (ROSTERS §1, V over ten years) and then its own columns. */
export function studentSheet(name: string, sources: readonly Evidence[], columns: readonly LayoutColumn[], section?: string): LayoutSheet {
  return { name, ...(section ? { section } : {}), sources, columns: [...cols(['V', 'D', 'Z'], '身分證號', '出生日期'), ...columns] };
}

/** The cover (封面): header row 學校代碼, 學年度, 學期, 名冊別 and one value row (V, Z). */
export const COVER_SHEET = '封面';
export const COVER_COLUMNS = ['學校代碼', '學年度', '學期', '名冊別'] as const;
