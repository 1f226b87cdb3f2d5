import { diffCoursePlans, DomainError } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { latestVersion, versionLines } from '../plan-import.ts';
import { CURRICULUM_WRITERS } from '../roles.ts';
import { curriculumDb } from '../tables.ts';
import type { PlanCommitView } from '../views.ts';
import { toPlanVersionView } from './plan-version-view.ts';

export const planRestoreInput = z.object({ versionId: z.string().min(1).max(36) });

/**
 * curriculum.plan.restore — takes an import back: the lines of an earlier version become the next
 * version of its 實施學年度 (nothing is deleted; the file name and SHA-256 are the earlier version's).
 */
export const planRestore = authedProcedure(CURRICULUM_WRITERS)
  .input(planRestoreInput)
  .mutation(async ({ ctx, input }): Promise<PlanCommitView> => {
    const school = ctx.config.code;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const db = curriculumDb(trx);
      const source = await db.selectFrom('curriculum_plan_versions').selectAll().where('school_code', '=', school).where('id', '=', input.versionId).executeTakeFirst();
      if (!source) throw new DomainError('not-found', {});
      const latest = (await latestVersion(db, school, source.plan_year))!;
      const before = await versionLines(db, school, latest.id, source.plan_year);
      const lines = await db.selectFrom('curriculum_plan_lines').selectAll().where('school_code', '=', school).where('version_id', '=', source.id).orderBy('code').execute();
      const row = {
        id: newId(), school_code: school, plan_year: source.plan_year, version: latest.version + 1, source_name: source.source_name,
        source_sha256: source.source_sha256, line_count: lines.length, imported_by: ctx.identity.userId, imported_by_name: ctx.identity.name, imported_at: nowIso(at),
      };
      await db.insertInto('curriculum_plan_versions').values(row).execute();
      const copies = lines.map((l) => ({ ...l, id: newId(), version_id: row.id }));
      for (let i = 0; i < copies.length; i += 200) await db.insertInto('curriculum_plan_lines').values(copies.slice(i, i + 200)).execute();
      const diff = diffCoursePlans(before, await versionLines(db, school, row.id, row.plan_year));
      await writeAudit(trx, {
        school, actor: ctx.identity, role: ctx.actingRole, action: 'curriculum.plan.restore', entity: 'curriculum-plan-version', entityId: row.id,
        after: { planYear: row.plan_year, version: row.version, restoredFrom: source.version, lines: copies.length }, at,
      });
      return { version: toPlanVersionView(row), diff };
    });
  });
