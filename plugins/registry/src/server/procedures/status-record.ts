import { DomainError, freeText, STATUS_CHANGE_KINDS } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import { authedProcedure, syncStudentStatus, writeAudit } from '@licheng/server';
import { z } from 'zod';
import { REGISTRY_ROLES } from '../roles.ts';

export const statusRecordInput = z.object({
  studentNo: z.string().trim().min(1).max(32),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(STATUS_CHANGE_KINDS),
  statusCode: z.string().regex(/^\d{3}$/),
  note: freeText({ max: 200 }).optional().default(''),
});

/** registry.status.record — records one status change (學籍異動) of a student by hand, audited; students.status follows (enrolled / left / graduated as of today). */
export const statusRecord = authedProcedure(REGISTRY_ROLES)
  .input(statusRecordInput)
  .mutation(async ({ ctx, input }) => {
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const student = await trx.selectFrom('students').select(['id']).where('school_code', '=', ctx.config.code).where('student_no', '=', input.studentNo).executeTakeFirst();
      if (!student) throw new DomainError('import-student-unknown', { value: input.studentNo });
      const same = await trx.selectFrom('status_changes').select('id').where('student_id', '=', student.id).where('date', '=', input.date).where('kind', '=', input.kind).executeTakeFirst();
      if (same) throw new DomainError('status-change-exists', { date: input.date });
      const row = { id: newId(), school_code: ctx.config.code, student_id: student.id, date: input.date, kind: input.kind, status_code: input.statusCode, note: input.note, created_at: nowIso(at) };
      await trx.insertInto('status_changes').values(row).execute();
      await syncStudentStatus(trx, ctx.config.code, [student.id], at);
      await writeAudit(trx, { school: ctx.config.code, actor: ctx.identity, role: ctx.actingRole, studentId: student.id, at, action: 'student.status.record', entity: 'status-change', entityId: row.id, after: { student_no: input.studentNo, date: row.date, kind: row.kind, status_code: row.status_code, note: row.note } });
      return { id: row.id, studentNo: input.studentNo, date: row.date, kind: row.kind, statusCode: row.status_code, note: row.note };
    });
  });
