import { authedProcedure } from '@licheng/server';
import { z } from 'zod';
import { consentDb, consentOf } from '../consent/consent-store.ts';

export const consentsListInput = z.object({ className: z.string().trim().min(1).max(32).optional() }).strict();

/**
 * student.consents.list — for the registry (註冊組): each student's consent to release the
 * portfolio, in force or not, by class and seat: the scope and when it was given or withdrawn.
 */
export const consentsList = authedProcedure(['registry-staff', 'admin'])
  .input(consentsListInput)
  .query(async ({ ctx, input }) => {
    let students = ctx.db.selectFrom('students').select(['id', 'student_no', 'name', 'class_name', 'seat_no']).where('school_code', '=', ctx.config.code);
    if (input.className) students = students.where('class_name', '=', input.className);
    const rows = await students.orderBy('class_name').orderBy('seat_no').execute();
    // A class reads its own students' consents (IN lists of at most 500); the whole school reads all.
    const ids = rows.map((s) => s.id);
    const read = (part: string[] | null) => {
      let query = consentDb(ctx.db).selectFrom('portfolio_consents').selectAll().where('school_code', '=', ctx.config.code);
      if (part) query = query.where('student_id', 'in', part);
      return query.orderBy('given_at', 'desc').orderBy('id', 'desc').execute();
    };
    const parts = !rows.length ? [] : input.className ? Array.from({ length: Math.ceil(ids.length / 500) }, (_, i) => ids.slice(i * 500, i * 500 + 500)) : [null];
    const consents = (await Promise.all(parts.map(read))).flat();
    const latest = new Map<string, (typeof consents)[number]>();
    for (const c of consents) if (!latest.has(c.student_id)) latest.set(c.student_id, c);
    return rows.map((s) => {
      const row = latest.get(s.id);
      const consent = row ? consentOf(row) : null;
      return { studentNo: s.student_no, name: s.name, className: s.class_name, seatNo: s.seat_no, state: !consent ? 'none' : consent.withdrawnAt === null ? 'given' : 'withdrawn', consent };
    });
  });
