import { DomainError } from '@licheng/core';
import { authorizeRequest, type PluginDefinition, type PluginDeps, xlsxDownload } from '@licheng/server';
import { z } from 'zod';
import { precheckWorkbook } from './precheck-xlsx.ts';
import { toDifferenceView, toRunView } from './procedures/run-view.ts';
import { CURRICULUM_READERS } from './roles.ts';
import { curriculumDb } from './tables.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

const exportQuery = z.object({ runId: z.string().min(1).max(36) });

/** Plain HTTP routes of the office, mounted at /api/curriculum. */
export function curriculumRoutes(app: RoutesApp, deps: PluginDeps): void {
  /** GET /api/curriculum/precheck/export.xlsx?runId=… — a pre-check run's 「不同」 as Excel. */
  app.get('/precheck/export.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), CURRICULUM_READERS);
    if (!auth.ok) return auth.response;
    const ctx = auth.ctx;
    const query = exportQuery.safeParse(c.req.query());
    if (!query.success) return Response.json({ error: { code: 'invalid-input', message: 'runId' } }, { status: 400 });
    const db = curriculumDb(ctx.db);
    const run = await db.selectFrom('curriculum_precheck_runs').selectAll().where('school_code', '=', ctx.config.code).where('id', '=', query.data.runId).executeTakeFirst();
    if (!run) {
      const error = new DomainError('not-found', {});
      return Response.json({ error: { code: error.code, message: error.format(ctx.locale) } }, { status: 404 });
    }
    const rows = await db.selectFrom('curriculum_precheck_differences').selectAll().where('run_id', '=', run.id).orderBy('position').execute();
    const body = await precheckWorkbook(toRunView(run), rows.map(toDifferenceView), ctx.locale);
    const name = `${run.academic_year}-${run.semester} 開課預檢比對.xlsx`;
    return xlsxDownload(body, name);
  });
}
