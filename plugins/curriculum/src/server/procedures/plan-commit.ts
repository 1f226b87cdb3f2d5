import { DomainError, parseCourseCode } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { latestVersion } from '../plan-import.ts';
import { CURRICULUM_WRITERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';
import type { PlanCommitView } from '../views.ts';
import { checkUpload, planUploadInput } from './plan-upload-input.ts';
import { toPlanVersionView } from './plan-version-view.ts';

/**
 * curriculum.plan.commit — imports a course plan file as the next version of the school's plan
 * for the 實施學年度: all of it, or nothing when any row has a problem ('course-plan-rows-invalid').
 * Two imports racing for the same version number: the second fails on the version key and
 * writes nothing ('try-again').
 */
export const planCommit = authedProcedure(CURRICULUM_WRITERS)
  .input(planUploadInput)
  .mutation(async ({ ctx, input }): Promise<PlanCommitView> => {
    const { sourceName, check } = await checkUpload(ctx, input);
    if (check.issues.length) throw new DomainError('course-plan-rows-invalid', { count: check.issues.length });
    const at = ctx.now();
    const school = ctx.config.code;
    const version = await ctx.db.transaction().execute(async (trx) => {
      const db = curriculumDb(trx);
      const latest = await latestVersion(db, school, input.planYear);
      const row = {
        id: newId(), school_code: school, plan_year: input.planYear, version: (latest?.version ?? 0) + 1,
        source_name: sourceName, source_sha256: check.sha256, line_count: check.lines.length,
        imported_by: ctx.identity.userId, imported_by_name: ctx.identity.name, imported_at: nowIso(at),
      };
      await db.insertInto('curriculum_plan_versions').values(row).execute();
      const lines = check.lines.map((l) => {
        const code = parseCourseCode(l.code);
        return {
          id: newId(), school_code: school, version_id: row.id, code: l.code, course_type: l.courseType, subject_name: l.subjectName,
          credits: l.credits, offering_modes: l.offeringModes, attributes: l.attributes, entry_year: code.entryYear,
          class_group: code.classGroup, category: code.category, subject_attribute: code.attribute, domain: code.domain,
        };
      });
      for (let i = 0; i < lines.length; i += 200) await db.insertInto('curriculum_plan_lines').values(lines.slice(i, i + 200)).execute();
      await writeAudit(trx, {
        school, actor: ctx.identity, role: ctx.actingRole, action: 'curriculum.plan.import', entity: 'curriculum-plan-version', entityId: row.id,
        after: { planYear: row.plan_year, version: row.version, sourceName, sha256: check.sha256, lines: lines.length, added: check.diff.added.length, removed: check.diff.removed.length, changed: check.diff.changed.length },
        at,
      });
      return row;
    });
    return { version: toPlanVersionView(version), diff: check.diff };
  });
