import { rosterNumberIfSet } from '@licheng/core';
import type { AuthedContext, PendingCorrection } from '@licheng/server';
import { layoutOf } from '../roster-export.ts';
import type { RosterRequest } from './builder.ts';

export type { PendingCorrection };

/** A correction as 與上次提交的差異 lists it: with the student it is of, so the office knows whose row waits. */
export interface ListedCorrection extends PendingCorrection {
  student: { studentNo: string; name: string; className: string; seatNo: number | null } | null;
}

/**
 * Corrections marked for resubmission that "what changed since" lists beside the diff: records
 * an office corrected after a receipt (收訖明細) issue on this roster (its 名冊別) of this academic
 * year (and term, on a term roster). The receipt office provides them as the platform service
 * `pendingCorrections`; with that office off, or the roster's number unset, there are none. Each
 * names its student (學號, name, class and seat).
 */
export async function pendingCorrectionsOf(ctx: AuthedContext, request: RosterRequest): Promise<ListedCorrection[]> {
  const read = ctx.services.pendingCorrections;
  if (!read) return [];
  const layout = layoutOf(ctx, request.roster);
  const number = rosterNumberIfSet(layout, request.batch, ctx.config.rosters.numbers);
  if (number === null) return [];
  const corrections = await read(ctx.db, ctx.config.code, { rosterKinds: [number] });
  const listed = corrections.filter((c) => c.batch.academicYear === request.academicYear && (layout.year || c.batch.semester === request.semester));
  const ids = [...new Set(listed.map((c) => c.studentId))];
  const students = new Map<string, ListedCorrection['student']>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db.selectFrom('students').select(['id', 'student_no', 'name', 'class_name', 'seat_no']).where('school_code', '=', ctx.config.code).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const s of rows) students.set(s.id, { studentNo: s.student_no, name: s.name, className: s.class_name, seatNo: s.seat_no === null ? null : Number(s.seat_no) });
  }
  return listed.map((c) => ({ ...c, student: students.get(c.studentId) ?? null }));
}
