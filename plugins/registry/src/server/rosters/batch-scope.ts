import { DomainError, rosterNumber, type RosterLayout } from '@licheng/core';
import type { AuthedContext } from '@licheng/server';
import type { RosterRequest } from './builder.ts';
import { gradeOfBatch } from './record-sources.ts';
import { registryDb } from '../tables.ts';

/**
 * What a batch carries beyond the regular roster's scope: grade 12's batches (第一 / 第二梯次)
 * only grade-12 students; the second batch, when the school sets rosters.secondBatch to
 * 'changed-since-first', only what was added or changed after the first batch of the same
 * roster and term (a year roster: year) was exported. No source says which the central database
 * expects, so 'whole' (each batch complete) is the default (docs/rosters.md).
 */
export interface BatchScope {
  grade: number | null;
  /** An ISO instant: only what changed after it; null for everything in scope. */
  since: string | null;
}

/**
 * The scope of the request's batch. With 'changed-since-first', the instant of the latest
 * recorded export (roster_exports) of the first batch of the same roster and year (and term on a
 * term roster); refused with roster-first-batch-missing when there is none.
 */
export async function batchScope(ctx: AuthedContext, layout: RosterLayout, request: RosterRequest): Promise<BatchScope> {
  const grade = gradeOfBatch(request.batch);
  if (request.batch !== 'grade12-second' || ctx.config.rosters.secondBatch === 'whole') return { grade, since: null };
  const first = rosterNumber(layout, 'grade12-first', ctx.config.rosters.numbers);
  let query = registryDb(ctx.db)
    .selectFrom('roster_exports')
    .select('exported_at')
    .where('school_code', '=', ctx.config.code)
    .where('roster', '=', request.roster)
    .where('batch', '=', 'grade12-first')
    .where('academic_year', '=', request.academicYear);
  if (!layout.year) query = query.where('semester', '=', request.semester);
  const latest = await query.orderBy('exported_at', 'desc').executeTakeFirst();
  if (!latest) throw new DomainError('roster-first-batch-missing', { roster: layout.name, kind: first, academicYear: request.academicYear });
  return { grade, since: latest.exported_at };
}
