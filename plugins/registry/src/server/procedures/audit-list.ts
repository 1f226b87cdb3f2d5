import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { auditCursorSchema, auditFilterSchema, findAuditEntries } from '../audit/audit-query.ts';
import { auditWords } from '../../audit-labels.ts';
import { REGISTRY_ROLES } from '../roles.ts';

export const auditListInput = auditFilterSchema.extend({
  /** The `next` of the previous page; none for the newest entries. */
  cursor: auditCursorSchema.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

/**
 * registry.audit.list — the school's audit trail (稽核紀錄), newest first, filtered by student,
 * user, record, action, operation and dates, one page at a time (keyset on time and id).
 * Each entry carries the fields it changed, before and after, and `words`: the entry as people
 * read it in the caller's language (action, entity, role, ROC time, the changed fields labelled).
 */
export const auditList = authedProcedure(REGISTRY_ROLES)
  .input(auditListInput)
  .query(async ({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    const page = await findAuditEntries(ctx.db, ctx.config.code, filter, cursor, limit + 1);
    const entries = page.slice(0, limit).map((entry) => ({ ...entry, words: auditWords(entry, ctx.locale) }));
    const last = entries.at(-1);
    return { entries, next: page.length > limit && last ? { at: last.at, id: last.id } : null };
  });
