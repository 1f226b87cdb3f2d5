import { DomainError } from '@licheng/core';
import { writeAudit, type AuthedContext } from '@licheng/server';
import { countAuditEntries, findAuditEntries, type AuditCursor, type AuditEntryView, type AuditFilter } from './audit-query.ts';
import { auditFileName, auditWorkbook } from './audit-workbook.ts';

/** Most entries one export holds: past it the office is asked to narrow the filter. */
export const AUDIT_EXPORT_MAX = 20_000;
const PAGE = 1_000;

/**
 * The filtered audit trail as an Excel workbook, refused (`audit-export-too-large`) before
 * anything is read when more than `max` entries match. The export itself is audited.
 */
export async function exportAudit(ctx: AuthedContext, filter: AuditFilter, max = AUDIT_EXPORT_MAX): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string; rowCount: number }> {
  const school = ctx.config.code;
  const count = await countAuditEntries(ctx.db, school, filter);
  if (count > max) throw new DomainError('audit-export-too-large', { count, max });
  const entries: AuditEntryView[] = [];
  let cursor: AuditCursor | undefined;
  // Read page by page (keyset), never more than the cap even if entries arrive meanwhile.
  while (entries.length < max) {
    const page = await findAuditEntries(ctx.db, school, filter, cursor, Math.min(PAGE, max - entries.length));
    entries.push(...page);
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    cursor = { at: last.at, id: last.id };
  }
  const bytes = await auditWorkbook(entries, ctx.locale);
  const at = ctx.now();
  await writeAudit(ctx.db, {
    school,
    actor: ctx.identity,
    role: ctx.actingRole,
    action: 'audit.export',
    entity: 'audit_log',
    entityId: 'export',
    after: { filters: filter, rowCount: entries.length },
    at,
  });
  return { bytes, fileName: auditFileName(school, at, ctx.locale), rowCount: entries.length };
}
