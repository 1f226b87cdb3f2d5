import { AWARD_LEVELS, AWARD_RULE_SOURCES, AWARD_LEVEL_SOURCE, awardLevelLabels, evaluationPhase, formatMessage, taipeiDate, type Locale } from '@licheng/core';
import { authedProcedure, type AuthedContext } from '@licheng/server';
import { z } from 'zod';
import { academicYearSchema } from '../academic-year.ts';
import { executiveSecretary, yearProposals, type AwardProposalView } from '../evaluation/award-store.ts';
import { yearFigures, type YearFigures } from '../evaluation/figures.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { currentAcademicYear } from '../schedule.ts';
import { workingGroupDb } from '../tables.ts';

export const evaluationOverviewInput = z.object({ academicYear: academicYearSchema.optional() }).default({});

export interface EvaluationOverview {
  academicYear: number;
  today: string;
  /** 'before' the year's semester 2 (nothing to show yet), 'open' during it, 'after' (read only). */
  phase: 'before' | 'open' | 'after';
  /** Why proposals and decisions cannot be recorded now, worded in the caller's language; null while open. */
  closedReason: string | null;
  secretary: { name: string; userId: string | null } | null;
  /** Whether the caller is the serving executive secretary (only they propose). */
  isSecretary: boolean;
  /** The figures, from the year's second semester on; null before. */
  figures: YearFigures | null;
  proposals: AwardProposalView[];
  /** Meetings of the year's semester 2 held by today: what a decision refers to. */
  meetings: Array<{ id: string; date: string; place: string }>;
  levels: Array<{ id: string; label: string }>;
  rules: Array<{ school: string; source: string; text: string }>;
  levelSource: string;
}

/**
 * working-group.evaluation.overview — 成效評核及獎勵 of an academic year (today's when absent):
 * each person's and office's figures from the data (from the year's second semester on), the
 * executive secretary's proposals with the group's decisions, the meetings a decision may refer
 * to, and the rules of the seed regulations the screen quotes.
 */
export const evaluationOverview = authedProcedure(GROUP_EDITORS)
  .input(evaluationOverviewInput)
  .query(({ ctx, input }) => evaluationOverviewOf(ctx, input.academicYear ?? currentAcademicYear(ctx.now())));

/** The overview of `academicYear` (the procedure's answer, and the Excel file's content). */
export async function evaluationOverviewOf(ctx: AuthedContext, academicYear: number, locale: Locale = ctx.locale): Promise<EvaluationOverview> {
    const now = ctx.now();
    const school = ctx.config.code;
    const db = workingGroupDb(ctx.db);
    const phase = evaluationPhase(academicYear, now);
    const secretary = await executiveSecretary(db, school, academicYear);
    const today = taipeiDate(now);
    const meetings = await db
      .selectFrom('working_group_meetings')
      .select(['id', 'meeting_date', 'place'])
      .where('school_code', '=', school).where('academic_year', '=', academicYear).where('semester', '=', 2).where('meeting_date', '<=', today)
      .orderBy('meeting_date', 'desc').execute();
    return {
      academicYear,
      today,
      phase,
      closedReason: phase === 'open' ? null : formatMessage('wg-evaluation-not-open', { academicYear }, locale),
      secretary: secretary ? { name: secretary.name, userId: secretary.user_id } : null,
      isSecretary: !!secretary && secretary.user_id === ctx.identity.userId,
      figures: phase === 'before' ? null : await yearFigures(ctx, db, academicYear, locale),
      proposals: await yearProposals(db, school, academicYear),
      meetings: meetings.map((m) => ({ id: m.id, date: m.meeting_date, place: m.place })),
      levels: AWARD_LEVELS.map((id) => ({ id, label: awardLevelLabels[id][locale] })),
      rules: AWARD_RULE_SOURCES.map((r) => ({ ...r })),
      levelSource: AWARD_LEVEL_SOURCE,
    };
}
