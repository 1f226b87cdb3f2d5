import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { comparePlan } from '../precheck.ts';
import { assertPrecheckWindow } from '../precheck-window.ts';
import { CURRICULUM_WRITERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';
import type { PrecheckRunView } from '../views.ts';
import { toRunView } from './run-view.ts';
import { termInput } from './term-input.ts';

/**
 * curriculum.precheck.run — 開課預檢及比對 of a term: compares the term's offerings and
 * enrolments with the current plan of each cohort and stores the run with every 「不同」.
 * Only inside the term's `pre-check` window for every grade and class it covers.
 */
export const precheckRun = authedProcedure(CURRICULUM_WRITERS)
  .input(termInput)
  .mutation(async ({ ctx, input }): Promise<PrecheckRunView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      await assertPrecheckWindow(ctx, trx, input);
      const db = curriculumDb(trx);
      const { differences, versions } = await comparePlan(db, school, input);
      const run = {
        id: newId(), school_code: school, academic_year: input.academicYear, semester: input.semester,
        ran_by: ctx.identity.userId, ran_by_name: ctx.identity.name, ran_at: nowIso(at),
        plan_versions: JSON.stringify(versions), difference_count: differences.length,
      };
      await db.insertInto('curriculum_precheck_runs').values(run).execute();
      const rows = differences.map((d, position) => ({
        id: newId(), school_code: school, run_id: run.id, position, kind: d.kind, fixer: d.fixer, class_name: d.className,
        code: d.code, subject_name: d.subjectName, course_id: d.courseId, student_id: d.studentId, student_no: d.studentNo,
        student_name: d.studentName, expected: d.expected, found: d.found,
      }));
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('curriculum_precheck_differences').values(rows.slice(i, i + 200)).execute();
      await writeAudit(trx, {
        school, actor: ctx.identity, role: ctx.actingRole, action: 'curriculum.precheck.run', entity: 'curriculum-precheck-run', entityId: run.id,
        after: { academicYear: input.academicYear, semester: input.semester, planVersions: versions.map((v) => `${v.planYear}#${v.version}`).join(', '), differences: differences.length },
        at,
      });
      return toRunView(run);
    });
  });
