import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { checkerReach } from '../checker-reach.ts';
import { standingCheck } from '../documents.ts';
import { autobiographyDb, type CheckRow } from '../tables.ts';
import { checkView, documentView } from '../views.ts';

/**
 * autobiography.checks.queue — 檢核: the documents the caller checks that were ever submitted,
 * by class and seat: those waiting (submitted) and those decided, with the decision that stands.
 * The school names the checker (`rules.autobiography.checker`); anyone else gets `mayCheck: false`
 * and an empty list, and the screen says who checks.
 */
export const checksQueue = authedProcedure(['homeroom-teacher', 'counseling-staff'])
  .input(z.object({}).strict().optional())
  .query(async ({ ctx }) => {
    const reach = await checkerReach(ctx);
    const base = { checker: reach.checker, mayCheck: reach.mayCheck, classNames: reach.classNames ?? [] };
    if (!reach.mayCheck || (reach.classNames !== null && reach.classNames.length === 0)) return { ...base, items: [] };
    let query = autobiographyDb(ctx.db)
      .selectFrom('autobiography_documents as d')
      .innerJoin('students as s', 's.id', 'd.student_id')
      .selectAll('d')
      .select(['s.student_no', 's.name', 's.class_name', 's.seat_no'])
      .where('d.school_code', '=', ctx.config.code)
      .where('d.record_id', 'is not', null);
    if (reach.classNames !== null) query = query.where('s.class_name', 'in', reach.classNames);
    const rows = await query.orderBy('s.class_name').orderBy('s.seat_no').orderBy('d.kind').orderBy('d.language').execute();
    const checks = rows.length
      ? await autobiographyDb(ctx.db).selectFrom('autobiography_checks').selectAll().where('document_id', 'in', rows.map((r) => r.id)).orderBy('decided_at', 'desc').orderBy('id', 'desc').execute()
      : [];
    const byDocument = new Map<string, CheckRow[]>();
    for (const c of checks) byDocument.set(c.document_id, [...(byDocument.get(c.document_id) ?? []), c]);
    const items = rows.map((r) => {
      const standing = standingCheck(byDocument.get(r.id) ?? []);
      return {
        ...documentView(r),
        student: { studentNo: r.student_no, name: r.name, className: r.class_name, seatNo: Number(r.seat_no) },
        standing: standing ? checkView(standing, ctx.identity.userId) : null,
      };
    });
    return { ...base, items };
  });
