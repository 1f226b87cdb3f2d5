import type { PlanVersion } from '../tables.ts';

/** What the API returns of a plan version. */
export function toPlanVersionView(row: PlanVersion) {
  return {
    id: row.id,
    planYear: row.plan_year,
    version: row.version,
    sourceName: row.source_name,
    sha256: row.source_sha256,
    lineCount: row.line_count,
    importedByName: row.imported_by_name,
    importedAt: row.imported_at,
  };
}

export type PlanVersionView = ReturnType<typeof toPlanVersionView>;
