import { decideTransition, DomainError } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { writeAudit } from '../audit.ts';
import type { AuthedContext } from '../context.ts';
import type { RecordRow } from '../platform/tables.ts';
import { certifyingAuthority, loadRecord, type CertifyingAuthority } from './policy.ts';
import { transitionRecord } from './transition.ts';

export interface DecideInput {
  decision: 'pass' | 'fail';
  reason?: string | undefined;
}

/**
 * A record the caller may certify, or not-found: a record of another teacher's course reads
 * exactly as one that does not exist, so its existence is never revealed. Callers check this
 * before anything else about the record (its window, its status).
 */
export async function loadCertifiableRecord(ctx: AuthedContext, id: string): Promise<{ record: RecordRow; authority: CertifyingAuthority }> {
  const record = await loadRecord(ctx, id);
  const authority = await certifyingAuthority(ctx, record);
  if (!authority) throw new DomainError('not-found', {});
  return { record, authority };
}

/**
 * Certifies (認證) one record: passed, or failed with a reason. The update only applies to the
 * version that was read while still pending, so of two certifiers deciding at once exactly one wins
 * (a proxy and the returning teacher included). A proxy's decision names whom it was for (decided_for).
 * `before` is the record as the caller loaded it (loadRecord), which it also needed for its checks;
 * `known` the authority loadCertifiableRecord already worked out for it (else it is worked out here).
 */
export async function decideRecord(ctx: AuthedContext, before: RecordRow, input: DecideInput, known?: CertifyingAuthority): Promise<RecordRow> {
  const authority = known ?? (await certifyingAuthority(ctx, before));
  // Not theirs to certify: the same answer as a record that does not exist.
  if (!authority) throw new DomainError('not-found', {});
  const { role } = authority;
  const status = decideTransition(before.status as never, input.decision, input.reason);
  const at = ctx.now();
  const changes = {
    status,
    status_reason: input.decision === 'fail' ? (input.reason ?? '').trim() : null,
    decided_by: ctx.identity.userId,
    decided_by_name: ctx.identity.name,
    decided_role: role,
    decided_at: nowIso(at),
    decided_for: authority.for?.userId ?? null,
    decided_for_name: authority.for?.name ?? null,
    version: before.version + 1,
    updated_at: nowIso(at),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const after = await transitionRecord(trx, before, 'pending', changes, 'already-decided');
    await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, actedFor: authority.for, role, action: `${before.kind}.certify.${input.decision}`, entity: 'record', entityId: before.id, studentId: before.student_id, before, after, at });
    return after;
  });
}
