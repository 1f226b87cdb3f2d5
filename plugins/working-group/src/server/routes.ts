import { formatMessage } from '@licheng/core';
import { authorizeRequest, scheduleOf, type LichengContext, type PluginDefinition, type PluginDeps, xlsxDownload } from '@licheng/server';
import { z } from 'zod';
import { academicYearFromQuery, academicYearSchema } from './academic-year.ts';
import { evaluationFileName, evaluationWorkbook } from './evaluation/evaluation-workbook.ts';
import { evaluationOverviewOf } from './procedures/evaluation-overview.ts';
import { GROUP_EDITORS } from './roles.ts';
import { minutesFileName, minutesWorkbook } from './minutes-workbook.ts';
import { currentAcademicYear, scheduleOfYear } from './schedule.ts';
import { workingGroupDb } from './tables.ts';
import { meetingView, memberView } from './views.ts';
import { scheduleFileName, scheduleWorkbook } from './schedule-workbook.ts';
import { selfCheckView, termInput, termOf } from './self-check-view.ts';
import { selfCheckFileName, selfCheckWorkbook } from './self-check-workbook.ts';

type RoutesApp = Parameters<NonNullable<PluginDefinition['routes']>>[0];

/** Path of the schedule download below the Licheng app (a host mounting it elsewhere prefixes it). */
export const SCHEDULE_XLSX_PATH = '/api/working-group/schedule.xlsx';

/** Where the Excel file of `academicYear`'s schedule is downloaded. */
export function scheduleXlsxUrl(academicYear: number): string {
  return `${SCHEDULE_XLSX_PATH}?academicYear=${academicYear}`;
}

/** The same file without signing in, when the school publishes its schedule (`publicSchedule`). */
export const PUBLIC_SCHEDULE_XLSX_PATH = '/api/working-group/public/schedule.xlsx';

export function publicScheduleXlsxUrl(academicYear: number): string {
  return `${PUBLIC_SCHEDULE_XLSX_PATH}?academicYear=${academicYear}`;
}

/**
 * A 400 naming the query parameter that failed and why, in the caller's language: the schemas'
 * catalogue codes (with their params) are worded from the catalogue, anything else as zod says it.
 */
function badQuery(ctx: LichengContext, error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): Response {
  const issue = error.issues[0] as { path: PropertyKey[]; message: string; params?: Record<string, string | number> } | undefined;
  const code = issue?.params ? issue.message : 'invalid-input';
  const message = `${String(issue?.path[0] ?? 'academicYear')}: ${issue?.params ? formatMessage(code, issue.params, ctx.locale) : (issue?.message ?? '')}`;
  return Response.json({ error: { code, message } }, { status: 400 });
}

/** The `academicYear` query parameter (absent: null), or the 400 that says what is wrong with it. */
function academicYearQuery(ctx: LichengContext, value: string | undefined): { year: number | null } | Response {
  const parsed = z.object({ academicYear: academicYearSchema.optional() }).safeParse({ academicYear: academicYearFromQuery(value) });
  return parsed.success ? { year: parsed.data.academicYear ?? null } : badQuery(ctx, parsed.error);
}

/** The year's schedule as an Excel file, or a 400 naming the bad `academicYear`. */
async function scheduleDownload(ctx: LichengContext, academicYearParam: string | undefined): Promise<Response> {
  const parsed = academicYearQuery(ctx, academicYearParam);
  if (parsed instanceof Response) return parsed;
  const now = ctx.now();
  const year = scheduleOfYear(await scheduleOf(ctx), parsed.year ?? currentAcademicYear(now), now);
  const body = await scheduleWorkbook(ctx.config.name, year);
  const name = scheduleFileName(year.academicYear);
  return xlsxDownload(body, name.zh, name.ascii);
}

/**
 * Plain HTTP routes of the working group, mounted at /api/working-group:
 * `GET /schedule.xlsx?academicYear=115` — the year's 作業期程 as an Excel file, for any
 * signed-in user of the school (the schedule is public to the school); the current academic
 * year when `academicYear` is absent.
 * `GET /public/schedule.xlsx?academicYear=115` — the same file without signing in, when the school
 * publishes its schedule (`publicSchedule`, on by default); otherwise 404 `schedule-not-public`.
 * `GET /self-check.xlsx?academicYear=115&semester=1` — the term's 自我檢核表 (working group, admin).
 * `GET /meetings/minutes.xlsx?id=…` — one meeting's record (會議紀錄) as an Excel file, for the
 * working group and administrators; another school's or a missing meeting is not found.
 * `GET /evaluation.xlsx?academicYear=…` — 成效評核及敘獎 of the year (proposals, decisions, figures).
 */
export function workingGroupRoutes(app: RoutesApp, deps: PluginDeps): void {
  app.get('/schedule.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw));
    if (!auth.ok) return auth.response;
    return scheduleDownload(auth.ctx, c.req.query('academicYear'));
  });

  app.get('/public/schedule.xlsx', async (c) => {
    const ctx = await deps.context(c.req.raw);
    if (!ctx.config.publicSchedule) return Response.json({ error: { code: 'schedule-not-public', message: formatMessage('schedule-not-public', {}, ctx.locale) } }, { status: 404 });
    return scheduleDownload(ctx, c.req.query('academicYear'));
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

  app.get('/self-check.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), GROUP_EDITORS);
    if (!auth.ok) return auth.response;
    const { ctx } = auth;
    const semester = c.req.query('semester');
    const parsed = termInput.safeParse({ academicYear: academicYearFromQuery(c.req.query('academicYear')), semester: semester === '1' ? 1 : semester === '2' ? 2 : semester });
    if (!parsed.success) return badQuery(ctx, parsed.error);
    const view = await selfCheckView(ctx, termOf(ctx, parsed.data));
    const name = selfCheckFileName(view);
    return xlsxDownload(await selfCheckWorkbook(ctx.config.name, view), name.zh, name.ascii);
  });

  /** GET /api/working-group/evaluation.xlsx?academicYear=115 — 成效評核及敘獎 of the year as Excel, for the staff-award process. */
  app.get('/evaluation.xlsx', async (c) => {
    const auth = await authorizeRequest(await deps.context(c.req.raw), GROUP_EDITORS);
    if (!auth.ok) return auth.response;
    const { ctx } = auth;
    const parsed = academicYearQuery(ctx, c.req.query('academicYear'));
    if (parsed instanceof Response) return parsed;
    const overview = await evaluationOverviewOf(ctx, parsed.year ?? currentAcademicYear(ctx.now()), 'zh-TW');
    const name = evaluationFileName(overview.academicYear);
    return xlsxDownload(await evaluationWorkbook(ctx.config.name, overview), name.zh, name.ascii);
  });
}
