import { DomainError, isRosterId, PERFORMANCE_TYPES, rosterLayout } from '@licheng/core';
import { nowIso } from '@licheng/db';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit.ts';
import type { AuthedContext } from '../context.ts';
import type { PlatformDatabase, RecordRow } from '../platform/tables.ts';
import { certifyingAuthority, type CertifyingAuthority } from './policy.ts';
import { transitionRecord } from './transition.ts';

/** Audit actions of a produced roster (名冊) export start with this; their `after` names the term. */
export const ROSTER_EXPORT_ACTION_PREFIX = 'roster.export.';

/** A produced roster export (名冊) as the audit trail keeps it: when, and the term it named (its `after`). */
export interface RosterExport {
  at: string;
  after: string | null;
}

/** The produced roster exports of a school, from the audit trail. */
export async function rosterExports(db: Kysely<PlatformDatabase>, school: string, since?: string): Promise<RosterExport[]> {
  let query = db.selectFrom('audit_log').select(['after', 'at']).where('school_code', '=', school).where('action', 'like', `${ROSTER_EXPORT_ACTION_PREFIX}%`);
  if (since !== undefined) query = query.where('at', '>=', since);
  return query.execute();
}

/** The selected (勾選) record kinds each roster carries: outcomes on 26/28 (and grade 12's batches), performances on 25. */
const SELECTED_KINDS: Partial<Record<string, (kind: string) => boolean>> = {
  outcomes: (kind) => kind === 'outcome',
  'night-outcomes': (kind) => kind === 'outcome',
  performances: (kind) => PERFORMANCE_TYPES.some((t) => t.id === kind),
};

/**
 * Whether one of `exports` held a record selected at `selectedAt` (null: not selected): an export
 * made after the selection, of a roster that carries the record's kind (an outcome is on the
 * outcome rosters, a performance on 25 — a 24 or a grade roster holds neither) and of its term (a
 * year roster: its academic year). An export recorded without its roster (older audit entries)
 * counts for any selected record of its term, the stricter reading.
 */
export function heldByRosterExport(exports: readonly RosterExport[], selectedAt: string | null, record: Pick<RecordRow, 'academic_year' | 'semester' | 'kind'>): boolean {
  if (selectedAt === null) return false;
  return exports.some((e) => {
    if (e.at < selectedAt) return false;
    const after = e.after ? (JSON.parse(e.after) as { academicYear?: number; semester?: number; roster?: string }) : {};
    if (after.academicYear !== record.academic_year) return false;
    if (after.roster === undefined || !isRosterId(after.roster)) return after.semester === record.semester;
    const carries = SELECTED_KINDS[after.roster];
    if (!carries?.(record.kind)) return false;
    return rosterLayout(after.roster).year || after.semester === record.semester;
  });
}

/**
 * Whether the record was in a roster export that was produced: it is selected (勾選) and a
 * roster carrying it was exported after the selection was made (heldByRosterExport). A record can only be selected
 * once passed, so a selection older than the export means the export held it.
 */
export async function inProducedRoster(db: Kysely<PlatformDatabase>, school: string, record: Pick<RecordRow, 'id' | 'academic_year' | 'semester' | 'kind'>): Promise<boolean> {
  const selection = await db.selectFrom('selections').select('created_at').where('record_id', '=', record.id).where('school_code', '=', school).orderBy('created_at').executeTakeFirst();
  if (!selection) return false;
  return heldByRosterExport(await rosterExports(db, school, selection.created_at), selection.created_at, record);
}

/**
 * The caller's authority as the certifier who decided this record: they decided it, or a proxy
 * decided it for them (代理). A proxy takes back only while still the acting proxy (the same rule
 * as deciding). A record they do not certify, or another certifier's decision, is not-found; a
 * record of theirs not decided is 'not-decided'. `known`: the authority already worked out for the record.
 */
export async function assertOwnDecisionAuthority(ctx: AuthedContext, record: RecordRow, known?: CertifyingAuthority): Promise<CertifyingAuthority> {
  const authority = known ?? (await certifyingAuthority(ctx, record));
  if (!authority) throw new DomainError('not-found', {});
  if (record.status !== 'passed' && record.status !== 'failed') throw new DomainError('not-decided', {});
  const mine = record.decided_by === ctx.identity.userId || (authority.for === null && record.decided_for === ctx.identity.userId);
  if (!mine) throw new DomainError('not-found', {});
  return authority;
}

/**
 * A certifier takes back their own decision: a passed or failed (通過／未通過) record goes back
 * to pending, with the reason kept where the student reads it (status_reason on a pending
 * record). Only the certifier who decided may reopen; anyone else gets not-found, as for a
 * record that does not exist. A record in a produced roster export stays decided
 * ('record-in-roster'). A passed record leaves the student's selection, since only passed
 * records can be selected. The change is a compare-and-set on the decided version, so of a
 * reopen and another reopen or decision at once exactly one applies ('not-decided' for the other).
 * The caller checks the certification window first (and may pass the authority it already checked).
 */
export async function reopenRecord(ctx: AuthedContext, before: RecordRow, reason: string, known?: CertifyingAuthority): Promise<RecordRow> {
  const authority = await assertOwnDecisionAuthority(ctx, before, known);
  const { role } = authority;
  const at = ctx.now();
  const changes = {
    status: 'pending',
    status_reason: reason,
    decided_by: null,
    decided_by_name: null,
    decided_role: null,
    decided_at: null,
    decided_for: null,
    decided_for_name: null,
    version: before.version + 1,
    updated_at: nowIso(at),
  };
  return ctx.db.transaction().execute(async (trx) => {
    if (await inProducedRoster(trx, ctx.config.code, before)) throw new DomainError('record-in-roster', {});
    const after = await transitionRecord(trx, before, before.status, changes, 'not-decided');
    const { numDeletedRows } = await trx.deleteFrom('selections').where('record_id', '=', before.id).where('school_code', '=', ctx.config.code).executeTakeFirst();
    await writeAudit(trx, {
      school: ctx.config.code,
      actor: ctx.identity,
      actedFor: authority.for,
      role,
      action: `${before.kind}.certify.reopen`,
      entity: 'record',
      entityId: before.id,
      studentId: before.student_id,
      before: { ...before, selected: numDeletedRows > 0n },
      after: { ...after, selected: false },
      at,
    });
    return after;
  });
}
