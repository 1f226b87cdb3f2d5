import type { Hono } from 'hono';
import { formatMessage, mimeOf, XLSX_MIME, type FileType, type Role } from '@licheng/core';
import type { AppEnv } from '../app-env.ts';
import type { AuthedContext } from '../context.ts';
import type { PluginDeps } from '../plugin.ts';
import { certifyingAuthority } from '../records/policy.ts';
import { authorizeRequest } from '../authorize.ts';
import { contentDisposition, STORED_FILE_CSP } from '../security-headers.ts';
import { writeAudits } from '../audit.ts';
import { missingUnlessFault } from '../storage/faults.ts';
import type { StoredFile } from './tables.ts';

/** Staff who may open any file of their school (platform administration, rosters). */
const SCHOOL_WIDE_READERS: readonly Role[] = ['registry-staff', 'admin'];

/** The records that hold a file, each with the host user id of its student. */
async function holdersOf(ctx: AuthedContext, fileId: string) {
  return ctx.db
    .selectFrom('records')
    .innerJoin('students', 'students.id', 'records.student_id')
    .selectAll('records')
    .select('students.host_user_id as student_user')
    .where('records.school_code', '=', ctx.config.code)
    .where((eb) => eb.or([eb('records.document_file_id', '=', fileId), eb('records.media_file_id', '=', fileId)]))
    .execute();
}

type Holder = Awaited<ReturnType<typeof holdersOf>>[number];

async function mayRead(ctx: AuthedContext, createdBy: string, holders: Holder[]): Promise<boolean> {
  if (createdBy === ctx.identity.userId) return true;
  if (ctx.identity.roles.some((r) => SCHOOL_WIDE_READERS.includes(r))) return true;
  for (const { student_user, ...record } of holders) {
    if (student_user === ctx.identity.userId) return true;
    if (await certifyingAuthority(ctx, record)) return true;
  }
  return false;
}

/**
 * Anyone but the student opening or downloading a student's file leaves an audit entry: who,
 * which file, whose, when. Written before the first byte is sent; if it cannot be written the
 * file is not served.
 */
async function auditRead(ctx: AuthedContext, file: StoredFile, holders: Holder[], download: boolean): Promise<void> {
  const entries = holders
    .filter((h) => h.student_user !== ctx.identity.userId)
    .map((h) => ({
      school: ctx.config.code,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: download ? 'file.download' : 'file.open',
      entity: 'stored_file',
      entityId: file.id,
      studentId: h.student_id,
      after: { file_name: file.original_name, record_id: h.id, kind: h.kind, summary: h.summary },
      at: ctx.now(),
    }));
  await writeAudits(ctx.db, entries);
}

/** GET /api/files/:id — streams a stored file to those allowed to see it. */
export function fileRoutes(app: Hono<AppEnv>, deps: PluginDeps): void {
  app.get('/api/files/:id', async (c) => {
    const ctx = await deps.context(c.req.raw);
    const auth = await authorizeRequest(ctx, undefined, { certification: true });
    if (!auth.ok) return auth.response;
    const authed = auth.ctx;
    const file = await ctx.db
      .selectFrom('stored_files')
      .selectAll()
      .where('id', '=', c.req.param('id'))
      .where('school_code', '=', ctx.config.code)
      .executeTakeFirst();
    const holders = file ? await holdersOf(authed, file.id) : [];
    if (!file || !(await mayRead(authed, file.created_by, holders))) {
      return c.json({ error: { code: 'not-found', message: formatMessage('not-found', {}, authed.locale) } }, 404);
    }
    let body: ReadableStream<Uint8Array> | null;
    try {
      body = await ctx.storage.open(file.sha256).catch(missingUnlessFault);
    } catch {
      // The store cannot answer now (an object store down, a failing disk): say so, not "missing".
      return c.json({ error: { code: 'storage-unavailable', message: formatMessage('storage-unreadable', {}, authed.locale) } }, 503);
    }
    if (!body) {
      console.error(`[licheng] stored file ${file.id} (${file.sha256}) is missing from storage`);
      return c.json({ error: { code: 'file-missing', message: 'the stored file is missing; the school office has been told' } }, 404);
    }
    const download = Boolean(c.req.query('download'));
    try {
      await auditRead(authed, file, holders, download);
    } catch (error) {
      // No entry, no file: the read must be on record before anyone sees the file.
      await body.cancel().catch(() => {});
      console.error(`[licheng] file ${file.id} not served: its read could not be audited`, error);
      return c.json({ error: { code: 'internal-error', message: formatMessage('internal-error', {}, authed.locale) } }, 503);
    }
    // Spreadsheets are always saved, never opened in the browser; documents and media open inline unless asked.
    const disposition = download || file.type === 'xlsx' ? 'attachment' : 'inline';
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
