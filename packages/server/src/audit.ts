import type { Kysely } from 'kysely';
import { newId, nowIso } from '@licheng/db';
import type { PlatformDatabase } from './platform/tables.ts';

export interface AuditEntry {
  school: string;
  actor: { userId: string; name: string };
  /** The role the actor acted as (a teacher may also be homeroom teacher and consultant). */
  role: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}

const auditRow = (entry: AuditEntry) => ({
  id: newId(),
  school_code: entry.school,
  actor_id: entry.actor.userId,
  actor_name: entry.actor.name,
  actor_role: entry.role,
  action: entry.action,
  entity: entry.entity,
  entity_id: entry.entityId,
  before: entry.before === undefined ? null : JSON.stringify(entry.before),
  after: entry.after === undefined ? null : JSON.stringify(entry.after),
  at: nowIso(entry.at),
});

/** Appends one audit row, inside the caller's transaction. Audit rows are never updated or deleted. */
export async function writeAudit(db: Kysely<PlatformDatabase>, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}

/** Appends many audit rows in a few multi-row inserts (an office's list import), inside the caller's transaction. */
export async function writeAudits(db: Kysely<PlatformDatabase>, entries: readonly AuditEntry[], chunk = 200): Promise<void> {
  for (let i = 0; i < entries.length; i += chunk) await db.insertInto('audit_log').values(entries.slice(i, i + chunk).map(auditRow)).execute();
}
