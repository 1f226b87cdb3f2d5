import type { Kysely } from 'kysely';
import { newId, nowIso } from '@licheng/db';
import type { PlatformDatabase } from './platform/tables.ts';

/**
 * One entry of the audit trail (稽核紀錄): who did what to which row, and what the row's
 * changed fields were before and after. Entries are append-only — the database refuses to
 * update or delete them (migration 2026_11_27_audit_001).
 */
export interface AuditEntry {
  /** Set when others must point at this entry before it is written (an import's own entry). */
  id?: string;
  school: string;
  actor: { userId: string; name: string; actingFor?: Partial<Record<string, { userId: string; name: string }>> | undefined };
  /** The role the actor acted as (a teacher may also be homeroom teacher and consultant). */
  role: string;
  /**
   * 代理 — the person the actor acted for as their proxy. Defaults to whom the actor's identity
   * acts for in `role` (a role held today only as an officer's proxy); null: for themselves.
   */
  actedFor?: { userId: string; name: string } | null;
  action: string;
  entity: string;
  entityId: string;
  /** The student the entry concerns (students.id), so the trail can be read student by student. */
  studentId?: string | null;
  /** The entry of the operation this change is part of: an import's rows point at the import's entry. */
  parentId?: string | null;
  /** The row before the change; with `after`, only the fields that differ are kept. */
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** One row an operation (an import) inserted or updated: written under the operation's entry. */
export interface RowChange {
  action: string;
  entity: string;
  entityId: string;
  studentId?: string | null;
  before?: Record<string, unknown>;
  after: Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between two versions of a row, as `{ before, after }` holding only
 * those fields (a field missing on one side is shown as null there). Anything other than two
 * objects is returned as given.
 */
export function changedFields(before: unknown, after: unknown): { before: unknown; after: unknown } {
  if (!isPlainObject(before) || !isPlainObject(after)) return { before, after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !same(before[k], after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  };
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

function auditRow(entry: AuditEntry) {
  const { before, after } = changedFields(entry.before, entry.after);
  const actedFor = entry.actedFor === undefined ? entry.actor.actingFor?.[entry.role] : entry.actedFor;
  return {
    id: entry.id ?? newId(),
    school_code: entry.school,
    actor_id: entry.actor.userId,
    actor_name: entry.actor.name,
    actor_role: entry.role,
    acted_for: actedFor?.userId ?? null,
    acted_for_name: actedFor?.name ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    student_id: entry.studentId ?? null,
    parent_id: entry.parentId ?? null,
    before: json(before),
    after: json(after),
    at: nowIso(entry.at),
  };
}

/** Appends one audit row, inside the caller's transaction, and returns its id. */
export async function writeAudit(db: Kysely<PlatformDatabase>, entry: AuditEntry): Promise<string> {
  const row = auditRow(entry);
  await db.insertInto('audit_log').values(row).execute();
  return row.id;
}

/**
 * Appends many audit rows in a few multi-row inserts (an office's list import), inside the
 * caller's transaction. 500 rows of 13 columns stay well under both dialects' placeholder limits.
 */
export async function writeAudits(db: Kysely<PlatformDatabase>, entries: readonly AuditEntry[], chunk = 500): Promise<void> {
  for (let i = 0; i < entries.length; i += chunk) await db.insertInto('audit_log').values(entries.slice(i, i + chunk).map(auditRow)).execute();
}

/**
 * Appends an operation's own entry (an import: file, counts) and one entry per row it changed,
 * each pointing at the operation's entry (`parent_id`), so the operation lists everything it
 * changed with before and after. Inside the caller's transaction; returns the operation's id.
 * The rows' ids are taken first, so newest-first (time, then id) shows the operation above its rows.
 */
export async function writeOperationAudit(db: Kysely<PlatformDatabase>, operation: AuditEntry, changes: readonly RowChange[]): Promise<string> {
  const { school, actor, role, at } = operation;
  const rows = changes.map((change) => ({ ...change, id: newId(), school, actor, role, at }));
  const parentId = await writeAudit(db, operation);
  await writeAudits(
    db,
    rows.map((row) => ({ ...row, parentId })),
  );
  return parentId;
}
