import { DomainError } from '@licheng/core';
import { forUpdate } from '@licheng/db';
import type { AuthedContext, PlatformDatabase } from '@licheng/server';
import type { Kysely } from 'kysely';
import { checkerReach, reaches } from './checker-reach.ts';
import { autobiographyDb, type DocumentRow } from './tables.ts';

export interface CheckedStudent {
  id: string;
  studentNo: string;
  name: string;
  className: string;
  seatNo: number;
}

/**
 * A document the caller checks, with its student — locked when `trx` is given. Anyone else's,
 * like an id that does not exist, is 'not-found' (ADR 0015).
 */
export async function checkableDocument(ctx: AuthedContext, documentId: string, trx?: Kysely<PlatformDatabase>): Promise<{ document: DocumentRow; student: CheckedStudent }> {
  const db = trx ?? ctx.db;
  const reach = await checkerReach(ctx, db);
  const query = autobiographyDb(db).selectFrom('autobiography_documents').selectAll().where('id', '=', documentId).where('school_code', '=', ctx.config.code);
  const document = await (trx ? forUpdate(query, ctx.dialect) : query).executeTakeFirst();
  if (!document || document.record_id === null) throw new DomainError('not-found', {});
  const s = await db.selectFrom('students').select(['id', 'student_no', 'name', 'class_name', 'seat_no']).where('id', '=', document.student_id).executeTakeFirst();
  if (!s || !reaches(reach, s.class_name)) throw new DomainError('not-found', {});
  return { document, student: { id: s.id, studentNo: s.student_no, name: s.name, className: s.class_name, seatNo: Number(s.seat_no) } };
}
