import type { ApprovedPlanLine } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { latestVersion, versionLines } from './plan-import.ts';
import { curriculumDb } from './tables.ts';

/**
 * The current approved course plan (課程計畫, its latest version) of each 實施學年度 asked for,
 * as the pre-check (comparePlan) reads it; a plan year with no plan is absent. A small public
 * read for other offices (the registry's pre-check roster 41 / 42 takes the 報部科目名稱 from
 * it), through `@licheng/plugin-curriculum/server`; call it only when the school enables
 * 'curriculum' (its tables exist then).
 */
export async function currentPlanLines(db: Kysely<PlatformDatabase>, school: string, planYears: readonly number[]): Promise<Map<number, ApprovedPlanLine[]>> {
  const curriculum = curriculumDb(db);
  const plans = new Map<number, ApprovedPlanLine[]>();
  for (const year of [...new Set(planYears)].sort()) {
    const latest = await latestVersion(curriculum, school, year);
    if (latest) plans.set(year, await versionLines(curriculum, school, latest.id, year));
  }
  return plans;
}
