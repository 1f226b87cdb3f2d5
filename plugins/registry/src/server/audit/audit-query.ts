import { DomainError, isIsoDate } from '@licheng/core';
import type { AuditRow, PlatformDatabase } from '@licheng/server';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { z } from 'zod';

/** Longest search text of a filter. */
const text = (max: number) => z.string().trim().max(max).optional();
const isoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD').optional();

/** The filters of the audit trail (稽核紀錄), shared by the list and the Excel export. */
export const auditFilterSchema = z.object({
  /** A student by 學號 (exact) or 姓名 (part of it). */
  student: text(40),
  /** Who acted: an account id (exact) or a name (part of it). */
  user: text(100),
  /** The record: entity (record, course, student…) and, optionally, its id. */
  entity: text(40),
  entityId: text(64),
  /** Part of the action code, e.g. `certify` or `roster.import`. */
  action: text(80),
  /** The entries of one operation (an import): its own entry's id. */
  parentId: text(36),
  /** Dates in Taipei, both included. */
  from: isoDate,
  to: isoDate,
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Where a page starts: after the entry at (at, id), newest first. */
export const auditCursorSchema = z.object({ at: z.string().max(24), id: z.string().max(36) });
export type AuditCursor = z.infer<typeof auditCursorSchema>;

/** Students whose 學號 is the text or whose 姓名 holds it, at most this many. */
const MAX_MATCHED_STUDENTS = 500;

/** `column` holds `part`: LIKE with `!` as escape character (one that needs no escaping in either dialect's string literals). */
function contains(column: Expression<string>, part: string): Expression<SqlBool> {
  const pattern = `%${part.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return sql<SqlBool>`${column} like ${pattern} escape '!'`;
}

/** The instant a Taipei date starts, as stored timestamps are written. */
function taipeiStart(isoDay: string): string {
  return new Date(`${isoDay}T00:00:00+08:00`).toISOString();
}

function nextDay(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface AuditEntryView {
  id: string;
  at: string;
  /** `actedFor`: 代理 — whom the actor acted for as their proxy (ADR 0023); null when for themselves. */
  actor: { id: string; name: string; role: string; actedFor?: { id: string; name: string } | null };
  action: string;
  entity: string;
  entityId: string;
  parentId: string | null;
  student: { id: string; studentNo: string; name: string; className: string } | null;
  before: unknown;
  after: unknown;
}

const parse = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

type Row = AuditRow & { student_no: string | null; student_name: string | null; student_class: string | null };

function view(row: Row): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role, actedFor: row.acted_for ? { id: row.acted_for, name: row.acted_for_name ?? row.acted_for } : null },
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    parentId: row.parent_id,
    student: row.student_id && row.student_no !== null ? { id: row.student_id, studentNo: row.student_no, name: row.student_name ?? '', className: row.student_class ?? '' } : null,
    before: parse(row.before),
    after: parse(row.after),
  };
}

/**
 * The school's audit entries matching `filter`, newest first, from `cursor` on, at most
 * `limit`. A student filter matching nobody matches no entry.
 */
export async function findAuditEntries(db: Kysely<PlatformDatabase>, school: string, filter: AuditFilter, cursor: AuditCursor | undefined, limit: number): Promise<AuditEntryView[]> {
  const query = await filtered(db, school, filter);
  if (!query) return [];
  const rows = await query
    .leftJoin('students', 'students.id', 'audit_log.student_id')
    .selectAll('audit_log')
    .select(['students.student_no as student_no', 'students.name as student_name', 'students.class_name as student_class'])
    .$if(cursor !== undefined, (q) =>
      q.where((eb) => eb.or([eb('audit_log.at', '<', cursor!.at), eb.and([eb('audit_log.at', '=', cursor!.at), eb('audit_log.id', '<', cursor!.id)])])),
    )
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
  return (rows as Row[]).map(view);
}

/** How many entries match `filter` (to refuse an export past its cap before building it). */
export async function countAuditEntries(db: Kysely<PlatformDatabase>, school: string, filter: AuditFilter): Promise<number> {
  const query = await filtered(db, school, filter);
  if (!query) return 0;
  const row = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function filtered(db: Kysely<PlatformDatabase>, school: string, filter: AuditFilter) {
  if (filter.from && filter.to && filter.from > filter.to) throw new DomainError('audit-date-range', { from: filter.from, to: filter.to });
  let studentIds: string[] | null = null;
  if (filter.student) {
    const part = filter.student;
    const students = await db
      .selectFrom('students')
      .select('id')
      .where('school_code', '=', school)
      .where((eb) => eb.or([eb('student_no', '=', part), contains(eb.ref('name'), part)]))
      .limit(MAX_MATCHED_STUDENTS)
      .execute();
    if (students.length === 0) return null;
    studentIds = students.map((s) => s.id);
  }
  return db
    .selectFrom('audit_log')
    .where('audit_log.school_code', '=', school)
    // One student (a 學號) by equality, so the (school, student, at, id) index serves the page in order.
    .$if(studentIds !== null, (q) => (studentIds!.length === 1 ? q.where('audit_log.student_id', '=', studentIds![0]!) : q.where('audit_log.student_id', 'in', studentIds!)))
    .$if(!!filter.user, (q) => q.where((eb) => eb.or([eb('audit_log.actor_id', '=', filter.user!), contains(eb.ref('audit_log.actor_name'), filter.user!)])))
    .$if(!!filter.entity, (q) => q.where('audit_log.entity', '=', filter.entity!))
    .$if(!!filter.entityId, (q) => q.where('audit_log.entity_id', '=', filter.entityId!))
    .$if(!!filter.action, (q) => q.where((eb) => contains(eb.ref('audit_log.action'), filter.action!)))
    .$if(!!filter.parentId, (q) => q.where('audit_log.parent_id', '=', filter.parentId!))
    .$if(!!filter.from, (q) => q.where('audit_log.at', '>=', taipeiStart(filter.from!)))
    .$if(!!filter.to, (q) => q.where('audit_log.at', '<', taipeiStart(nextDay(filter.to!))));
}
