import type { Hono } from 'hono';
import { mimeOf, XLSX_MIME, type FileType, type Role } from '@licheng/core';
import type { AppEnv } from '../app-env.ts';
import type { AuthedContext } from '../context.ts';
import type { PluginDeps } from '../plugin.ts';
import { certifyingRole } from '../records/policy.ts';
import { authorizeRequest } from '../authorize.ts';
import { contentDisposition, STORED_FILE_CSP } from '../security-headers.ts';

/** Staff who may open any file of their school (platform administration, rosters). */
const SCHOOL_WIDE_READERS: readonly Role[] = ['registry-staff', 'admin'];

async function mayRead(ctx: AuthedContext, fileId: string, createdBy: string): Promise<boolean> {
  if (createdBy === ctx.identity.userId) return true;
  if (ctx.identity.roles.some((r) => SCHOOL_WIDE_READERS.includes(r))) return true;
  const records = await ctx.db
    .selectFrom('records')
    .innerJoin('students', 'students.id', 'records.student_id')
    .selectAll('records')
    .select('students.host_user_id as student_user')
    .where((eb) => eb.or([eb('records.document_file_id', '=', fileId), eb('records.media_file_id', '=', fileId)]))
    .execute();
  for (const { student_user, ...record } of records) {
    if (student_user === ctx.identity.userId) return true;
    if (await certifyingRole(ctx, record)) return true;
  }
  return false;
}

/** GET /api/files/:id — streams a stored file to those allowed to see it. */
export function fileRoutes(app: Hono<AppEnv>, deps: PluginDeps): void {
  app.get('/api/files/:id', async (c) => {
    const ctx = await deps.context(c.req.raw);
    const auth = authorizeRequest(ctx);
    if (!auth.ok) return auth.response;
    const authed = auth.ctx;
    const file = await ctx.db
      .selectFrom('stored_files')
      .selectAll()
      .where('id', '=', c.req.param('id'))
      .where('school_code', '=', ctx.config.code)
      .executeTakeFirst();
    if (!file || !(await mayRead(authed, file.id, file.created_by))) {
      return c.json({ error: { code: 'not-found', message: 'no such file' } }, 404);
    }
    const body = await ctx.storage.open(file.sha256).catch(() => null);
    if (!body) {
      console.error(`[licheng] stored file ${file.id} (${file.sha256}) is missing from storage`);
      return c.json({ error: { code: 'file-missing', message: 'the stored file is missing; the school office has been told' } }, 404);
    }
    // Spreadsheets are always saved, never opened in the browser; documents and media open inline unless asked.
    const disposition = c.req.query('download') || file.type === 'xlsx' ? 'attachment' : 'inline';
    return new Response(body, {
      headers: {
        'content-type': file.type === 'xlsx' ? XLSX_MIME : mimeOf(file.type as FileType),
        'content-length': String(file.size),
        'content-disposition': contentDisposition(disposition, file.original_name),
        'x-content-type-options': 'nosniff',
        // Opened inline from the app's own origin: never let a PDF or image run script there.
        'content-security-policy': STORED_FILE_CSP,
        'cache-control': 'private, max-age=0',
      },
    });
  });
}
