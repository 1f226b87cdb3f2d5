import { authedProcedure } from '@licheng/server';
import { checkedPattern, correctionPattern, matchingGrades } from '../grades/correction.ts';
import { REGISTRY_ROLES } from '../roles.ts';
import { registryDb } from '../tables.ts';

/** registry.corrections.preview — every grade a pattern correction would change, with its student; nothing is written. */
export const correctionsPreview = authedProcedure(REGISTRY_ROLES)
  .input(correctionPattern)
  .query(async ({ ctx, input }) => {
    const { from, to } = checkedPattern(input);
    const rows = await matchingGrades(registryDb(ctx.db), ctx.config.code, input, from);
    return {
      field: input.field,
      from: String(from),
      to: String(to),
      grades: rows.map((r) => ({ gradeId: r.id, take: r.take, studentNo: r.student_no, name: r.name, className: r.class_name, seatNo: r.seat_no })),
    };
  });
