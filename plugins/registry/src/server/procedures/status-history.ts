import { DomainError, statusOn, taipeiDate, type StatusChangeKind } from '@licheng/core';
import { authedProcedure, statusChangesOf } from '@licheng/server';
import { z } from 'zod';
import { REGISTRY_ROLES } from '../roles.ts';

export const statusHistoryInput = z.object({ studentNo: z.string().trim().min(1).max(32) });

/** registry.status.history — a student's status changes, placements per term and status today. */
export const statusHistory = authedProcedure(REGISTRY_ROLES)
  .input(statusHistoryInput)
  .query(async ({ ctx, input }) => {
    const student = await ctx.db.selectFrom('students').select(['id', 'student_no', 'name', 'class_name']).where('school_code', '=', ctx.config.code).where('student_no', '=', input.studentNo).executeTakeFirst();
    if (!student) throw new DomainError('import-student-unknown', { value: input.studentNo });
    const changes = await statusChangesOf(ctx.db, ctx.config.code, student.id);
    const placements = await ctx.db
      .selectFrom('term_placements')
      .select(['academic_year as academicYear', 'semester', 'division', 'class_name as className', 'seat_no as seatNo'])
      .where('school_code', '=', ctx.config.code)
      .where('student_id', '=', student.id)
      .orderBy('academic_year')
      .orderBy('semester')
      .execute();
    const today = taipeiDate(ctx.now());
    return {
      student: { studentNo: student.student_no, name: student.name, className: student.class_name },
      statusToday: statusOn(changes.map((c, seq) => ({ date: c.date, kind: c.kind as StatusChangeKind, seq })), today),
      changes,
      placements,
    };
  });
