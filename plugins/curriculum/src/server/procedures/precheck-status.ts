import { cohortPlanYear, precheckDeadline, semesterStartDate, taipeiDate } from '@licheng/core';
import { authedProcedure, refusalOf } from '@licheng/server';
import { assertPrecheckWindow } from '../precheck-window.ts';
import { latestVersion } from '../plan-import.ts';
import { CURRICULUM_READERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';
import type { PrecheckStatusView } from '../views.ts';
import { toRunView } from './run-view.ts';
import { termInput } from './term-input.ts';

/**
 * curriculum.precheck.status — a term's runs (newest first), whether the first ran within 4 weeks
 * of the semester start, the plan versions imported since the last run, and each cohort's plan.
 */
export const precheckStatus = authedProcedure(CURRICULUM_READERS)
  .input(termInput)
  .query(async ({ ctx, input }): Promise<PrecheckStatusView> => {
    const db = curriculumDb(ctx.db);
    const school = ctx.config.code;
    const runs = await db
      .selectFrom('curriculum_precheck_runs').selectAll()
      .where('school_code', '=', school).where('academic_year', '=', input.academicYear).where('semester', '=', input.semester)
      .orderBy('ran_at', 'desc').orderBy('id', 'desc').limit(50).execute();
    const first = await db
      .selectFrom('curriculum_precheck_runs').select('ran_at')
      .where('school_code', '=', school).where('academic_year', '=', input.academicYear).where('semester', '=', input.semester)
      .orderBy('ran_at', 'asc').limit(1).executeTakeFirst();
    const grades = await db.selectFrom('courses').select('grade_level').distinct().where('school_code', '=', school).where('academic_year', '=', input.academicYear).where('semester', '=', input.semester).execute();
    const cohorts = [];
    for (const year of [...new Set(grades.map((g) => cohortPlanYear(input.academicYear, g.grade_level)))].sort()) {
      const latest = await latestVersion(db, school, year);
      cohorts.push({ planYear: year, versionId: latest?.id ?? null, version: latest?.version ?? null, importedAt: latest?.imported_at ?? null });
    }
    // A cohort whose current version is not the one the last run compared with: the plan changed since.
    const last = runs[0];
    const used = new Set(last ? (JSON.parse(last.plan_versions) as Array<{ versionId: string }>).map((v) => v.versionId) : []);
    const planChangedSince = last
      ? cohorts.filter((c) => c.versionId !== null && !used.has(c.versionId)).map((c) => ({ planYear: c.planYear, version: c.version!, importedAt: c.importedAt! }))
      : [];
    const deadline = precheckDeadline(input.academicYear, input.semester);
    const today = taipeiDate(ctx.now());
    const firstDay = first ? taipeiDate(new Date(first.ran_at)) : null;
    const firstRun = firstDay ? (firstDay <= deadline ? 'on-time' : 'late') : today <= deadline ? 'pending' : 'overdue';
    // The run's own window rule, asked ahead: the desk disables 執行預檢 with this reason.
    const runRefusal = await refusalOf(ctx.locale, () => assertPrecheckWindow(ctx, ctx.db, input));
    return {
      runRefusal,
      academicYear: input.academicYear, semester: input.semester, semesterStart: semesterStartDate(input.academicYear, input.semester), deadline,
      firstRunAt: first?.ran_at ?? null, firstRun, planChangedSince, cohorts: cohorts.map((c) => ({ planYear: c.planYear, version: c.version })), runs: runs.map(toRunView),
    };
  });
