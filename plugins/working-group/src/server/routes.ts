import { formatMessage } from '@licheng/core';
import { authorizeRequest, scheduleOf, type PluginDefinition, type PluginDeps, xlsxDownload } from '@licheng/server';
import { academicYearFromQuery, academicYearSchema } from './academic-year.ts';
import { evaluationFileName, evaluationWorkbook } from './evaluation/evaluation-workbook.ts';
import { evaluationOverviewOf } from './procedures/evaluation-overview.ts';
import { GROUP_EDITORS } from './roles.ts';
import { minutesFileName, minutesWorkbook } from './minutes-workbook.ts';
import { currentAcademicYear, scheduleOfYear } from './schedule.ts';
import { workingGroupDb } from './tables.ts';
import { meetingView, memberView } from './views.ts';
import { scheduleFileName, scheduleWorkbook } from './schedule-workbook.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/** Path of the schedule download below the Licheng app (a host mounting it elsewhere prefixes it). */
export const SCHEDULE_XLSX_PATH = '/api/working-group/schedule.xlsx';

/** Where the Excel file of `academicYear`'s schedule is downloaded. */
export function scheduleXlsxUrl(academicYear: number): string {
  return `${SCHEDULE_XLSX_PATH}?academicYear=${academicYear}`;
}

/**
 * Plain HTTP routes of the working group, mounted at /api/working-group:
 * `GET /schedule.xlsx?academicYear=115` — the year's 作業期程 as an Excel file, for any
 * signed-in user of the school (the schedule is public to the school); the current academic
 * year when `academicYear` is absent.
 * `GET /meetings/minutes.xlsx?id=…` — one meeting's record (會議紀錄) as an Excel file, for the
 * working group and administrators; another school's or a missing meeting is not found.
 * `GET /evaluation.xlsx?academicYear=…` — 成效評核及敘獎 of the year (proposals, decisions, figures).
 */
export function workingGroupRoutes(app: RoutesApp, deps: PluginDeps): void {
  app.get('/schedule.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw));
    if (!auth.ok) return auth.response;
    const { ctx } = auth;
    const parsed = academicYearSchema.optional().safeParse(academicYearFromQuery(c.req.query('academicYear')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0] as { message: string; params?: Record<string, string | number> } | undefined;
      const code = issue?.message ?? 'invalid-input';
      const message = `academicYear: ${formatMessage(code, issue?.params ?? {}, ctx.locale)}`;
      return Response.json({ error: { code, message } }, { status: 400 });
    }
    const now = ctx.now();
    const year = scheduleOfYear(await scheduleOf(ctx), parsed.data ?? currentAcademicYear(now), now);
    const body = await scheduleWorkbook(ctx.config.name, year);
    const name = scheduleFileName(year.academicYear);
    return xlsxDownload(body, name.zh, name.ascii);
  });

  app.get('/meetings/minutes.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), GROUP_EDITORS);
    if (!auth.ok) return auth.response;
    const { ctx } = auth;
    const db = workingGroupDb(ctx.db);
    const id = c.req.query('id') ?? '';
    const row = id ? await db.selectFrom('working_group_meetings').selectAll().where('id', '=', id.slice(0, 64)).where('school_code', '=', ctx.config.code).executeTakeFirst() : undefined;
    if (!row) return Response.json({ error: { code: 'not-found', message: formatMessage('not-found', {}, ctx.locale) } }, { status: 404 });
    const members = await db.selectFrom('working_group_members').selectAll().where('school_code', '=', ctx.config.code).where('academic_year', '=', row.academic_year).orderBy('created_at').orderBy('id').execute();
    const meeting = meetingView(row);
    const name = minutesFileName(meeting);
    return xlsxDownload(await minutesWorkbook(ctx.config.name, meeting, members.map(memberView)), name.zh, name.ascii);
  });

  /** GET /api/working-group/evaluation.xlsx?academicYear=115 — 成效評核及敘獎 of the year as Excel, for the staff-award process. */
  app.get('/evaluation.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), GROUP_EDITORS);
    if (!auth.ok) return auth.response;
    const { ctx } = auth;
    const parsed = academicYearSchema.optional().safeParse(academicYearFromQuery(c.req.query('academicYear')));
    if (!parsed.success) return Response.json({ error: { code: 'invalid-input', message: `academicYear: ${formatMessage('invalid-input', {}, ctx.locale)}` } }, { status: 400 });
    const overview = await evaluationOverviewOf(ctx, parsed.data ?? currentAcademicYear(ctx.now()), 'zh-TW');
    const name = evaluationFileName(overview.academicYear);
    return xlsxDownload(await evaluationWorkbook(ctx.config.name, overview), name.zh, name.ascii);
  });
}
