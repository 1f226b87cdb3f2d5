import { DomainError, recordKindDefinition, type RecordKindDefinition, type Role } from '@licheng/core';
import type { AuthedContext } from '../../context.ts';
import type { Kysely } from 'kysely';
import type { PlatformDatabase, RecordRow, Student } from '../../platform/tables.ts';
import { visibleTo } from './scope.ts';

/** What an office mounts: the kinds it keeps, by id (core's RECORD_KINDS) or as its own definitions. */
export interface RecordKindProceduresOptions {
  kinds: ReadonlyArray<string | RecordKindDefinition>;
  /** A rule of the office's checked inside the writing transaction of enter and correct (e.g. no duplicate certificate number). */
  inTransaction?: RecordWriteCheck;
}

/** What enter or correct is about to write: the kind, the student, the checked data, and the record when it is a correction. */
export interface RecordWrite {
  kind: RecordKindDefinition;
  studentId: string;
  data: Readonly<Record<string, string | number | null>>;
  /** The record being corrected; null for a new one. */
  recordId: string | null;
}

/**
 * A check run inside the transaction that writes a record, after the student's row is locked,
 * so a rule across a student's records (a certificate number once) holds under concurrent
 * requests; throws a DomainError to refuse, writing nothing.
 */
export type RecordWriteCheck = (trx: Kysely<PlatformDatabase>, ctx: AuthedContext, write: RecordWrite) => Promise<void>;

export function resolveKinds(options: RecordKindProceduresOptions): RecordKindDefinition[] {
  return options.kinds.map((k) => {
    if (typeof k !== 'string') return k;
    const definition = recordKindDefinition(k);
    if (!definition) throw new Error(`record kind "${k}" is not declared in @licheng/core`);
    return definition;
  });
}

/** A check of the office's own before a record is corrected or withdrawn (e.g. the student's window); throws to refuse. */
export type RecordChangeCheck = (ctx: AuthedContext, record: RecordRow, role: Role) => void | Promise<void>;

/** The mounted kind by id; 'record-kind-not-here' for a kind this office does not keep. */
export function mountedKind(kinds: readonly RecordKindDefinition[], id: string): RecordKindDefinition {
  const kind = kinds.find((k) => k.id === id);
  if (!kind) throw new DomainError('record-kind-not-here', { kind: id });
  return kind;
}

/** A record of one of the kinds the caller may see, with its student; anything else reads as not found. */
export async function loadVisibleRecord(ctx: AuthedContext, kinds: readonly RecordKindDefinition[], id: string): Promise<{ record: RecordRow; student: Student }> {
  const base = ctx.db
    .selectFrom('records as r')
    .innerJoin('students as s', 's.id', 'r.student_id')
    .select('r.id')
    .where('r.id', '=', id)
    .where('r.school_code', '=', ctx.config.code)
    .where(
      'r.kind',
      'in',
      kinds.map((k) => k.id),
    );
  const visible = await (await visibleTo(ctx, kinds, base)).executeTakeFirst();
  if (!visible) throw new DomainError('not-found', {});
  // The school filter again: the rows read in full are this school's whatever the check above becomes.
  const record = await ctx.db.selectFrom('records').selectAll().where('id', '=', id).where('school_code', '=', ctx.config.code).executeTakeFirstOrThrow();
  const student = await ctx.db.selectFrom('students').selectAll().where('id', '=', record.student_id).where('school_code', '=', ctx.config.code).executeTakeFirstOrThrow();
  return { record, student };
}

/** The first issue of a kind's data as a DomainError (its catalogue code and parameters). */
export function dataError(issues: ReadonlyArray<{ message: string; params?: unknown }>): DomainError {
  const first = issues[0];
  const params = (first?.params ?? {}) as Record<string, string | number>;
  const { code, ...rest } = params;
  return new DomainError(typeof code === 'string' ? code : (first?.message ?? 'invalid-input'), rest);
}
