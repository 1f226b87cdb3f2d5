import { PERFORMANCE_SUMMARY_MAX, PERFORMANCE_TYPES, recordKindPolicy } from '@licheng/core';
import { authedProcedure, countPerformancesTowardCap, currentStudent } from '@licheng/server';
import { performanceTerm } from '../performance-rules.ts';
import { windowOf } from '../selection-rules.ts';

/**
 * student.performances.kinds — the ten 多元表現 types as the form draws them (national fields,
 * 內容簡述, file slots) and whether the student may enter them; the current term, its upload
 * window, the school's yearly cap and how many of it the student has used.
 */
export const performancesKinds = authedProcedure(['student']).query(async ({ ctx }) => {
  const student = await currentStudent(ctx);
  const term = performanceTerm(ctx);
  const kinds = PERFORMANCE_TYPES.map((t) => ({
    id: t.id,
    label: t.label,
    fields: t.fields,
    summary: { max: PERFORMANCE_SUMMARY_MAX, required: true },
    files: true as const,
    mayEnter: ctx.identity.roles.some((r) => recordKindPolicy(ctx.config, t.id).enterers.includes(r)),
  }));
  return {
    kinds,
    term,
    window: await windowOf(ctx, 'performance-upload', term, { grade: student.grade, className: student.class_name }),
    upload: { cap: ctx.config.rules.performances.uploadCapPerYear, used: await countPerformancesTowardCap(ctx.db, student.id, term.academicYear) },
  };
});
